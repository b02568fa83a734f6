/**
 * `fevm_market_*`: test control of the storage market (f05) behind `hre.fevm.market`. Every
 * operation is a real message to the market actor (see src/actors/market/control.ts) run with
 * `Chain.runAsSystem`, so it is all-or-nothing and obeys the actor's rules and exit codes.
 * JSON: amounts, epochs and ids are decimal strings (numbers and 0x quantities are accepted in),
 * addresses come out as t0… (the market stores ID addresses) and go in in any form.
 */
import type { CID } from "multiformats/cid";
import {
  bytesToHex,
  CborDecodeError,
  decodeHex,
  filecoinAddressFromEth,
  formatAddress,
  InvalidAddressError,
  InvalidCidError,
  parseCid,
  type FilecoinAddress,
} from "../../fil";
import {
  activateDeal,
  addBalanceFor,
  configureMarket,
  escrowBalance,
  getDeal,
  listDeals,
  MarketControlError,
  publishDeal,
  settleDeals,
  terminateDeal,
  type MarketDeal,
} from "../../actors/market/control";
import { DEAL_MAX_LABEL_SIZE } from "../../actors/market/policy";
import { readSignature, type DealLabel, type DealProposal, type DealState, type Signature } from "../../actors/market/types";
import type { MethodContext, MethodTable } from "../context";
import { ErrorCode, invalidParams, ProviderError } from "../errors";
import * as p from "../params";
import { parseAnyAddress } from "./fevm-address";

export const amount = (value: unknown, name: string) => p.integer(value, name, p.ATTO_FIL);
export const epoch = (value: unknown, name: string) => p.integer(value, name, p.EPOCH);
export const u64 = (value: unknown, name: string) => p.integer(value, name, p.UINT64);
/** A settle call names at most this many deals (the real method takes a bitfield of any size; a test needs few). */
const MAX_SETTLE_IDS = 10_000;

export function pieceCid(value: unknown, name: string): CID {
  try {
    return parseCid(p.string(value, name, p.MAX_CID_CHARS));
  } catch (e) {
    if (e instanceof InvalidCidError) throw invalidParams(`Errors encountered in param ${name}: ${e.message}`);
    throw e;
  }
}

/**
 * Far above what the market takes (DEAL_MAX_LABEL_SIZE bytes), so it still refuses a long label
 * with its own exit code, but short of megabytes that would be CBOR-encoded and signed-over first.
 */
const MAX_LABEL_CHARS = 4 * DEAL_MAX_LABEL_SIZE;
/** A type byte and a 96-byte BLS signature are 97 bytes; leave room for the actor to refuse more. */
const MAX_SIGNATURE_CHARS = 2 + 2 * 4 * 97;

function label(value: unknown, name: string): DealLabel {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return p.string(value, name, MAX_LABEL_CHARS);
  const hex = typeof value === "object" && "bytes" in value ? p.string((value as { bytes: unknown }).bytes, `${name}.bytes`, 2 + 2 * MAX_LABEL_CHARS) : undefined;
  const bytes = hex === undefined ? undefined : decodeHex(hex);
  if (bytes === undefined) throw invalidParams(`Errors encountered in param ${name}: a label is a string, or { "bytes": "0x…" } for a byte label`);
  return bytes;
}

function signature(value: unknown, name: string): Signature | undefined {
  if (value === undefined || value === null) return undefined;
  const bytes = typeof value === "string" && value.length <= MAX_SIGNATURE_CHARS ? decodeHex(value) : undefined;
  if (bytes === undefined) throw p.paramError(name, "0x-hex of type byte (1 secp256k1, 2 BLS) ‖ signature", value);
  try {
    return readSignature(bytes, name);
  } catch (e) {
    if (e instanceof CborDecodeError) throw invalidParams(`Errors encountered in param ${e.message}`);
    throw e;
  }
}

export function proposalParam(value: unknown): { proposal: DealProposal; clientSignature?: Signature } {
  const o = p.object(value, "proposal");
  const opt = (key: string, fallback: bigint) => (o[key] === undefined ? fallback : amount(o[key], `proposal.${key}`));
  return {
    proposal: {
      pieceCid: pieceCid(o.pieceCid, "proposal.pieceCid"),
      pieceSize: u64(o.pieceSize, "proposal.pieceSize"),
      verifiedDeal: o.verifiedDeal === undefined ? false : p.bool(o.verifiedDeal, "proposal.verifiedDeal"),
      client: parseAnyAddress(o.client, "proposal.client"),
      provider: parseAnyAddress(o.provider, "proposal.provider"),
      label: label(o.label, "proposal.label"),
      startEpoch: epoch(o.startEpoch, "proposal.startEpoch"),
      endEpoch: epoch(o.endEpoch, "proposal.endEpoch"),
      storagePricePerEpoch: opt("storagePricePerEpoch", 0n),
      providerCollateral: opt("providerCollateral", 0n),
      clientCollateral: opt("clientCollateral", 0n),
    },
    clientSignature: signature(o.clientSignature, "proposal.clientSignature"),
  };
}

export interface DealStateJson {
  sectorNumber: string;
  sectorStartEpoch: string;
  lastUpdatedEpoch: string;
  slashEpoch: string;
}

export interface DealJson {
  id: string;
  proposal: {
    pieceCid: string;
    pieceSize: string;
    verifiedDeal: boolean;
    client: string;
    provider: string;
    label: string | { bytes: string };
    startEpoch: string;
    endEpoch: string;
    storagePricePerEpoch: string;
    providerCollateral: string;
    clientCollateral: string;
  };
  state: DealStateJson | null;
}

function stateJson(s: DealState): DealStateJson {
  return { sectorNumber: `${s.sectorNumber}`, sectorStartEpoch: `${s.sectorStartEpoch}`, lastUpdatedEpoch: `${s.lastUpdatedEpoch}`, slashEpoch: `${s.slashEpoch}` };
}

function dealJson(d: MarketDeal): DealJson {
  const q = d.proposal;
  return {
    id: `${d.id}`,
    proposal: {
      pieceCid: q.pieceCid.toString(),
      pieceSize: `${q.pieceSize}`,
      verifiedDeal: q.verifiedDeal,
      client: formatAddress(q.client, "t"),
      provider: formatAddress(q.provider, "t"),
      label: typeof q.label === "string" ? q.label : { bytes: `0x${bytesToHex(q.label)}` },
      startEpoch: `${q.startEpoch}`,
      endEpoch: `${q.endEpoch}`,
      storagePricePerEpoch: `${q.storagePricePerEpoch}`,
      providerCollateral: `${q.providerCollateral}`,
      clientCollateral: `${q.clientCollateral}`,
    },
    state: d.state && stateJson(d.state),
  };
}

/** The market's refusals become JSON-RPC errors carrying the exit code. */
export async function control<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof MarketControlError) throw new ProviderError(e.message, ErrorCode.InvalidInput, { exitCode: e.exitCode });
    if (e instanceof InvalidAddressError) throw invalidParams(e.message);
    throw e;
  }
}

function defaultPayer(ctx: MethodContext): FilecoinAddress {
  const first = ctx.accounts[0];
  if (!first) throw invalidParams("fevm_market_addBalance: no account to pay from; pass { from }");
  return filecoinAddressFromEth(first.address);
}

export const fevmMarketMethods: MethodTable = {
  /** `(address, amount, { from? })`: AddBalance of `amount` attoFIL for `address`, paid by `from` (default: the first account). */
  async fevm_market_addBalance(ctx, params) {
    p.arity(params, 2, 3, "fevm_market_addBalance");
    const target = parseAnyAddress(params[0], "address");
    const value = amount(params[1], "amount");
    const opts = params[2] === undefined ? {} : p.options(params[2], "options", ["from"]);
    const payer = opts.from === undefined ? defaultPayer(ctx) : parseAnyAddress(opts.from, "options.from");
    await control(() => ctx.chain.runAsSystem((evm) => addBalanceFor(evm, payer, target, value)));
    return null;
  },

  /** `(address)` → `{ balance, locked }`: escrow (locked included) and the locked part. */
  async fevm_market_getBalance(ctx, params) {
    p.arity(params, 1, 1, "fevm_market_getBalance");
    const target = parseAnyAddress(params[0], "address");
    const { balance, locked } = await control(() => escrowBalance(ctx.chain.evm, target));
    return { balance: `${balance}`, locked: `${locked}` };
  },

  /**
   * `(proposal)` → deal id. PublishStorageDeals sent by the provider's worker. Without
   * `clientSignature`, contract clients still authenticate (AuthenticateMessage with a
   * placeholder BLS signature 0x02dead); for other clients the signature check is skipped.
   */
  async fevm_market_publishDeal(ctx, params) {
    p.arity(params, 1, 1, "fevm_market_publishDeal");
    const { proposal, clientSignature } = proposalParam(params[0]);
    const id = await control(() => ctx.chain.runAsSystem((evm) => publishDeal(evm, proposal, clientSignature)));
    return `${id}`;
  },

  /** `(id, { sectorNumber?, epoch? })` → the deal's state after activation. */
  async fevm_market_activateDeal(ctx, params) {
    p.arity(params, 1, 2, "fevm_market_activateDeal");
    const id = u64(params[0], "id");
    const opts = params[1] === undefined || params[1] === null ? {} : p.options(params[1], "options", ["sectorNumber", "epoch"]);
    const sectorNumber = opts.sectorNumber === undefined ? undefined : u64(opts.sectorNumber, "options.sectorNumber");
    const at = opts.epoch === undefined ? undefined : epoch(opts.epoch, "options.epoch");
    const state = await control(() => ctx.chain.runAsSystem((evm) => activateDeal(evm, id, { sectorNumber, epoch: at })));
    return stateJson(state);
  },

  /** `(id)` → `{ terminated: [ids] }`: terminates the deal's sector (every deal in it ends). */
  async fevm_market_terminateDeal(ctx, params) {
    p.arity(params, 1, 1, "fevm_market_terminateDeal");
    const id = u64(params[0], "id");
    const removed = await control(() => ctx.chain.runAsSystem((evm) => terminateDeal(evm, id)));
    return { terminated: removed.map((d) => `${d}`) };
  },

  /** `([ids])` → `[{ id, exitCode, payment, completed }]` per deal, ascending. */
  async fevm_market_settle(ctx, params) {
    p.arity(params, 1, 1, "fevm_market_settle");
    const ids = p.list(params[0], "ids", MAX_SETTLE_IDS, u64);
    const results = await control(() => ctx.chain.runAsSystem((evm) => settleDeals(evm, ids)));
    return results.map((r) => ({ id: `${r.id}`, exitCode: r.exitCode, payment: `${r.payment}`, completed: r.completed }));
  },

  /** `(id)` → `{ id, proposal, state }` (state null until activated); unknown ids fail with the market's 17/32. */
  async fevm_market_getDeal(ctx, params) {
    p.arity(params, 1, 1, "fevm_market_getDeal");
    const id = u64(params[0], "id");
    return dealJson(await control(() => getDeal(ctx.chain.stateManager, id)));
  },

  /** Every deal the market holds. */
  /** `(id)`: the id the first published deal gets (default 1; only before any deal is published). */
  async fevm_market_setFirstDealId(ctx, params) {
    p.arity(params, 1, 1, "fevm_market_setFirstDealId");
    const firstDealId = u64(params[0], "firstDealId");
    await control(() => ctx.chain.runAsSystem((evm) => configureMarket(evm.stateManager, { firstDealId })));
    return true;
  },

  async fevm_market_listDeals(ctx, params) {
    p.arity(params, 0, 0, "fevm_market_listDeals");
    return (await listDeals(ctx.chain.stateManager)).map(dealJson);
  },
};

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
import { readSignature, type DealLabel, type DealProposal, type DealState, type Signature } from "../../actors/market/types";
import type { MethodContext, MethodTable } from "../context";
import { ErrorCode, invalidParams, ProviderError } from "../errors";
import * as p from "../params";
import { parseAnyAddress } from "./fevm-address";

const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

/** A whole number from a safe JSON number, a decimal string (sign allowed) or a 0x quantity. */
function integer(value: unknown, name: string, min: bigint, max: bigint): bigint {
  let n: bigint | undefined;
  if (typeof value === "number" && Number.isSafeInteger(value)) n = BigInt(value);
  else if (typeof value === "string" && /^-?\d+$/.test(value)) n = BigInt(value);
  else if (typeof value === "string" && /^0x[0-9a-f]+$/i.test(value)) n = BigInt(value);
  if (n === undefined) throw invalidParams(`Errors encountered in param ${name}: ${JSON.stringify(value)} is not an integer (use a decimal string, a 0x quantity or a safe number)`);
  if (n < min || n > max) throw invalidParams(`Errors encountered in param ${name}: ${n} is out of range ${min}..${max}`);
  return n;
}

const amount = (value: unknown, name: string) => integer(value, name, 0n, (1n << 1016n) - 1n);
export const epoch = (value: unknown, name: string) => integer(value, name, INT64_MIN, -INT64_MIN - 1n);
export const u64 = (value: unknown, name: string) => integer(value, name, 0n, UINT64_MAX);

function address(value: unknown, name: string): FilecoinAddress {
  if (typeof value === "number") return parseAnyAddress(String(value), name);
  return parseAnyAddress(value, name);
}

function pieceCid(value: unknown, name: string): CID {
  try {
    if (typeof value !== "string") throw new InvalidCidError(value, "is not a CID string");
    return parseCid(value);
  } catch (e) {
    if (e instanceof InvalidCidError) throw invalidParams(`Errors encountered in param ${name}: ${e.message}`);
    throw e;
  }
}

function label(value: unknown, name: string): DealLabel {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  const bytes = typeof value === "object" && value !== null && "bytes" in value ? decodeHex(String((value as { bytes: unknown }).bytes)) : undefined;
  if (bytes === undefined) throw invalidParams(`Errors encountered in param ${name}: a label is a string, or { "bytes": "0x…" } for a byte label`);
  return bytes;
}

function signature(value: unknown, name: string): Signature | undefined {
  if (value === undefined || value === null) return undefined;
  const bytes = typeof value === "string" ? decodeHex(value) : undefined;
  if (bytes === undefined) throw invalidParams(`Errors encountered in param ${name}: expected 0x-hex of type byte (1 secp256k1, 2 BLS) ‖ signature`);
  try {
    return readSignature(bytes, name);
  } catch (e) {
    if (e instanceof CborDecodeError) throw invalidParams(`Errors encountered in param ${e.message}`);
    throw e;
  }
}

function proposalParam(value: unknown): { proposal: DealProposal; clientSignature?: Signature } {
  const o = p.object(value, "proposal");
  const opt = (key: string, fallback: bigint) => (o[key] === undefined ? fallback : amount(o[key], `proposal.${key}`));
  return {
    proposal: {
      pieceCid: pieceCid(o.pieceCid, "proposal.pieceCid"),
      pieceSize: u64(o.pieceSize, "proposal.pieceSize"),
      verifiedDeal: o.verifiedDeal === undefined ? false : p.bool(o.verifiedDeal, "proposal.verifiedDeal"),
      client: address(o.client, "proposal.client"),
      provider: address(o.provider, "proposal.provider"),
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
async function control<T>(fn: () => Promise<T>): Promise<T> {
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
    const target = address(params[0], "address");
    const value = amount(params[1], "amount");
    const opts = params[2] === undefined ? {} : p.object(params[2], "options");
    const payer = opts.from === undefined ? defaultPayer(ctx) : address(opts.from, "options.from");
    await control(() => ctx.chain.runAsSystem((evm) => addBalanceFor(evm, payer, target, value)));
    return null;
  },

  /** `(address)` → `{ balance, locked }`: escrow (locked included) and the locked part. */
  async fevm_market_getBalance(ctx, params) {
    p.arity(params, 1, 1, "fevm_market_getBalance");
    const target = address(params[0], "address");
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
    const opts = params[1] === undefined || params[1] === null ? {} : p.object(params[1], "options");
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
    if (!Array.isArray(params[0])) throw invalidParams("Errors encountered in param ids: expected an array of deal ids");
    const ids = params[0].map((v, i) => u64(v, `ids[${i}]`));
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

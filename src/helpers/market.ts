import type { EIP1193Provider } from "hardhat/types";
import type { DealJson, DealStateJson } from "../provider/methods/fevm-market";
import { wire } from "./wire";

/** Any address form: 0x, f…/t… strings, or an actor id. */
export type MarketAddress = string | bigint | number;
type Amount = bigint | number;

/** A deal proposal in the actor's field order and names (camelCase). */
export interface DealProposalInput {
  client: MarketAddress;
  provider: MarketAddress;
  /** v1 piece CID (baga6ea4seaq…), as a string or a multiformats CID. */
  pieceCid: string | { toString(): string };
  /** Padded size: a power of two ≥ 128. */
  pieceSize: Amount;
  verifiedDeal?: boolean;
  /** Text, or bytes for a byte label. Default "". */
  label?: string | Uint8Array;
  startEpoch: Amount;
  endEpoch: Amount;
  /** attoFIL; default 0. */
  storagePricePerEpoch?: Amount;
  providerCollateral?: Amount;
  clientCollateral?: Amount;
  /**
   * Type byte (1 secp256k1, 2 BLS) ‖ signature, over the proposal's CBOR. Without it, a contract
   * client is still asked AuthenticateMessage (placeholder signature 0x02dead); for any other
   * client the signature check is skipped (the emulator holds no keys for it).
   */
  clientSignature?: string | Uint8Array;
}

export interface DealProposalView {
  pieceCid: string;
  pieceSize: bigint;
  verifiedDeal: boolean;
  /** t0… (the market stores ID addresses). */
  client: string;
  provider: string;
  label: string | Uint8Array;
  startEpoch: bigint;
  endEpoch: bigint;
  storagePricePerEpoch: bigint;
  providerCollateral: bigint;
  clientCollateral: bigint;
}

/** The actor's DealState; −1 means "not yet". */
export interface DealStateView {
  sectorNumber: bigint;
  sectorStartEpoch: bigint;
  lastUpdatedEpoch: bigint;
  slashEpoch: bigint;
}

export interface MarketDealView {
  id: bigint;
  proposal: DealProposalView;
  /** Null until the deal is activated. */
  state: DealStateView | null;
}

export interface SettlementView {
  id: bigint;
  /** 0, or the market's per-deal failure (32: removed, unknown or timed out). */
  exitCode: number;
  payment: bigint;
  completed: boolean;
}

/** Byte labels travel as { bytes: "0x…" } (a plain 0x string is a text label); the rest as given. */
export function wireProposal(p: DealProposalInput): unknown {
  if (typeof p !== "object" || p === null || !(p.label instanceof Uint8Array)) return wire(p);
  return wire({ ...p, label: { bytes: p.label } });
}

function stateView(s: DealStateJson): DealStateView {
  return { sectorNumber: BigInt(s.sectorNumber), sectorStartEpoch: BigInt(s.sectorStartEpoch), lastUpdatedEpoch: BigInt(s.lastUpdatedEpoch), slashEpoch: BigInt(s.slashEpoch) };
}

function dealView(d: DealJson): MarketDealView {
  const q = d.proposal;
  return {
    id: BigInt(d.id),
    proposal: {
      ...q,
      pieceSize: BigInt(q.pieceSize),
      label: typeof q.label === "string" ? q.label : Uint8Array.from(Buffer.from(q.label.bytes.slice(2), "hex")),
      startEpoch: BigInt(q.startEpoch),
      endEpoch: BigInt(q.endEpoch),
      storagePricePerEpoch: BigInt(q.storagePricePerEpoch),
      providerCollateral: BigInt(q.providerCollateral),
      clientCollateral: BigInt(q.clientCollateral),
    },
    state: d.state && stateView(d.state),
  };
}

/** `hre.fevm.market`: the storage market actor (f05), each call one `fevm_market_*` request. */
export function createMarketHelpers(provider: () => EIP1193Provider) {
  const call = (method: string, params: unknown[]) => provider().request({ method, params });
  return {
    /** Deposits `amount` attoFIL into the market escrow of `address`, paid by `from` (default: the first account). */
    addBalance: async (address: MarketAddress, amount: Amount, opts: { from?: MarketAddress } = {}): Promise<void> => {
      await call("fevm_market_addBalance", [wire(address), wire(amount), wire(opts)]);
    },
    /** Escrow (locked included) and the locked part, in attoFIL. */
    getBalance: async (address: MarketAddress): Promise<{ balance: bigint; locked: bigint }> => {
      const r = (await call("fevm_market_getBalance", [wire(address)])) as { balance: string; locked: string };
      return { balance: BigInt(r.balance), locked: BigInt(r.locked) };
    },
    /** PublishStorageDeals from the provider's worker; returns the deal id. */
    publishDeal: async (proposal: DealProposalInput): Promise<bigint> => BigInt((await call("fevm_market_publishDeal", [wireProposal(proposal)])) as string),
    /** Activates the deal in a sector of its provider (default sector: the deal id; default epoch: fevm.epoch()). */
    activateDeal: async (id: Amount, opts: { sectorNumber?: Amount; epoch?: Amount } = {}): Promise<DealStateView> => {
      return stateView((await call("fevm_market_activateDeal", [wire(id), wire(opts)])) as DealStateJson);
    },
    /** Terminates the deal's sector now; returns the ids of the deals it removed. */
    terminateDeal: async (id: Amount): Promise<bigint[]> => ((await call("fevm_market_terminateDeal", [wire(id)])) as { terminated: string[] }).terminated.map(BigInt),
    /** SettleDealPayments for the deals; one result per distinct id, ascending. */
    settle: async (ids: readonly Amount[]): Promise<SettlementView[]> => {
      const r = (await call("fevm_market_settle", [wire(ids)])) as { id: string; exitCode: number; payment: string; completed: boolean }[];
      return r.map((s) => ({ id: BigInt(s.id), exitCode: s.exitCode, payment: BigInt(s.payment), completed: s.completed }));
    },
    getDeal: async (id: Amount): Promise<MarketDealView> => dealView((await call("fevm_market_getDeal", [wire(id)])) as DealJson),
    /** Deal ids start at 1 here (contracts treat 0 as "no deal"); set another first id before publishing. */
    setFirstDealId: async (id: bigint | number): Promise<void> => {
      await call("fevm_market_setFirstDealId", [wire(id)]);
    },
    listDeals: async (): Promise<MarketDealView[]> => ((await call("fevm_market_listDeals", [])) as DealJson[]).map(dealView),
  };
}

export type FevmMarketHelpers = ReturnType<typeof createMarketHelpers>;

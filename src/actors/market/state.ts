import type { StateManagerInterface } from "@ethereumjs/common";
import type { CID } from "multiformats/cid";
import {
  decodeBigIntBytes,
  decodeCbor,
  encodeBigIntBytes,
  encodeCbor,
  expectArray,
  expectBigInt,
  expectInt64,
  expectUint64,
  type CborEncodable,
  type CborValue,
} from "../../fil";
import { storeKey, TrieKvStore } from "../kv-store";
import { stateAddressOf } from "../registry";
import { SingletonId } from "../singletons";
import { DEFAULT_FIRST_DEAL_ID } from "./policy";
import { dealProposalCbor, dealStateCbor, EPOCH_UNDEFINED, readDealProposal, readDealState, type DealProposal, type DealState } from "./types";

/** Locked totals the actor keeps alongside the tables (State.total_*). */
export interface LockedTotals {
  clientCollateral: bigint;
  providerCollateral: bigint;
  clientStorageFee: bigint;
}

const ids = (value: CborValue) => expectArray(value, "deal id list").map((v) => expectUint64(v, "deal id"));
export const compareBigInt = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The market actor's state (builtin-actors `actors/market/src/state.rs`), one record per key in
 * the storage of the market's masked-id account, so it is journaled, reverted and snapshotted
 * with the EVM. Maps and sets of the real state (AMTs, HAMTs) become keyed records; balances are
 * keyed by actor id, as the real tables key them by ID address.
 */
export class MarketState {
  private readonly kv: TrieKvStore;

  constructor(sm: StateManagerInterface) {
    this.kv = new TrieKvStore(sm, stateAddressOf({ id: SingletonId.Market, kind: "market" }));
  }

  private async read<T>(key: Uint8Array, decode: (value: CborValue) => T): Promise<T | undefined> {
    const bytes = await this.kv.get(key);
    return bytes === undefined ? undefined : decode(decodeCbor(bytes));
  }

  private write(key: Uint8Array, value: CborEncodable): Promise<void> {
    return this.kv.put(key, encodeCbor(value));
  }

  // -------------------------------------------------------------------- deal ids

  /** The id the next published deal gets. */
  async nextId(): Promise<bigint> {
    return (await this.read(storeKey("next-id"), (v) => expectUint64(v, "next_id"))) ?? (await this.firstId());
  }

  async setNextId(id: bigint): Promise<void> {
    await this.write(storeKey("next-id"), id);
  }

  /** The first id this market handed out (deals live in [firstId, nextId)). */
  async firstId(): Promise<bigint> {
    return (await this.read(storeKey("first-id"), (v) => expectUint64(v, "first_id"))) ?? DEFAULT_FIRST_DEAL_ID;
  }

  async setFirstId(id: bigint): Promise<void> {
    await this.write(storeKey("first-id"), id);
  }

  // -------------------------------------------------------------------- proposals and states

  getProposal(id: bigint): Promise<DealProposal | undefined> {
    return this.read(storeKey("proposal", id), (v) => readDealProposal(v));
  }

  putProposal(id: bigint, proposal: DealProposal): Promise<void> {
    return this.write(storeKey("proposal", id), dealProposalCbor(proposal));
  }

  deleteProposal(id: bigint): Promise<void> {
    return this.kv.delete(storeKey("proposal", id));
  }

  getDealState(id: bigint): Promise<DealState | undefined> {
    return this.read(storeKey("state", id), (v) => readDealState(v));
  }

  putDealState(id: bigint, state: DealState): Promise<void> {
    return this.write(storeKey("state", id), dealStateCbor(state));
  }

  deleteDealState(id: bigint): Promise<void> {
    return this.kv.delete(storeKey("state", id));
  }

  // -------------------------------------------------------------------- pending proposal CIDs

  async hasPending(cid: CID): Promise<boolean> {
    return (await this.kv.get(storeKey("pending", cid.bytes))) !== undefined;
  }

  putPending(cid: CID): Promise<void> {
    return this.kv.put(storeKey("pending", cid.bytes), Uint8Array.of(1));
  }

  /** Removes a pending CID; tells whether it was there. */
  async deletePending(cid: CID): Promise<boolean> {
    const present = await this.hasPending(cid);
    if (present) await this.kv.delete(storeKey("pending", cid.bytes));
    return present;
  }

  // -------------------------------------------------------------------- escrow and locked tables

  private async amount(table: string, actor: bigint): Promise<bigint> {
    const bytes = await this.kv.get(storeKey(table, actor));
    return bytes === undefined ? 0n : decodeBigIntBytes(bytes);
  }

  /** Zero entries are deleted, as the balance table does. */
  private async setAmount(table: string, actor: bigint, value: bigint): Promise<void> {
    if (value === 0n) await this.kv.delete(storeKey(table, actor));
    else await this.kv.put(storeKey(table, actor), encodeBigIntBytes(value));
  }

  /** Total deposited by an actor, locked funds included. */
  escrow(actor: bigint): Promise<bigint> {
    return this.amount("escrow", actor);
  }

  setEscrow(actor: bigint, value: bigint): Promise<void> {
    return this.setAmount("escrow", actor, value);
  }

  locked(actor: bigint): Promise<bigint> {
    return this.amount("locked", actor);
  }

  setLocked(actor: bigint, value: bigint): Promise<void> {
    return this.setAmount("locked", actor, value);
  }

  async totals(): Promise<LockedTotals> {
    const stored = await this.read(storeKey("totals"), (v) => {
      const [c, p, f] = expectArray(v, "locked totals", 3).map((x, i) => expectBigInt(x, `locked totals[${i}]`));
      return { clientCollateral: c, providerCollateral: p, clientStorageFee: f };
    });
    return stored ?? { clientCollateral: 0n, providerCollateral: 0n, clientStorageFee: 0n };
  }

  setTotals(t: LockedTotals): Promise<void> {
    return this.write(storeKey("totals"), [t.clientCollateral, t.providerCollateral, t.clientStorageFee].map(encodeBigIntBytes));
  }

  // -------------------------------------------------------------------- cron schedule

  async lastCron(): Promise<bigint> {
    return (await this.read(storeKey("last-cron"), (v) => expectInt64(v, "last_cron"))) ?? EPOCH_UNDEFINED;
  }

  setLastCron(epoch: bigint): Promise<void> {
    return this.write(storeKey("last-cron"), epoch);
  }

  /** Epochs that have deal ops scheduled, ascending (an index, so cron skips empty epochs). */
  private async scheduledEpochs(): Promise<bigint[]> {
    return (await this.read(storeKey("deal-op-epochs"), (v) => expectArray(v, "epochs").map((e) => expectInt64(e, "epoch")))) ?? [];
  }

  async scheduledEpochsThrough(epoch: bigint): Promise<bigint[]> {
    return (await this.scheduledEpochs()).filter((e) => e <= epoch);
  }

  async dealOps(epoch: bigint): Promise<bigint[]> {
    return (await this.read(storeKey("deal-ops", epoch), ids)) ?? [];
  }

  async scheduleDealOps(epoch: bigint, dealIds: readonly bigint[]): Promise<void> {
    const existing = await this.dealOps(epoch);
    const merged = [...new Set([...existing, ...dealIds])].sort(compareBigInt);
    await this.write(storeKey("deal-ops", epoch), merged);
    const epochs = await this.scheduledEpochs();
    if (!epochs.includes(epoch)) await this.write(storeKey("deal-op-epochs"), [...epochs, epoch].sort(compareBigInt));
  }

  async clearDealOps(epochsToClear: readonly bigint[]): Promise<void> {
    if (epochsToClear.length === 0) return;
    for (const e of epochsToClear) await this.kv.delete(storeKey("deal-ops", e));
    await this.write(storeKey("deal-op-epochs"), (await this.scheduledEpochs()).filter((e) => !epochsToClear.includes(e)));
  }

  // -------------------------------------------------------------------- verified allocations

  putPendingAllocation(dealId: bigint, allocationId: bigint): Promise<void> {
    return this.write(storeKey("allocation", dealId), allocationId);
  }

  /** The verified registry allocation a published, unactivated verified deal pays for. */
  getPendingAllocation(dealId: bigint): Promise<bigint | undefined> {
    return this.read(storeKey("allocation", dealId), (v) => expectUint64(v, "allocation id"));
  }

  deletePendingAllocation(dealId: bigint): Promise<void> {
    return this.kv.delete(storeKey("allocation", dealId));
  }

  // -------------------------------------------------------------------- provider sectors

  async sectorDeals(provider: bigint, sector: bigint): Promise<bigint[]> {
    return (await this.read(storeKey("sector-deals", provider, sector), ids)) ?? [];
  }

  /** Sets a sector's deal ids (deleting the entry when none are left). */
  async setSectorDeals(provider: bigint, sector: bigint, dealIds: readonly bigint[]): Promise<void> {
    if (dealIds.length === 0) await this.kv.delete(storeKey("sector-deals", provider, sector));
    else await this.write(storeKey("sector-deals", provider, sector), [...dealIds]);
  }
}

/**
 * The deal lifecycle after publishing (builtin-actors `actors/market/src/{lib,state}.rs`):
 * activation checks, per-epoch payment, completion, termination, and the clean-up of deals that
 * were never activated. Since nv22 termination is processed at once, so a stored DealState never
 * carries a slash epoch and terminated deals simply disappear.
 */
import type { CID } from "multiformats/cid";
import { addressesEqual, cborCid, encodeCbor, ExitCode, formatAddress, MarketExitCode, type FilecoinAddress } from "../../fil";
import { ActorAbort } from "../outcome";
import { Escrow, idOf } from "./escrow";
import { compareBigInt, type MarketState } from "./state";
import { dealProposalCbor, EPOCH_UNDEFINED, totalStorageFee, type DealProposal, type DealState } from "./types";

/** CIDv1 DAG-CBOR blake2b-256 of the proposal's CBOR: the key of the pending-proposal set. */
export function dealCid(p: DealProposal): CID {
  return cborCid(encodeCbor(dealProposalCbor(p)));
}

/** `get_proposal`: 32 for an id that was used and cleaned up, 17 for one never handed out. */
export async function proposalOrAbort(st: MarketState, id: bigint): Promise<DealProposal> {
  const proposal = await st.getProposal(id);
  if (proposal) return proposal;
  const next = await st.nextId();
  if (id < next) {
    throw new ActorAbort(
      MarketExitCode.EX_DEAL_EXPIRED,
      `deal ${id} expired: it completed and was settled, was terminated, or timed out unactivated, and has been removed from the market`,
    );
  }
  throw new ActorAbort(ExitCode.USR_NOT_FOUND, `no such deal ${id}: it has never been published (the next deal id is ${next})`);
}

/** The client fee still locked for epochs after `slashEpoch` (payments always run start → end). */
function paymentRemaining(deal: DealProposal, slashEpoch: bigint): bigint {
  if (slashEpoch > deal.endEpoch) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `deal slash epoch ${slashEpoch} after end epoch ${deal.endEpoch}`);
  const from = slashEpoch > deal.startEpoch ? slashEpoch : deal.startEpoch;
  return deal.storagePricePerEpoch * (deal.endEpoch - from);
}

/** An unactivated deal past its start: the client gets everything back, the provider loses its whole collateral. */
async function processDealInitTimedOut(esc: Escrow, deal: DealProposal): Promise<bigint> {
  const client = idOf(deal.client);
  await esc.unlock(client, totalStorageFee(deal), "clientStorageFee", "unlocking client storage fee");
  await esc.unlock(client, deal.clientCollateral, "clientCollateral", "unlocking client collateral");
  await esc.slash(idOf(deal.provider), deal.providerCollateral, "providerCollateral", "slashing balance");
  return deal.providerCollateral;
}

export type LoadedDeal =
  | { kind: "too-early" }
  | { kind: "timed-out"; slashed: bigint }
  | { kind: "loaded"; state: DealState };

/**
 * The deal's state if it was activated; otherwise, once its start epoch has come, the
 * time-out clean-up (proposal, pending CID and allocation removed; provider collateral slashed).
 */
export async function activeDealOrProcessTimeout(st: MarketState, epoch: bigint, id: bigint, proposal: DealProposal, cid: CID): Promise<LoadedDeal> {
  const state = await st.getDealState(id);
  if (state) return { kind: "loaded", state };
  if (epoch < proposal.startEpoch) return { kind: "too-early" };
  const slashed = await processDealInitTimedOut(new Escrow(st), proposal);
  await st.deleteProposal(id);
  if (!(await st.deletePending(cid))) {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `failed to delete pending deal ${id}: cid ${cid} does not exist`);
  }
  await st.deletePendingAllocation(id);
  return { kind: "timed-out", slashed };
}

export interface DealUpdate {
  payment: bigint;
  completed: boolean;
}

/**
 * Pays the provider for the epochs since the last update (or the start) up to `epoch` (at most
 * the end); at or after the end, unlocks both collaterals and reports the deal completed (the
 * caller removes it).
 */
export async function processDealUpdate(st: MarketState, state: DealState, deal: DealProposal, cid: CID, epoch: bigint): Promise<DealUpdate> {
  if (state.slashEpoch !== EPOCH_UNDEFINED) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `deal state with slash epoch ${state.slashEpoch}: terminations are processed at once`);
  const everUpdated = state.lastUpdatedEpoch !== EPOCH_UNDEFINED;
  // The pending CID may already be gone (cron or an earlier settlement); that is fine.
  if (!everUpdated) await st.deletePending(cid);
  if (everUpdated && state.lastUpdatedEpoch > epoch) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `deal updated at future epoch ${state.lastUpdatedEpoch}`);
  if (deal.startEpoch > epoch) return { payment: 0n, completed: false };
  const paymentEnd = deal.endEpoch < epoch ? deal.endEpoch : epoch;
  const paymentStart = everUpdated && state.lastUpdatedEpoch > deal.startEpoch ? state.lastUpdatedEpoch : deal.startEpoch;
  const payment = deal.storagePricePerEpoch * (paymentEnd - paymentStart);
  const esc = new Escrow(st);
  if (payment > 0n) await esc.pay(idOf(deal.client), idOf(deal.provider), payment);
  if (epoch < deal.endEpoch) return { payment, completed: false };
  if (state.sectorStartEpoch === EPOCH_UNDEFINED) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, "start sector epoch undefined");
  await esc.unlock(idOf(deal.provider), deal.providerCollateral, "providerCollateral", "unlocking deal provider balance");
  await esc.unlock(idOf(deal.client), deal.clientCollateral, "clientCollateral", "unlocking deal client balance");
  return { payment, completed: true };
}

/**
 * Early termination at `slashEpoch`: pays up to then, refunds the rest of the fee and the client
 * collateral, and slashes the provider collateral (returned, for burning).
 */
export async function processSlashedDeal(st: MarketState, deal: DealProposal, state: DealState, slashEpoch: bigint): Promise<bigint> {
  const esc = new Escrow(st);
  const start = deal.startEpoch > state.lastUpdatedEpoch ? deal.startEpoch : state.lastUpdatedEpoch;
  const end = deal.endEpoch < slashEpoch ? deal.endEpoch : slashEpoch;
  const payment = end > start ? deal.storagePricePerEpoch * (end - start) : 0n;
  const client = idOf(deal.client);
  if (payment > 0n) await esc.pay(client, idOf(deal.provider), payment);
  await esc.unlock(client, paymentRemaining(deal, slashEpoch), "clientStorageFee", "unlocking client storage fee");
  await esc.unlock(client, deal.clientCollateral, "clientCollateral", "unlocking client collateral");
  await esc.slash(idOf(deal.provider), deal.providerCollateral, "providerCollateral", "slashing balance");
  return deal.providerCollateral;
}

/** Deletes proposal and state together; both must exist. */
export async function removeCompletedDeal(st: MarketState, id: bigint): Promise<void> {
  if (!(await st.getDealState(id))) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `failed to delete deal state ${id}: does not exist`);
  await st.deleteDealState(id);
  if (!(await st.getProposal(id))) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `failed to delete deal proposal ${id}: does not exist`);
  await st.deleteProposal(id);
}

/**
 * `validate_deal_can_activate` plus the state checks of `preactivate_deal`: the proposal when
 * deal `id` can be activated now by `provider` in a sector committed until `sectorCommitment`,
 * else the abort that fails this deal only.
 */
export async function preactivateDeal(
  st: MarketState,
  id: bigint,
  provider: FilecoinAddress,
  sectorCommitment: bigint,
  epoch: bigint,
): Promise<{ proposal: DealProposal } | { failure: ActorAbort }> {
  let proposal: DealProposal;
  try {
    proposal = await proposalOrAbort(st, id);
  } catch (e) {
    if (e instanceof ActorAbort) return { failure: e };
    throw e;
  }
  const fail = (code: number, why: string) => ({ failure: new ActorAbort(code, `cannot activate deal ${id}: ${why}`) });
  if (!addressesEqual(proposal.provider, provider)) {
    return fail(ExitCode.USR_FORBIDDEN, `proposal has provider ${formatAddress(proposal.provider, "t")}, must be ${formatAddress(provider, "t")}`);
  }
  if (epoch > proposal.startEpoch) {
    return fail(MarketExitCode.EX_DEAL_EXPIRED, `proposal start epoch ${proposal.startEpoch} has already elapsed at ${epoch} (a deal must be activated at or before its start epoch)`);
  }
  if (proposal.endEpoch > sectorCommitment) {
    return fail(ExitCode.USR_ILLEGAL_ARGUMENT, `proposal expiration ${proposal.endEpoch} exceeds sector expiration ${sectorCommitment}`);
  }
  if (await st.getDealState(id)) return fail(ExitCode.USR_ILLEGAL_ARGUMENT, `deal ${id} already activated`);
  const cid = dealCid(proposal);
  if (!(await st.hasPending(cid))) return fail(ExitCode.USR_ILLEGAL_STATE, `deal ${cid} is not in pending set`);
  return { proposal };
}

/** Adds deal ids to a provider's sector (merged, sorted, without duplicates). */
export async function addSectorDeals(st: MarketState, provider: bigint, sector: bigint, dealIds: readonly bigint[]): Promise<void> {
  const merged = [...new Set([...(await st.sectorDeals(provider, sector)), ...dealIds])].sort(compareBigInt);
  await st.setSectorDeals(provider, sector, merged);
}

/** Removes the sectors' deal lists and returns the deal ids they held. */
export async function popSectorDeals(st: MarketState, provider: bigint, sectors: Iterable<bigint>): Promise<bigint[]> {
  const popped: bigint[] = [];
  for (const sector of sectors) {
    popped.push(...(await st.sectorDeals(provider, sector)));
    await st.setSectorDeals(provider, sector, []);
  }
  return popped;
}

/** Drops finished deals from their sectors' lists (other deals of the sector stay). */
export async function removeSectorDeals(st: MarketState, finished: ReadonlyArray<{ provider: bigint; sector: bigint; dealId: bigint }>): Promise<void> {
  for (const { provider, sector, dealId } of finished) {
    const remaining = (await st.sectorDeals(provider, sector)).filter((d) => d !== dealId);
    await st.setSectorDeals(provider, sector, remaining);
  }
}

/**
 * The exported deal getters (builtin-actors `actors/market/src/lib.rs` `get_deal_*`). Proposal
 * getters answer from publish until the deal is removed; unknown ids are 17 and removed ones 32.
 */
import { encodeBigIntBytes, MarketExitCode, type CborEncodable } from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort } from "../outcome";
import { proposalOrAbort } from "./deal";
import { idOf } from "./escrow";
import { MarketState } from "./state";
import { dealDuration, EPOCH_UNDEFINED, totalStorageFee, type DealProposal } from "./types";

type ProposalGetter = (p: DealProposal) => CborEncodable;

/** Each getter's return, from the stored (normalised) proposal. */
export const proposalGetters = {
  GetDealDataCommitment: (p) => [p.pieceCid, p.pieceSize],
  GetDealClient: (p) => idOf(p.client),
  GetDealProvider: (p) => idOf(p.provider),
  GetDealLabel: (p) => p.label,
  GetDealTerm: (p) => [p.startEpoch, dealDuration(p)],
  GetDealTotalPrice: (p) => encodeBigIntBytes(totalStorageFee(p)),
  GetDealClientCollateral: (p) => encodeBigIntBytes(p.clientCollateral),
  GetDealProviderCollateral: (p) => encodeBigIntBytes(p.providerCollateral),
  GetDealVerified: (p) => p.verifiedDeal,
} satisfies Record<string, ProposalGetter>;

export async function getProposalField(inv: Invocation, id: bigint, getter: ProposalGetter): Promise<CborEncodable> {
  return getter(await proposalOrAbort(new MarketState(inv.evm.stateManager), id));
}

/**
 * `[activation epoch, −1]` once activated; `[−1, −1]` while only published. Terminated deals are
 * removed at once (nv22+), so `terminated` is −1 in every successful answer.
 */
export async function getDealActivation(inv: Invocation, id: bigint): Promise<CborEncodable> {
  const st = new MarketState(inv.evm.stateManager);
  const state = await st.getDealState(id);
  if (state) return [state.sectorStartEpoch, state.slashEpoch];
  await proposalOrAbort(st, id);
  return [EPOCH_UNDEFINED, EPOCH_UNDEFINED];
}

/** The sector holding the deal; 33 while the deal is published but not activated. */
export async function getDealSector(inv: Invocation, id: bigint): Promise<CborEncodable> {
  const st = new MarketState(inv.evm.stateManager);
  const state = await st.getDealState(id);
  if (state) return state.sectorNumber;
  await proposalOrAbort(st, id);
  throw new ActorAbort(MarketExitCode.EX_DEAL_NOT_ACTIVATED, `deal ${id} not yet activated: it is published but no sector holds it yet`);
}

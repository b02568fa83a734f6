/**
 * SettleDealPayments (FIP-0074, builtin-actors `settle_deal_payments`): anyone may settle any
 * deals. Each id succeeds or fails on its own: removed or unknown ids fail with 32, deals that
 * have not started yet settle for nothing, unactivated deals past their start time out (32,
 * provider collateral burnt), and deals at or past their end complete and are removed.
 */
import { encodeBigIntBytes, MarketExitCode, type BitRange, type CborEncodable } from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort } from "../outcome";
import { requireWritable } from "../runtime";
import { activeDealOrProcessTimeout, dealCid, processDealUpdate, removeCompletedDeal, removeSectorDeals } from "./deal";
import { idOf } from "./escrow";
import { boundedIndices, burn } from "./sector-methods";
import { MarketState } from "./state";
import { batchReturnCbor, type BatchReturn } from "../batch-return";
import type { DealState } from "./types";

export async function settleDealPayments(inv: Invocation, dealIds: BitRange[]): Promise<CborEncodable> {
  const ids = boundedIndices(dealIds, "SettleDealPayments deal ids");
  const st = new MarketState(inv.evm.stateManager);
  const epoch = inv.epoch;
  const batch: BatchReturn = { successCount: 0, failCodes: [] };
  const settlements: CborEncodable[] = [];
  const newStates: [bigint, DealState][] = [];
  const finished: { provider: bigint; sector: bigint; dealId: bigint }[] = [];
  let slashed = 0n;
  const fail = (idx: number, code: number) => batch.failCodes.push({ idx, code });
  const succeed = (payment: bigint, completed: boolean) => {
    settlements.push([encodeBigIntBytes(payment), completed]);
    batch.successCount++;
  };
  for (const [idx, id] of ids.entries()) {
    const proposal = await st.getProposal(id);
    if (!proposal) {
      fail(idx, MarketExitCode.EX_DEAL_EXPIRED);
      continue;
    }
    const cid = dealCid(proposal);
    // Errors of these two steps fail this deal only; later ones abort the message.
    const failure = (e: unknown) => {
      if (!(e instanceof ActorAbort)) throw e;
      fail(idx, e.exitCode);
      return undefined;
    };
    const loaded = await activeDealOrProcessTimeout(st, epoch, id, proposal, cid).catch(failure);
    if (!loaded) continue;
    if (loaded.kind === "too-early") {
      succeed(0n, false);
      continue;
    }
    if (loaded.kind === "timed-out") {
      slashed += loaded.slashed;
      fail(idx, MarketExitCode.EX_DEAL_EXPIRED);
      continue;
    }
    const update = await processDealUpdate(st, loaded.state, proposal, cid, epoch).catch(failure);
    if (!update) continue;
    if (update.completed) {
      await removeCompletedDeal(st, id);
      finished.push({ provider: idOf(proposal.provider), sector: loaded.state.sectorNumber, dealId: id });
    } else {
      newStates.push([id, { ...loaded.state, lastUpdatedEpoch: epoch }]);
    }
    succeed(update.payment, update.completed);
  }
  for (const [id, state] of newStates) await st.putDealState(id, state);
  await removeSectorDeals(st, finished);
  requireWritable(inv, "SettleDealPayments");
  await burn(inv, slashed);
  return [batchReturnCbor(batch), settlements];
}

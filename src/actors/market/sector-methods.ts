/**
 * What miners (and cron) call on the market once deals are published (builtin-actors
 * `actors/market/src/lib.rs`): SectorContentChanged activates deals (the nv22+ path of
 * ProveCommitSectors3), OnMinerSectorsTerminate ends them early, CronTick cleans up deals that
 * were never activated and settles legacy ones. Paying for active deals is SettleDealPayments.
 */
import {
  addressesEqual,
  bitCount,
  bitIndices,
  CborDecodeError,
  decodeCbor,
  ExitCode,
  expectUint64,
  idAddress,
  METHOD_SEND,
  type BitRange,
  type CborEncodable,
} from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort } from "../outcome";
import { extractSendResult, requireCallerIn, requireCallerKind, requireWritable } from "../runtime";
import { SingletonId } from "../singletons";
import {
  activeDealOrProcessTimeout,
  addSectorDeals,
  dealCid,
  popSectorDeals,
  preactivateDeal,
  processDealUpdate,
  processSlashedDeal,
  removeCompletedDeal,
  removeSectorDeals,
} from "./deal";
import { idOf } from "./escrow";
import { DEAL_UPDATES_INTERVAL, nextUpdateEpoch } from "./policy";
import { compareBigInt, MarketState } from "./state";
import { EPOCH_UNDEFINED, type DealState, type SectorChanges } from "./types";

/**
 * More ids than one message could afford to process: on chain the message runs out of gas (7)
 * long before, here the bound keeps a hostile bitfield from hanging the emulator.
 */
export const MAX_IDS_PER_MESSAGE = 100_000n;

export function boundedIndices(ranges: readonly BitRange[], what: string): bigint[] {
  const count = bitCount(ranges);
  if (count > MAX_IDS_PER_MESSAGE) {
    throw new ActorAbort(ExitCode.SYS_OUT_OF_GAS, `${what}: ${count} entries would exceed the block gas limit (at most ${MAX_IDS_PER_MESSAGE} per message here)`);
  }
  return [...bitIndices(ranges)];
}

/** Burns slashed collateral by sending it to f099. */
export async function burn(inv: Invocation, amount: bigint): Promise<void> {
  if (amount <= 0n) return;
  extractSendResult(await inv.send(idAddress(SingletonId.BurntFunds), METHOD_SEND, null, amount), `burning ${amount} attoFIL of slashed collateral`);
}

function payloadDealId(payload: Uint8Array): bigint | undefined {
  try {
    return expectUint64(decodeCbor(payload), "deal id");
  } catch (e) {
    if (e instanceof CborDecodeError) return undefined;
    throw e;
  }
}

/**
 * Activates the deals named by piece payloads (CBOR deal ids) in the calling miner's sectors.
 * Each piece is accepted or not on its own; the reply says which, per sector.
 */
export async function sectorContentChanged(inv: Invocation, sectors: SectorChanges[]): Promise<CborEncodable> {
  requireCallerKind(inv, "miner", "SectorContentChanged");
  const miner = idAddress(inv.caller.id);
  const st = new MarketState(inv.evm.stateManager);
  const activated = new Set<bigint>();
  const newStates: [bigint, DealState][] = [];
  const sectorDeals: [bigint, bigint[]][] = [];
  const replies: boolean[][] = [];
  for (const sector of sectors) {
    const accepted = sector.added.map(() => false);
    const ids: bigint[] = [];
    for (const [j, piece] of sector.added.entries()) {
      const id = payloadDealId(piece.payload);
      if (id === undefined || activated.has(id)) continue;
      const checked = await preactivateDeal(st, id, miner, sector.minimumCommitmentEpoch, inv.epoch);
      if ("failure" in checked) continue;
      const { proposal } = checked;
      if (!piece.data.equals(proposal.pieceCid) || piece.size !== proposal.pieceSize) continue;
      activated.add(id);
      await st.deletePendingAllocation(id);
      newStates.push([id, { sectorNumber: sector.sector, sectorStartEpoch: inv.epoch, lastUpdatedEpoch: EPOCH_UNDEFINED, slashEpoch: EPOCH_UNDEFINED }]);
      ids.push(id);
      accepted[j] = true;
    }
    sectorDeals.push([sector.sector, ids]);
    replies.push(accepted);
  }
  for (const [id, state] of newStates) await st.putDealState(id, state);
  for (const [sector, ids] of sectorDeals) await addSectorDeals(st, inv.caller.id, sector, ids);
  requireWritable(inv, "SectorContentChanged");
  return replies;
}

/**
 * The calling miner's sectors were terminated at `epoch`: every deal in them that has not ended
 * is paid up to then, the client refunded, the provider collateral burnt, and the deal removed.
 */
export async function onMinerSectorsTerminate(inv: Invocation, params: { epoch: bigint; sectors: BitRange[] }): Promise<null> {
  requireCallerKind(inv, "miner", "OnMinerSectorsTerminate");
  const provider = inv.caller.id;
  const st = new MarketState(inv.evm.stateManager);
  const dealIds = await popSectorDeals(st, provider, boundedIndices(params.sectors, "OnMinerSectorsTerminate sectors"));
  let slashed = 0n;
  for (const id of dealIds) {
    // The deal may have completed and been removed before its sector was terminated.
    const deal = await st.getProposal(id);
    if (!deal) continue;
    if (!addressesEqual(deal.provider, idAddress(provider))) {
      throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `caller t0${provider} is not the provider of deal ${id}`);
    }
    // Deals already past their end are not slashed; settlement completes them.
    if (deal.endEpoch <= params.epoch) continue;
    const state = await st.getDealState(id);
    if (!state) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `no state for deal ${id}`);
    if (state.lastUpdatedEpoch === EPOCH_UNDEFINED) await st.deletePending(dealCid(deal));
    slashed += await processSlashedDeal(st, deal, state, params.epoch);
    await removeCompletedDeal(st, id);
  }
  requireWritable(inv, "OnMinerSectorsTerminate");
  await burn(inv, slashed);
  return null;
}

/**
 * Cron's visit of the deals scheduled since the last tick: unactivated deals past their start
 * time out; activated ones leave the pending set (new deals are then settled explicitly);
 * deals already settled once are paid and rescheduled the legacy way.
 */
export async function cronTick(inv: Invocation): Promise<null> {
  requireCallerIn(inv, [SingletonId.Cron], "CronTick", "the cron actor");
  const st = new MarketState(inv.evm.stateManager);
  const epoch = inv.epoch;
  const lastCron = await st.lastCron();
  const epochs = (await st.scheduledEpochsThrough(epoch)).filter((e) => e > lastCron);
  let slashed = 0n;
  const finished: { provider: bigint; sector: bigint; dealId: bigint }[] = [];
  const rescheduled = new Map<bigint, bigint[]>();
  for (const scheduled of epochs) {
    for (const id of await st.dealOps(scheduled)) {
      // Settlement or termination may have removed the deal already.
      const proposal = await st.getProposal(id);
      if (!proposal) continue;
      const cid = dealCid(proposal);
      const loaded = await activeDealOrProcessTimeout(st, epoch, id, proposal, cid);
      if (loaded.kind === "timed-out") {
        slashed += loaded.slashed;
        continue;
      }
      if (loaded.kind === "too-early") throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `deal ${id} processed before start epoch ${proposal.startEpoch}`);
      const state = loaded.state;
      if (state.lastUpdatedEpoch === EPOCH_UNDEFINED) {
        if (!(await st.deletePending(cid))) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, "failed to delete pending proposal: does not exist");
        continue;
      }
      const update = await processDealUpdate(st, state, proposal, cid, epoch);
      if (update.completed) {
        await removeCompletedDeal(st, id);
        finished.push({ provider: idOf(proposal.provider), sector: state.sectorNumber, dealId: id });
      } else {
        await st.putDealState(id, { ...state, lastUpdatedEpoch: epoch });
        const next = nextUpdateEpoch(id, DEAL_UPDATES_INTERVAL, epoch + 1n);
        rescheduled.set(next, [...(rescheduled.get(next) ?? []), id]);
      }
    }
  }
  await removeSectorDeals(st, finished);
  await st.clearDealOps(epochs);
  for (const next of [...rescheduled.keys()].sort(compareBigInt)) await st.scheduleDealOps(next, rescheduled.get(next)!);
  await st.setLastCron(epoch);
  requireWritable(inv, "CronTick");
  await burn(inv, slashed);
  return null;
}

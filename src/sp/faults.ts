/**
 * A deal's sector failing and coming back, as the provider's worker declares it
 * (DeclareFaults, DeclareFaultsRecovered, TerminateSectors through the miner, so power and the
 * market follow), by chance (the seeded fault model), and what the chain does to a sector left
 * faulty: the miner's cron terminates it FAULT_MAX_AGE (42 proving periods) after the fault, its
 * deals slashed at the market.
 */
import type { FevmEVM } from "../evm/fevm-evm";
import { idAddress } from "../fil";
import { changeSectors, MinerControlError } from "../actors/miner/control";
import { FAULT_MAX_AGE } from "../actors/miner/policy";
import { SectorStatus } from "../actors/miner/sector-types";
import { MinerState } from "../actors/miner/state";
import { MarketState } from "../actors/market/state";
import { faultWait, nextRandom } from "./fault-model";
import { dealEvent, type ProviderCore, type TrackedDeal } from "./state";

export { FAULT_MAX_AGE };

/**
 * When the chain terminates a sector faulty since `since`. On chain the cron of the sector's
 * deadline does it, up to a proving period later; the engine takes the fault's exact age.
 */
export const faultTerminationEpoch = (since: bigint): bigint => since + FAULT_MAX_AGE;

/** The sector's status as its miner holds it; undefined for a sector never proven. */
export async function sectorStatus(evm: FevmEVM, miner: bigint, sector: bigint): Promise<SectorStatus | undefined> {
  return (await new MinerState(evm.stateManager, miner).getSector(sector))?.status;
}

const declareFault = (evm: FevmEVM, miner: bigint, sector: bigint) => changeSectors(evm, idAddress(miner), [sector], "fault");
const declareRecovered = (evm: FevmEVM, miner: bigint, sector: bigint) => changeSectors(evm, idAddress(miner), [sector], "recover");

/** Terminates the sector; returns the deals in it the market removed (slashed, or paid up and ended). */
async function terminateSector(evm: FevmEVM, miner: bigint, sector: bigint): Promise<bigint[]> {
  const market = new MarketState(evm.stateManager);
  const held = await market.sectorDeals(miner, sector);
  await changeSectors(evm, idAddress(miner), [sector], "terminate");
  const removed: bigint[] = [];
  for (const id of held) if ((await market.getProposal(id)) === undefined) removed.push(id);
  return removed;
}

/** Declares the deal's sector faulty at `now`; it is recovered at `recoverAt`, if given. */
export async function applyFault(sp: ProviderCore, deal: TrackedDeal, now: bigint, recoverAt: bigint | undefined, why: string): Promise<void> {
  const at = dealEvent(deal, now);
  deal.randomFaultAt = undefined;
  const done = await sp.act((evm) => declareFault(evm, deal.miner, deal.sector));
  if (done instanceof MinerControlError) return sp.record({ ...at, kind: "faultFailed", message: `could not declare sector ${deal.sector} of deal ${deal.id} faulty: ${done.message}` });
  deal.faultySince = now;
  deal.recoverAt = recoverAt;
  const until = recoverAt === undefined ? `terminated at epoch ${faultTerminationEpoch(now)} unless recovered` : `recovering at epoch ${recoverAt}`;
  sp.record({ ...at, kind: "faulted", message: `declared sector ${deal.sector} of deal ${deal.id} faulty ${why}; ${until}` });
}

/** Declares the deal's faulty sector recovered at `now`; its next random fault is drawn. */
export async function applyRecovery(sp: ProviderCore, deal: TrackedDeal, now: bigint, why: string): Promise<void> {
  const at = dealEvent(deal, now);
  deal.recoverAt = undefined;
  const done = await sp.act((evm) => declareRecovered(evm, deal.miner, deal.sector));
  if (done instanceof MinerControlError) return sp.record({ ...at, kind: "recoverFailed", message: `could not recover sector ${deal.sector} of deal ${deal.id}: ${done.message}` });
  sp.record({ ...at, kind: "recovered", message: `recovered sector ${deal.sector} of deal ${deal.id} ${why}, faulty since epoch ${deal.faultySince}` });
  deal.faultySince = undefined;
  scheduleRandomFault(sp, deal, now);
}

/** Draws the active sector's next random fault from the fault model (none at rate 0). */
export function scheduleRandomFault(sp: ProviderCore, deal: TrackedDeal, now: bigint): void {
  deal.randomFaultAt = undefined;
  if (sp.state.policy.faultRate <= 0) return;
  const draw = nextRandom(sp.state.rng);
  sp.state.rng = draw.state;
  const wait = faultWait(sp.state.policy.faultRate, draw.value);
  if (wait !== undefined) deal.randomFaultAt = now + wait;
}

/** Terminates the deal's sector (TerminateSectors): the market slashes its unfinished deals. */
export async function terminateDealSector(sp: ProviderCore, deal: TrackedDeal, now: bigint, what: string): Promise<void> {
  const at = dealEvent(deal, now);
  deal.faultySince = undefined;
  deal.recoverAt = undefined;
  const removed = await sp.act((evm) => terminateSector(evm, deal.miner, deal.sector));
  if (removed instanceof MinerControlError) return sp.record({ ...at, kind: "terminateFailed", message: `could not terminate sector ${deal.sector} of deal ${deal.id}: ${removed.message}` });
  deal.status = "ended";
  sp.record({ ...at, kind: "terminated", message: `${what} (deals removed: ${removed.join(", ") || "none"})` });
}

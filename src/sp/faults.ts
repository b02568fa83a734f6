/**
 * A deal's sector failing and coming back, as the provider's worker declares it
 * (DeclareFaults, DeclareFaultsRecovered, TerminateSectors through the miner, so power and the
 * market follow), and what the chain does to a sector left faulty: the miner's cron terminates
 * it FAULT_MAX_AGE (42 proving periods) after the fault, its deals slashed at the market. Run
 * inside `Chain.runAsSystem`.
 */
import type { FevmEVM } from "../evm/fevm-evm";
import { idAddress } from "../fil";
import { changeSectors } from "../actors/miner/control";
import { FAULT_MAX_AGE } from "../actors/miner/policy";
import { SectorStatus } from "../actors/miner/sector-types";
import { MinerState } from "../actors/miner/state";
import { MarketState } from "../actors/market/state";

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

export const declareFault = (evm: FevmEVM, miner: bigint, sector: bigint) => changeSectors(evm, idAddress(miner), [sector], "fault");
export const declareRecovered = (evm: FevmEVM, miner: bigint, sector: bigint) => changeSectors(evm, idAddress(miner), [sector], "recover");

/** Terminates the sector; returns the deals in it the market removed (slashed, or paid up and ended). */
export async function terminateSector(evm: FevmEVM, miner: bigint, sector: bigint): Promise<bigint[]> {
  const market = new MarketState(evm.stateManager);
  const held = await market.sectorDeals(miner, sector);
  await changeSectors(evm, idAddress(miner), [sector], "terminate");
  const removed: bigint[] = [];
  for (const id of held) if ((await market.getProposal(id)) === undefined) removed.push(id);
  return removed;
}

/** Sector power and the miner's claim at the power actor (builtin-actors `actors/miner/src/policy.rs`, `request_update_power`). */
import { encodeBigIntBytes, idAddress, PowerMethod } from "../../fil";
import type { Invocation } from "../definition";
import { cborBlock, extractSendResult } from "../runtime";
import { SingletonId } from "../singletons";
import type { SectorInfo } from "./sector-types";

const SECTOR_QUALITY_PRECISION = 20n;
const QUALITY_BASE_MULTIPLIER = 10n;
const VERIFIED_DEAL_WEIGHT_MULTIPLIER = 100n;

/** qa_power_for_weight: verified space counts ten times. */
export function qaPowerForWeight(size: bigint, duration: bigint, verifiedWeight: bigint): bigint {
  const spaceTime = size * duration;
  const weighted = (spaceTime - verifiedWeight) * QUALITY_BASE_MULTIPLIER + verifiedWeight * VERIFIED_DEAL_WEIGHT_MULTIPLIER;
  const quality = ((weighted << SECTOR_QUALITY_PRECISION) / spaceTime) / QUALITY_BASE_MULTIPLIER;
  return (size * quality) >> SECTOR_QUALITY_PRECISION;
}

/** A sector's [raw, qa] power (power_for_sector). */
export function sectorPower(size: bigint, s: SectorInfo): { raw: bigint; qa: bigint } {
  return { raw: size, qa: qaPowerForWeight(size, s.expiration - s.powerBaseEpoch, s.verifiedDealWeight) };
}

/** request_update_power: tells f04 the change of this miner's claim (nothing for a zero change). */
export async function requestUpdatePower(inv: Invocation, raw: bigint, qa: bigint): Promise<void> {
  if (raw === 0n && qa === 0n) return;
  const params = cborBlock([encodeBigIntBytes(raw), encodeBigIntBytes(qa)]);
  extractSendResult(await inv.send(idAddress(SingletonId.Power), PowerMethod.UpdateClaimedPower, params, 0n), "failed to update power");
}

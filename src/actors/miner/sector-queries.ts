/**
 * What contracts ask a miner about its sectors and pledge (builtin-actors `actors/miner/src/lib.rs`):
 * the FIP-0112 sector-status methods, InitialPledge and MaxTerminationFee. Any caller.
 */
import {
  CborDecodeError,
  decodeCbor,
  encodeBigIntBytes,
  encodeCbor,
  ExitCode,
  expectArray,
  expectBigInt,
  expectBytes,
  expectInt64,
  expectUint64,
  idAddress,
  PowerMethod,
  RewardMethod,
  type CborEncodable,
  type CborValue,
} from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort } from "../outcome";
import { estimate, extrapolatedCumSumOfRatio, floorDiv, PRECISION, type FilterEstimate } from "../reward/smooth";
import { decodeReturn, extractSendResult } from "../runtime";
import { SingletonId } from "../singletons";
import { minerState } from "./invocation";
import { SectorStatus } from "./sector-types";

const NO_LOCATION = -1n;
/** Projection of a continued fault's penalty: 3.51 days of expected reward. */
const CONTINUED_FAULT_PROJECTION_PERIOD = (2880n * 351n) / 100n;
const TERMINATION_LIFETIME_CAP = 140n;
const EPOCHS_IN_DAY = 2880n;

export function readSectorNumberParam(value: CborValue): bigint {
  const [n] = expectArray(value, "GenerateSectorLocationParams", 1);
  return expectUint64(n, "GenerateSectorLocationParams.sector_number");
}

/** ValidateSectorStatusParams `[sector_number, status, h'aux_data']`. */
export function readValidateSectorStatusParams(value: CborValue): { sector: bigint; status: SectorStatus; auxData: Uint8Array } {
  const [n, status, aux] = expectArray(value, "ValidateSectorStatusParams", 3);
  const code = expectUint64(status, "ValidateSectorStatusParams.status");
  if (code > 2n) throw new CborDecodeError(`ValidateSectorStatusParams.status: ${code} is not a SectorStatusCode (0 Dead, 1 Active, 2 Faulty)`);
  return { sector: expectUint64(n, "ValidateSectorStatusParams.sector_number"), status: Number(code) as SectorStatus, auxData: expectBytes(aux, "ValidateSectorStatusParams.aux_data") };
}

/** GenerateSectorLocationReturn `[status, h'CBOR SectorLocation']`: Dead at (−1, −1) for a sector never proven. */
export async function generateSectorLocation(inv: Invocation, sector: bigint): Promise<CborEncodable> {
  const s = await minerState(inv).getSector(sector);
  if (s === undefined) return [SectorStatus.Dead, encodeCbor([NO_LOCATION, NO_LOCATION])];
  return [s.status, encodeCbor([s.deadline, s.partition])];
}

/** ValidateSectorStatus: whether the sector at the given location has the given status. */
export async function validateSectorStatus(inv: Invocation, p: { sector: bigint; status: SectorStatus; auxData: Uint8Array }): Promise<CborEncodable> {
  let location: { deadline: bigint; partition: bigint };
  try {
    const [deadline, partition] = expectArray(decodeCbor(p.auxData), "SectorLocation", 2);
    location = { deadline: expectInt64(deadline, "SectorLocation.deadline"), partition: expectInt64(partition, "SectorLocation.partition") };
  } catch (e) {
    if (e instanceof CborDecodeError) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `invalid aux_data: ${e.message}`);
    throw e;
  }
  const noDeadline = location.deadline === NO_LOCATION;
  if (noDeadline !== (location.partition === NO_LOCATION)) {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, "invalid sector location: deadline and partition must both be NO or both be set");
  }
  const s = await minerState(inv).getSector(p.sector);
  if (noDeadline) {
    if (s === undefined) return p.status === SectorStatus.Dead;
    throw new ActorAbort(ExitCode.USR_NOT_FOUND, `sector ${p.sector} not found at NO_DEADLINE, NO_PARTITION`);
  }
  if (location.deadline < 0n || location.deadline >= 48n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `failed to load deadline: invalid deadline ${location.deadline}`);
  if (s === undefined || s.deadline !== location.deadline || s.partition !== location.partition) {
    throw new ActorAbort(ExitCode.USR_NOT_FOUND, `sector ${p.sector} not found at deadline ${location.deadline} partition ${location.partition}`);
  }
  return s.status === p.status;
}

/** GetNominalSectorExpiration: the sector's expiration epoch; 17 for a sector never proven. */
export async function getNominalSectorExpiration(inv: Invocation, sector: bigint): Promise<CborEncodable> {
  const s = await minerState(inv).getSector(sector);
  if (s === undefined) throw new ActorAbort(ExitCode.USR_NOT_FOUND, `sector ${sector} not found`);
  return s.expiration;
}

/** InitialPledge: the pledge the miner's sectors lock — none here, as the emulator locks no pledge. */
export async function initialPledge(inv: Invocation): Promise<CborEncodable> {
  await minerState(inv).loadInfo();
  return encodeBigIntBytes(0n);
}

const readEstimate = (v: CborValue, what: string): FilterEstimate => {
  const [position, velocity] = expectArray(v, what, 2);
  return { position: expectBigInt(position, `${what}.position`), velocity: expectBigInt(velocity, `${what}.velocity`) };
};

/** expected_reward_for_power over `projection` epochs. */
function expectedRewardForPower(reward: FilterEstimate, networkQa: FilterEstimate, power: bigint, projection: bigint): bigint {
  if (estimate(networkQa) === 0n) return estimate(reward);
  const br128 = power * extrapolatedCumSumOfRatio(projection, 0n, reward, networkQa);
  return br128 > 0n ? br128 >> PRECISION : 0n;
}

/** pledge_penalty_for_termination at the lifetime cap (FIP-0098). */
function terminationPenalty(pledge: bigint, age: bigint, faultFee: bigint): bigint {
  const simple = floorDiv(pledge * 85n, 1000n);
  const byDuration = floorDiv(age * simple, TERMINATION_LIFETIME_CAP * EPOCHS_IN_DAY);
  const base = simple < byDuration ? simple : byDuration;
  const minAbs = floorDiv(pledge * 2n, 100n);
  const minFf = floorDiv(faultFee * 105n, 100n);
  const min = minAbs > minFf ? minAbs : minFf;
  return base > min ? base : min;
}

/** MaxTerminationFeeParams `[power, initial_pledge]` → the fee a sector of that power and pledge pays at most. */
export function readMaxTerminationFeeParams(value: CborValue): { power: bigint; pledge: bigint } {
  const [power, pledge] = expectArray(value, "MaxTerminationFeeParams", 2);
  return { power: expectBigInt(power, "MaxTerminationFeeParams.power"), pledge: expectBigInt(pledge, "MaxTerminationFeeParams.initial_pledge") };
}

/** MaxTerminationFee: asks f02 and f04 for the smoothed reward and power, as the real miner does. */
export async function maxTerminationFee(inv: Invocation, p: { power: bigint; pledge: bigint }): Promise<CborEncodable> {
  const rewardWhat = "failed to check epoch baseline power";
  const reward = decodeReturn(extractSendResult(await inv.send(idAddress(SingletonId.Reward), RewardMethod.ThisEpochReward, null, 0n), rewardWhat), rewardWhat, (v) =>
    readEstimate(expectArray(v, "ThisEpochRewardReturn", 2)[0], "this_epoch_reward_smoothed"),
  );
  const powerWhat = "failed to check current power";
  const qa = decodeReturn(extractSendResult(await inv.send(idAddress(SingletonId.Power), PowerMethod.CurrentTotalPower, null, 0n), powerWhat), powerWhat, (v) =>
    readEstimate(expectArray(v, "CurrentTotalPowerReturn", 6)[3], "quality_adj_power_smoothed"),
  );
  const faultFee = expectedRewardForPower(reward, qa, p.power, CONTINUED_FAULT_PROJECTION_PERIOD);
  return encodeBigIntBytes(terminationPenalty(p.pledge, TERMINATION_LIFETIME_CAP * EPOCHS_IN_DAY, faultFee));
}

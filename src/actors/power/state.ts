import type { StateManagerInterface } from "@ethereumjs/common";
import { encodeBigIntBytes, ExitCode, expectArray, expectBigInt, expectInt64, type CborValue } from "../../fil";
import { CborRecords } from "../cbor-records";
import { storeKey } from "../kv-store";
import { ActorAbort } from "../outcome";
import { SingletonId } from "../singletons";
import { CONSENSUS_MINER_MIN_MINERS, MINIMUM_CONSENSUS_POWER } from "./policy";

/** A miner's claim (`Claim`): its proof type and the power of its active sectors. */
export interface Claim {
  windowPoStProofType: number;
  rawBytePower: bigint;
  qualityAdjPower: bigint;
}

/** The power actor's totals (`State`, without the cron queue). */
export interface PowerTotals {
  /** Power of the miners at or above the consensus minimum. */
  totalRawBytePower: bigint;
  totalQualityAdjPower: bigint;
  /** Power of every miner. */
  totalBytesCommitted: bigint;
  totalQaBytesCommitted: bigint;
  totalPledgeCollateral: bigint;
  minerCount: bigint;
  minerAboveMinPowerCount: bigint;
}

/** What cron froze at the end of the previous epoch (`this_epoch_*`). */
export interface EpochPower {
  rawBytePower: bigint;
  qualityAdjPower: bigint;
  pledgeCollateral: bigint;
}

const ZERO_TOTALS: PowerTotals = {
  totalRawBytePower: 0n,
  totalQualityAdjPower: 0n,
  totalBytesCommitted: 0n,
  totalQaBytesCommitted: 0n,
  totalPledgeCollateral: 0n,
  minerCount: 0n,
  minerAboveMinPowerCount: 0n,
};
const TOTAL_FIELDS = Object.keys(ZERO_TOTALS) as (keyof PowerTotals)[];
const TOTALS_KEY = storeKey("totals");
const FROZEN_KEY = storeKey("this-epoch");

function readTotals(value: CborValue): PowerTotals {
  const f = expectArray(value, "PowerTotals", TOTAL_FIELDS.length);
  return Object.fromEntries(TOTAL_FIELDS.map((k, i) => [k, expectBigInt(f[i], `PowerTotals.${k}`)])) as unknown as PowerTotals;
}

function readClaim(value: CborValue): Claim {
  const [proof, raw, qa] = expectArray(value, "Claim", 3);
  return { windowPoStProofType: Number(expectInt64(proof, "Claim.window_post_proof_type")), rawBytePower: expectBigInt(raw, "Claim.raw_byte_power"), qualityAdjPower: expectBigInt(qa, "Claim.quality_adj_power") };
}

/** `current_total_power`: below the miner minimum every committed byte counts. */
export function currentTotalPower(t: PowerTotals): [raw: bigint, qa: bigint] {
  return t.minerAboveMinPowerCount < CONSENSUS_MINER_MIN_MINERS ? [t.totalBytesCommitted, t.totalQaBytesCommitted] : [t.totalRawBytePower, t.totalQualityAdjPower];
}

/**
 * The power actor's state in the storage of f04's account. The real actor's cron tick freezes the
 * totals at the end of each epoch for the next one to read (`this_epoch_*`); without cron, the
 * first write of an epoch freezes the totals as they stood at the end of the previous epoch,
 * which is the same value.
 */
export class PowerState {
  private readonly records: CborRecords;

  constructor(sm: StateManagerInterface) {
    this.records = new CborRecords(sm, SingletonId.Power, "power");
  }

  async totals(): Promise<PowerTotals> {
    return (await this.records.read(TOTALS_KEY, readTotals)) ?? { ...ZERO_TOTALS };
  }

  /** Writes totals changed at `epoch`, first freezing the previous epoch's totals if this is the epoch's first change. */
  async saveTotals(totals: PowerTotals, epoch: bigint): Promise<void> {
    const frozen = await this.records.read(FROZEN_KEY, (v) => expectArray(v, "EpochPower", 4));
    if (frozen === undefined || expectInt64(frozen[0], "EpochPower.epoch") < epoch) {
      const before = await this.totals();
      const [raw, qa] = currentTotalPower(before);
      await this.records.write(FROZEN_KEY, [epoch, encodeBigIntBytes(raw), encodeBigIntBytes(qa), encodeBigIntBytes(before.totalPledgeCollateral)]);
    }
    await this.records.write(TOTALS_KEY, TOTAL_FIELDS.map((k) => encodeBigIntBytes(totals[k])));
  }

  /** The `this_epoch_*` values a method running at `epoch` sees. */
  async thisEpoch(epoch: bigint): Promise<EpochPower> {
    const frozen = await this.records.read(FROZEN_KEY, (v) => expectArray(v, "EpochPower", 4));
    if (frozen !== undefined && expectInt64(frozen[0], "EpochPower.epoch") >= epoch) {
      return { rawBytePower: expectBigInt(frozen[1], "raw"), qualityAdjPower: expectBigInt(frozen[2], "qa"), pledgeCollateral: expectBigInt(frozen[3], "pledge") };
    }
    const totals = await this.totals();
    const [rawBytePower, qualityAdjPower] = currentTotalPower(totals);
    return { rawBytePower, qualityAdjPower, pledgeCollateral: totals.totalPledgeCollateral };
  }

  claim(miner: bigint): Promise<Claim | undefined> {
    return this.records.read(storeKey("claim", miner), readClaim);
  }

  async setClaim(miner: bigint, claim: Claim): Promise<void> {
    await this.records.write(storeKey("claim", miner), [claim.windowPoStProofType, encodeBigIntBytes(claim.rawBytePower), encodeBigIntBytes(claim.qualityAdjPower)]);
  }

  /** `add_to_claim`: moves the totals as the claim crosses the consensus minimum. */
  async addToClaim(miner: bigint, raw: bigint, qa: bigint, epoch: bigint): Promise<void> {
    const old = await this.claim(miner);
    if (old === undefined) throw new ActorAbort(ExitCode.USR_NOT_FOUND, `no claim for actor t0${miner}`);
    const t = await this.totals();
    t.totalQaBytesCommitted += qa;
    t.totalBytesCommitted += raw;
    const claim = { ...old, rawBytePower: old.rawBytePower + raw, qualityAdjPower: old.qualityAdjPower + qa };
    const prevBelow = old.rawBytePower < MINIMUM_CONSENSUS_POWER;
    const stillBelow = claim.rawBytePower < MINIMUM_CONSENSUS_POWER;
    if (prevBelow && !stillBelow) {
      t.minerAboveMinPowerCount += 1n;
      t.totalQualityAdjPower += claim.qualityAdjPower;
      t.totalRawBytePower += claim.rawBytePower;
    } else if (!prevBelow && stillBelow) {
      t.minerAboveMinPowerCount -= 1n;
      t.totalQualityAdjPower -= old.qualityAdjPower;
      t.totalRawBytePower -= old.rawBytePower;
    } else if (!prevBelow && !stillBelow) {
      t.totalQualityAdjPower += qa;
      t.totalRawBytePower += raw;
    }
    if (claim.rawBytePower < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `negative claimed raw byte power: ${claim.rawBytePower}`);
    if (claim.qualityAdjPower < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `negative claimed quality adjusted power: ${claim.qualityAdjPower}`);
    await this.saveTotals(t, epoch);
    await this.setClaim(miner, claim);
  }

  /** A new miner's empty claim (CreateMiner); the minimum is positive, so it does not count yet. */
  async addMiner(miner: bigint, windowPoStProofType: number, epoch: bigint): Promise<void> {
    await this.setClaim(miner, { windowPoStProofType, rawBytePower: 0n, qualityAdjPower: 0n });
    const t = await this.totals();
    t.minerCount += 1n;
    await this.saveTotals(t, epoch);
  }

  /** `miner_nominal_power_meets_consensus_minimum`; no claim is 16. */
  async minerRawPower(miner: bigint): Promise<[raw: bigint, meetsMinimum: boolean]> {
    const claim = await this.claim(miner);
    if (claim === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `no claim for actor: ${miner}`);
    const raw = claim.rawBytePower;
    if (raw >= MINIMUM_CONSENSUS_POWER) return [raw, true];
    if ((await this.totals()).minerAboveMinPowerCount >= CONSENSUS_MINER_MIN_MINERS) return [raw, false];
    return [raw, raw > 0n];
  }
}

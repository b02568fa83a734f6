/**
 * The reward actor f02 (builtin-actors `actors/reward/src/lib.rs`): ThisEpochReward is what the
 * miners (pledge, fees) and the market (collateral bounds) ask of it. Block rewards
 * (AwardBlockReward) and the per-epoch update (UpdateNetworkKPI) come from the system and cron,
 * which the emulator does not run, so they answer 22.
 */
import { encodeBigIntBytes, RewardMethod, type CborEncodable } from "../../fil";
import type { ActorDefinition } from "../definition";
import { methodMap, withoutParams } from "../method-table";
import type { FilterEstimate } from "./smooth";
import { GENESIS_BASELINE_POWER, GENESIS_REWARD_SMOOTHED } from "./policy";

export const filterEstimateCbor = (f: FilterEstimate): CborEncodable => [encodeBigIntBytes(f.position), encodeBigIntBytes(f.velocity)];

/** ThisEpochRewardReturn `[this_epoch_reward_smoothed, this_epoch_baseline_power]`. */
async function thisEpochReward(): Promise<CborEncodable> {
  return [filterEstimateCbor(GENESIS_REWARD_SMOOTHED), encodeBigIntBytes(GENESIS_BASELINE_POWER)];
}

export const rewardActor: ActorDefinition = {
  kind: "reward",
  name: "reward",
  methods: methodMap([[[RewardMethod.ThisEpochReward], withoutParams("ThisEpochReward", thisEpochReward)]]),
};

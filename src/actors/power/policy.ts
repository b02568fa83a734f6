/**
 * Power policy of the testing builds Lotus devnets run (builtin-actors
 * `runtime/src/runtime/policy.rs` with feature `min-power-2k`, `actors/power/src/{policy,state}.rs`).
 */
import { filterEstimate } from "../reward/smooth";

/** MINIMUM_CONSENSUS_POWER with `min-power-2k`: one 2 KiB sector makes a miner count. */
export const MINIMUM_CONSENSUS_POWER = 2n << 10n;
/** Below this many miners at the minimum, any miner with power counts (CONSENSUS_MINER_MIN_MINERS). */
export const CONSENSUS_MINER_MIN_MINERS = 4n;
/** The power actor's genesis QA power estimate (750 000 GiB, growing 3 840 GiB per epoch). */
export const INITIAL_QA_POWER_SMOOTHED = filterEstimate(750_000n * (1n << 30n), 3_840n * (1n << 30n));

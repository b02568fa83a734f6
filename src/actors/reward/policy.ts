/**
 * The reward actor's genesis state (builtin-actors `actors/reward/src/{state,logic}.rs`). The
 * emulator runs no cron, so the reward actor stays at its genesis values: the smoothed block
 * reward estimate and the baseline power of epoch 0.
 */
import { filterEstimate } from "./smooth";

const INITIAL_REWARD_POSITION_ESTIMATE = 36266260308195979333n;
const INITIAL_REWARD_VELOCITY_ESTIMATE = -109897758509n;
/** 2.5057116798121726 EiB. */
const BASELINE_INITIAL_VALUE = 2_888_888_880_000_000_000n;
const BASELINE_EXPONENT = 340282591298641078465964189926313473653n;
/** INIT_BASELINE_POWER, one epoch before genesis. */
const INIT_BASELINE_POWER = ((BASELINE_INITIAL_VALUE << 256n) / BASELINE_EXPONENT) >> 128n;

export const GENESIS_REWARD_SMOOTHED = filterEstimate(INITIAL_REWARD_POSITION_ESTIMATE, INITIAL_REWARD_VELOCITY_ESTIMATE);
/** `State::new` advances once: baseline_power_from_prev(INIT_BASELINE_POWER). */
export const GENESIS_BASELINE_POWER = (INIT_BASELINE_POWER * BASELINE_EXPONENT) >> 128n;

/**
 * The seeded random fault model of soak tests: each active sector faults on a given day with
 * probability `faultRate`, independently of the others. Instead of rolling dice every epoch
 * (which would wake the engine at every epoch), the epoch of a sector's next fault is drawn once,
 * when it becomes active or recovers, from the geometric distribution of the wait, so bulk
 * mining still runs straight to it. The generator is mulberry32: small, fast and the same
 * everywhere; its 32-bit state lives in the engine's state, so evm_revert replays the same faults.
 */
import { WPOST_PROVING_PERIOD } from "../actors/miner/policy";

/** The generator state a seed starts from. */
export const seedState = (seed: bigint): number => Number(BigInt.asUintN(32, seed));

/** One draw in [0, 1) and the state after it (mulberry32). */
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(next ^ (next >>> 15), next | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

/**
 * Epochs until a sector's next fault for a daily probability `rate`, from the draw `u` in [0, 1):
 * the per-epoch probability q gives P(wait = k) = (1 − q)^(k−1)·q. Undefined when it never faults.
 */
export function faultWait(rate: number, u: number): bigint | undefined {
  if (rate <= 0) return undefined;
  if (rate >= 1) return 1n;
  // q = 1 − (1 − rate)^(1/period), computed without losing small rates to rounding.
  const logStay = Math.log1p(-rate) / Number(WPOST_PROVING_PERIOD);
  const wait = Math.floor(Math.log1p(-u) / logStay) + 1;
  return Number.isFinite(wait) ? BigInt(wait) : undefined;
}

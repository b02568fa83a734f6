/** Filecoin mainnet and devnets produce one epoch every 30 seconds. */
export const EPOCH_DURATION_SECONDS = 30n;

/** Block timestamp of an epoch: Filecoin consensus fixes it to genesis + 30 s × epoch. */
export function timestampOfEpoch(genesisTimestamp: bigint, epoch: bigint): bigint {
  return genesisTimestamp + EPOCH_DURATION_SECONDS * epoch;
}

/** The first epoch whose timestamp is at or after `timestamp` (time moves in whole epochs). */
export function epochAtOrAfter(genesisTimestamp: bigint, timestamp: bigint): bigint {
  const since = timestamp - genesisTimestamp;
  if (since <= 0n) return 0n;
  return (since + EPOCH_DURATION_SECONDS - 1n) / EPOCH_DURATION_SECONDS;
}

/** How many epochs cover `seconds` (at least one: every mined block is a new epoch). */
export function epochsCovering(seconds: bigint): bigint {
  const n = (seconds + EPOCH_DURATION_SECONDS - 1n) / EPOCH_DURATION_SECONDS;
  return n < 1n ? 1n : n;
}

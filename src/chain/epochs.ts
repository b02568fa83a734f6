/** Filecoin's block gas limit, fixed by consensus (contracts read it as GASLIMIT). */
export const FILECOIN_BLOCK_GAS_LIMIT = 10_000_000_000n;

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

/** ChainEpoch is an int64 in the actors and Lotus; block timestamps are uint64. */
const MAX_CHAIN_EPOCH = (1n << 63n) - 1n;
const MAX_TIMESTAMP = (1n << 64n) - 1n;

/**
 * The last epoch a block may be mined at: the epoch after it (where eth_call and gas estimates
 * run) must still be an int64 with a uint64 timestamp, or every later call would fail.
 */
export function lastMinableEpoch(genesisTimestamp: bigint): bigint {
  const byTime = (MAX_TIMESTAMP - genesisTimestamp) / EPOCH_DURATION_SECONDS;
  return (byTime < MAX_CHAIN_EPOCH ? byTime : MAX_CHAIN_EPOCH) - 1n;
}

/** Miner policy constants (builtin-actors runtime/src/runtime/policy.rs, mainnet values). */
export const MAX_CONTROL_ADDRESSES = 10;
export const MAX_PEER_ID_LENGTH = 128;
export const MAX_MULTIADDR_DATA = 1024;
/** WORKER_KEY_CHANGE_DELAY = CHAIN_FINALITY: epochs before a new worker key can be confirmed. */
export const WORKER_KEY_CHANGE_DELAY = 900n;

/**
 * Sector policy of the testing builds (builtin-actors `runtime/src/runtime/policy.rs` with
 * `short-precommit`, `actors/miner/src/policy.rs`).
 */
const EPOCHS_IN_DAY = 2880n;
const EPOCHS_IN_YEAR = 1051897n;
/** PRE_COMMIT_CHALLENGE_DELAY with `short-precommit`: a pre-commit can be proven 11 epochs later. */
export const PRE_COMMIT_CHALLENGE_DELAY = 10n;
export const MAX_PRE_COMMIT_RANDOMNESS_LOOKBACK = EPOCHS_IN_DAY + WORKER_KEY_CHANGE_DELAY;
/** max_prove_commit_duration of the V1P1 seal proofs. */
export const MAX_PROVE_COMMIT_DURATION = 30n * EPOCHS_IN_DAY + PRE_COMMIT_CHALLENGE_DELAY;
export const MIN_SECTOR_EXPIRATION = 180n * EPOCHS_IN_DAY;
export const MAX_SECTOR_EXPIRATION_EXTENSION = 1278n * EPOCHS_IN_DAY;
/** seal_proof_sector_maximum_lifetime of the V1P1 seal proofs. */
export const SECTOR_MAXIMUM_LIFETIME = 5n * EPOCHS_IN_YEAR;
export const WPOST_PERIOD_DEADLINES = 48n;
/** WPOST_PROVING_PERIOD: every sector is proven once a day. */
export const WPOST_PROVING_PERIOD = EPOCHS_IN_DAY;
/** FAULT_MAX_AGE: a sector faulty this long is terminated by the miner's cron. */
export const FAULT_MAX_AGE = WPOST_PROVING_PERIOD * 42n;
export const MAX_SECTOR_NUMBER = (1n << 63n) - 1n;
export const MIN_AGGREGATED_SECTORS = 4;
export const MAX_AGGREGATED_SECTORS = 819;
/** RegisteredAggregateProof::SnarkPackV2. */
export const SNARK_PACK_V2 = 1n;

/** The Window PoSt proof type of a V1P1 seal proof (5–9) or its synthetic-PoRep twin (10–14). */
export function windowPoStProofOfSeal(sealProof: number): number | undefined {
  if (sealProof >= 5 && sealProof <= 9) return sealProof + 5;
  if (sealProof >= 10 && sealProof <= 14) return sealProof;
  return undefined;
}

/** Sectors per partition by Window PoSt proof type (window_post_partition_sectors). */
export const PARTITION_SECTORS: Record<number, bigint> = { 10: 2n, 11: 2n, 12: 2n, 13: 2349n, 14: 2300n };

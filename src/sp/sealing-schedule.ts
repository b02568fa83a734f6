/**
 * When the simulated provider's sealing steps fall, from the miner's policy alone: kept apart from
 * sealing.ts (which sends the miner's messages) so that the config can check a policy without
 * loading the emulator.
 */
import { MAX_SECTOR_EXPIRATION_EXTENSION, PRE_COMMIT_CHALLENGE_DELAY } from "../actors/miner/policy";

/** The shortest sealing: a sector is proven after the challenge delay that follows its pre-commit. */
export const MIN_SEALING_DELAY = PRE_COMMIT_CHALLENGE_DELAY + 1n;

/** The latest deal end a sector pre-committed at `epoch` can cover (its expiration's limit). */
export const latestCoverableEnd = (epoch: bigint): bigint => epoch + MAX_SECTOR_EXPIRATION_EXTENSION;

/**
 * Verified-registry policy of the actors' testing builds (builtin-actors
 * `runtime/src/runtime/policy.rs`; testing and devnet builds enable `small-deals`).
 */
import { EPOCHS_IN_DAY, MAXIMUM_VERIFIED_ALLOCATION_EXPIRATION, MAXIMUM_VERIFIED_ALLOCATION_TERM } from "../market/policy";

export { MAXIMUM_VERIFIED_ALLOCATION_EXPIRATION, MAXIMUM_VERIFIED_ALLOCATION_TERM };

/** Bytes; 1 MiB on mainnet and calibration, 256 with `small-deals`. */
export const MINIMUM_VERIFIED_ALLOCATION_SIZE = 256n;
export const MINIMUM_VERIFIED_ALLOCATION_TERM = 180n * EPOCHS_IN_DAY;
/** The first allocation (and claim) id of a fresh registry. */
export const FIRST_ALLOCATION_ID = 1n;
/**
 * The root key of a Lotus devnet's registry: the multisig Lotus's genesis puts at t080. The
 * emulator has no multisig actor, so t080 is a keyless account that test control sends from.
 */
export const DEVNET_ROOT_KEY_ID = 80n;

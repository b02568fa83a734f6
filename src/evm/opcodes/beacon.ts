import { blake2b } from "@noble/hashes/blake2.js";
import { concatBytes } from "@ethereumjs/util";

/** FVM randomness domain-separation tags used by the EVM (builtin-actors runtime/src/runtime/randomness.rs). */
export const DomainSeparationTag = {
  EvmPrevRandao: 10n,
} as const;

const DIGEST_BYTES = 32;
const LOCAL_BEACON_DOMAIN = new TextEncoder().encode("hardhat-fevm local drand beacon");

function i64BigEndian(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, value);
  return out;
}

/**
 * The beacon digest of an epoch: on Filecoin the blake2b-256 of the drand entry in that epoch's
 * block headers. The local network has no drand, so each epoch gets a fixed pseudo-random digest:
 * the same epoch gives the same digest in every run, different epochs look unrelated. This is what
 * get_beacon_randomness (0xfe00…06) returns for an epoch and what PREVRANDAO is drawn from.
 */
export function beaconDigest(epoch: bigint): Uint8Array {
  return blake2b(concatBytes(LOCAL_BEACON_DOMAIN, i64BigEndian(epoch)), { dkLen: DIGEST_BYTES });
}

/**
 * FVM randomness drawn from a base digest: blake2b-256(i64_be(tag) ‖ base ‖ i64_be(epoch) ‖ entropy)
 * (builtin-actors runtime/src/runtime/randomness.rs draw_randomness).
 */
export function drawRandomness(tag: bigint, base: Uint8Array, epoch: bigint, entropy: Uint8Array): Uint8Array {
  return blake2b(concatBytes(i64BigEndian(tag), base, i64BigEndian(epoch), entropy), { dkLen: DIGEST_BYTES });
}

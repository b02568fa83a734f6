import { keccak_256 } from "@noble/hashes/sha3.js";
import type { NativeKeccakState } from "./native-addons";

export type Keccak256 = (message: Uint8Array) => Uint8Array;

/** Keccak-256 rate and capacity in bits. */
const RATE = 1088;
const CAPACITY = 512;

/**
 * keccak256 on the native sponge: one state reused for every hash (the call is synchronous, so
 * nothing interleaves), answering a plain Uint8Array as @noble/hashes does.
 */
export function nativeKeccak256(State: new () => NativeKeccakState): Keccak256 {
  const state = new State();
  return (message) => {
    state.initialize(RATE, CAPACITY);
    state.absorb(message);
    const digest = state.squeeze(32);
    return new Uint8Array(digest.buffer, digest.byteOffset, 32);
  };
}

export const jsKeccak256: Keccak256 = keccak_256;

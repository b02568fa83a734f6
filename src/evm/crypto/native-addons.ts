import { createRequire } from "node:module";
import path from "node:path";

/** The keccak package's native sponge (its prebuilt N-API binary), without the stream wrapper around it. */
export interface NativeKeccakState {
  initialize(rate: number, capacity: number): void;
  absorb(data: Uint8Array): void;
  squeeze(length: number): Uint8Array;
}

/** The part of the secp256k1 package (libsecp256k1, prebuilt N-API binary) we call. */
export interface NativeSecp256k1 {
  ecdsaSign(msg32: Uint8Array, privateKey: Uint8Array): { signature: Uint8Array; recid: number };
  ecdsaRecover(signature64: Uint8Array, recid: number, msg32: Uint8Array, compressed: false): Uint8Array;
}

/**
 * Loads a native addon, or answers undefined when it cannot load here (no prebuilt binary for
 * this platform, a runtime without N-API): the caller then uses the pure-JS implementation.
 */
function tryLoad<T>(load: () => T): T | undefined {
  try {
    return load();
  } catch {
    return undefined;
  }
}

export function loadNativeKeccak(): (new () => NativeKeccakState) | undefined {
  return tryLoad(() => {
    // node-gyp-build as the keccak package itself resolves it, pointed at that package's prebuilds.
    const packageJson = require.resolve("keccak/package.json");
    const nodeGypBuild = createRequire(packageJson)("node-gyp-build") as (dir: string) => unknown;
    const addon = nodeGypBuild(path.dirname(packageJson));
    if (typeof addon !== "function") throw new Error("keccak: the native addon did not load");
    return addon as new () => NativeKeccakState;
  });
}

export function loadNativeSecp256k1(): NativeSecp256k1 | undefined {
  // secp256k1/bindings throws when the native addon is missing (the package's index.js would fall back to elliptic).
  return tryLoad(() => require("secp256k1/bindings") as NativeSecp256k1);
}

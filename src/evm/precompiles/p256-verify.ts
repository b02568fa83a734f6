import { p256 } from "@noble/curves/nist.js";
import { bytesToBigInt } from "@ethereumjs/util";
import type { FevmPrecompile } from "./fevm-precompile";

/** EIP-7951's price for P256VERIFY. */
const P256_VERIFY_GAS = 6900n;
const INPUT_LENGTH = 160;
const N = p256.Point.Fn.ORDER;
const P = p256.Point.Fp.ORDER;

/** A word whose last byte is 1: "the signature is valid". */
const VALID = Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 1 : 0));

function signatureIsValid(input: Uint8Array): boolean {
  if (input.length !== INPUT_LENGTH) return false;
  const hash = input.subarray(0, 32);
  const signature = input.subarray(32, 96);
  const r = bytesToBigInt(input.subarray(32, 64));
  const s = bytesToBigInt(input.subarray(64, 96));
  const x = bytesToBigInt(input.subarray(96, 128));
  const y = bytesToBigInt(input.subarray(128, 160));
  if (r < 1n || r >= N || s < 1n || s >= N || x >= P || y >= P) return false;
  let publicKey: Uint8Array;
  try {
    const point = p256.Point.fromAffine({ x, y });
    point.assertValidity(); // on the curve and not the point at infinity (0, 0)
    publicKey = point.toBytes(false);
  } catch {
    return false;
  }
  // The input holds the message hash itself, and high-s signatures are valid (EIP-7951).
  return p256.verify(signature, hash, publicKey, { prehash: false, lowS: false });
}

/**
 * 0x0100 P256VERIFY (nv28+, FIP-0113 = EIP-7951; builtin-actors precompiles/secp256r1.rs): a
 * 160-byte input (hash, r, s, x, y) with a valid signature returns the word 1; anything else,
 * including a wrong length, succeeds with empty output. It never fails.
 */
export const p256Verify: FevmPrecompile = ({ input }) => ({ output: signatureIsValid(input) ? VALID.slice() : new Uint8Array(), gasUsed: P256_VERIFY_GAS });

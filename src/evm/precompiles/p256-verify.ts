import { p256 } from "@noble/curves/nist.js";
import { bytesToBigInt } from "@ethereumjs/util";
import { cryptoBackend } from "../crypto";
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
  const r = bytesToBigInt(input.subarray(32, 64));
  const s = bytesToBigInt(input.subarray(64, 96));
  const x = bytesToBigInt(input.subarray(96, 128));
  const y = bytesToBigInt(input.subarray(128, 160));
  if (r < 1n || r >= N || s < 1n || s >= N || x >= P || y >= P) return false;
  let key: InstanceType<typeof p256.Point>;
  try {
    key = p256.Point.fromAffine({ x, y });
    key.assertValidity(); // on the curve and not the point at infinity (0, 0)
  } catch {
    return false;
  }
  return cryptoBackend.verifyP256(input.subarray(0, 32), r, s, key);
}

/**
 * 0x0100 P256VERIFY (nv28+, FIP-0113 = EIP-7951; builtin-actors precompiles/secp256r1.rs): a
 * 160-byte input (hash, r, s, x, y) with a valid signature returns the word 1; anything else,
 * including a wrong length, succeeds with empty output. It never fails.
 */
export const p256Verify: FevmPrecompile = ({ input }) => ({ output: signatureIsValid(input) ? VALID.slice() : new Uint8Array(), gasUsed: P256_VERIFY_GAS });

import { secp256k1 } from "@noble/curves/secp256k1.js";
import { cryptoBackend } from "../crypto";
import type { FevmPrecompile } from "./fevm-precompile";
import { InputReader } from "./input-reader";

/** Ethereum's price for ecRecover. */
const EC_RECOVER_GAS = 3000n;
const N = secp256k1.Point.Fn.ORDER;

const inSignatureRange = (x: bigint) => x >= 1n && x < N;

/** keccak of the uncompressed key, left-padded to a word; undefined when nothing recovers. */
function recoverSigner(input: Uint8Array): Uint8Array | undefined {
  const reader = new InputReader(input);
  const hash = reader.readPadded(32);
  const v = reader.readU256();
  const r = reader.readU256();
  const s = reader.readU256();
  if ((v !== 27n && v !== 28n) || !inSignatureRange(r) || !inSignatureRange(s)) return undefined;
  let publicKey: Uint8Array;
  try {
    publicKey = cryptoBackend.recoverPublicKey(hash, Number(v - 27n), r, s);
  } catch {
    // Recovery throws when r is not the x of a curve point or the key is the point at infinity.
    return undefined;
  }
  const word = new Uint8Array(32);
  word.set(cryptoBackend.keccak256(publicKey.subarray(1)).subarray(12), 12);
  return word;
}

/**
 * 0x01 ecRecover (builtin-actors precompiles/evm.rs): as Ethereum, but it never fails — v other
 * than 27/28 as a full word, r or s outside [1, n) or an unrecoverable signature give success
 * with EMPTY output. Input is zero-padded to 128 bytes; extra bytes are ignored.
 */
export const ecRecover: FevmPrecompile = ({ input }) => ({ output: recoverSigner(input) ?? new Uint8Array(), gasUsed: EC_RECOVER_GAS });

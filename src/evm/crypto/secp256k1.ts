import { secp256k1 } from "@noble/curves/secp256k1.js";
import type { NativeSecp256k1 } from "./native-addons";

/** What ethereumjs' customCrypto.ecsign is called with: noble's sign in its "recovered" format. */
export type EcSign = typeof secp256k1.sign;

/** The uncompressed public key (65 bytes, 0x04 first) that signed `hash`; throws when none does. */
export type RecoverPublicKey = (hash: Uint8Array, recovery: number, r: bigint, s: bigint) => Uint8Array;

const N = secp256k1.Point.Fn.ORDER;

function word(x: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0 && x > 0n; i--, x >>= 8n) out[i] = Number(x & 0xffn);
  return out;
}

export const jsRecoverPublicKey: RecoverPublicKey = (hash, recovery, r, s) =>
  new secp256k1.Signature(r, s, recovery).recoverPublicKey(hash).toBytes(false);

export function nativeRecoverPublicKey(native: NativeSecp256k1): RecoverPublicKey {
  return (hash, recovery, r, s) => {
    // noble refuses r or s outside [1, n) up front; libsecp256k1 would too, with another message.
    if (r < 1n || r >= N || s < 1n || s >= N) throw new Error("signature r or s out of range");
    if (recovery !== 0 && recovery !== 1) throw new Error("recovery id must be 0 or 1");
    const signature = new Uint8Array(64);
    signature.set(word(r), 0);
    signature.set(word(s), 32);
    return native.ecdsaRecover(signature, recovery, hash, false);
  };
}

/**
 * ethereumjs signs transactions with RFC 6979 nonces and no extra entropy; libsecp256k1 derives
 * the same nonce and normalises to low s as noble does, so both give the same bytes. Any other
 * request (extra entropy, other formats) goes to noble.
 */
export function nativeEcSign(native: NativeSecp256k1): EcSign {
  return ((hash: Uint8Array, privateKey: Uint8Array, opts?: Parameters<EcSign>[2]) => {
    const plain = opts?.format === "recovered" && opts.prehash === false && !opts.extraEntropy;
    if (!plain || hash.length !== 32) return secp256k1.sign(hash, privateKey, opts);
    const { signature, recid } = native.ecdsaSign(hash, privateKey);
    const out = new Uint8Array(65);
    out[0] = recid;
    out.set(signature, 1);
    return out;
  }) as EcSign;
}

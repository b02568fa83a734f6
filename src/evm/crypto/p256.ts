import { createECDH, type ECDH } from "node:crypto";
import { p256 } from "@noble/curves/nist.js";
import { bytesToBigInt } from "@ethereumjs/util";

type P256Point = InstanceType<typeof p256.Point>;

/**
 * ECDSA verification over a given 32-byte digest on P-256 (EIP-7951): true when R = u1·G + u2·Q
 * is not the point at infinity and x(R) ≡ r (mod n). The caller has checked r and s in [1, n)
 * and that `key` is a valid curve point.
 */
export type VerifyP256 = (hash: Uint8Array, r: bigint, s: bigint, key: P256Point) => boolean;

const { Fn } = p256.Point;

/** noble, pure JavaScript: the input holds the digest itself, and high-s signatures are valid. */
export const jsVerifyP256: VerifyP256 = (hash, r, s, key) =>
  p256.verify(new p256.Signature(r, s).toBytes(), hash, key.toBytes(false), { prehash: false, lowS: false });

const scalarBytes = (k: bigint) => Fn.toBytes(k);

/**
 * OpenSSL through node:crypto. Its ECDSA verify always hashes the message itself, so the digest
 * cannot be passed in; but ECDH gives both scalar multiplications natively: u1·G + u2·Q equals
 * u2·(Q + k·G) with k = u1/u2 = e/r (mod n), k·G is an ECDH public key and x(u2·P) is the ECDH
 * secret of u2 with P. Only the one point addition Q + k·G runs in JavaScript. u2 = r/s is never
 * 0, and P = Q + k·G at infinity means R is too (invalid); u2·P for a finite P never is (the
 * group has prime order).
 */
export function nativeVerifyP256(ecdh: ECDH): VerifyP256 {
  return (hash, r, s, key) => {
    // 1/r and 1/s from one inversion (inversions dominate the JavaScript part).
    const inverse = Fn.inv(Fn.mul(r, s));
    const k = Fn.mul(Fn.mul(Fn.create(bytesToBigInt(hash)), s), inverse);
    let P = key;
    if (k !== 0n) {
      ecdh.setPrivateKey(scalarBytes(k));
      P = key.add(p256.Point.fromBytes(ecdh.getPublicKey()));
      if (P.is0()) return false;
    }
    ecdh.setPrivateKey(scalarBytes(Fn.mul(Fn.mul(r, r), inverse)));
    const x = bytesToBigInt(ecdh.computeSecret(P.toBytes(false)));
    return Fn.create(x) === r;
  };
}

/** The node:crypto verifier, or undefined where this runtime's OpenSSL has no P-256 (prime256v1). */
export function loadNativeVerifyP256(): VerifyP256 | undefined {
  try {
    return nativeVerifyP256(createECDH("prime256v1"));
  } catch {
    return undefined;
  }
}

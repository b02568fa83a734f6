/**
 * Filecoin key pairs for tests, signing as Lotus wallets do (lotus lib/sigs): secp256k1 signs
 * blake2b-256(message) and sends r ‖ s ‖ recovery id; BLS signs the raw message (G2 signature).
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { blake2b } from "@noble/hashes/blake2.js";
import { blsAddress, secp256k1AddressFromPublicKey, type FilecoinAddress } from "../../../src/fil";

export interface TestKey {
  address: FilecoinAddress;
  sign(message: Uint8Array): Uint8Array;
}

/** A secp256k1 (f1) key from a fixed 32-byte secret. */
export function secpKey(seed: number): TestKey & { signHighS(message: Uint8Array): Uint8Array } {
  const secret = new Uint8Array(32).fill(seed);
  const sign = (message: Uint8Array) => {
    const recovered = secp256k1.sign(blake2b(message, { dkLen: 32 }), secret, { prehash: false, format: "recovered" });
    return Uint8Array.of(...recovered.subarray(1), recovered[0]);
  };
  return {
    address: secp256k1AddressFromPublicKey(secp256k1.getPublicKey(secret, false)),
    sign,
    /** The same signature with s replaced by n − s (and the recovery id flipped): malleable but valid. */
    signHighS(message) {
      const sig = sign(message);
      const s = BigInt(`0x${Buffer.from(sig.subarray(32, 64)).toString("hex")}`);
      const high = secp256k1.Point.CURVE().n - s;
      const out = Uint8Array.from(sig);
      out.set(Buffer.from(high.toString(16).padStart(64, "0"), "hex"), 32);
      out[64] ^= 1;
      return out;
    },
  };
}

/** A BLS (f3) key from a fixed 48-byte seed. */
export function blsKey(seed: number): TestKey {
  const bls = bls12_381.longSignatures;
  const { secretKey, publicKey } = bls.keygen(new Uint8Array(48).fill(seed));
  return {
    address: blsAddress(publicKey.toBytes()),
    sign: (message) => bls.sign(bls.hash(message), secretKey).toBytes(),
  };
}

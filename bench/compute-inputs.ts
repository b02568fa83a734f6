// Inputs and expected outputs for the compute workloads, built with @noble/curves and
// node:crypto (never with the emulator under test), in each precompile's own encoding.
import { createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { bn254 } from "@noble/curves/bn254.js";
import { p256 } from "@noble/curves/nist.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";

/** One precompile call repeated in a transaction: where, with what, and the output it must give. */
export interface PrecompileCase {
  address: string;
  input: Uint8Array;
  output: Uint8Array;
}

const word = (x: bigint, bytes = 32) => hexToBytes(x.toString(16).padStart(bytes * 2, "0"));
const precompile = (index: number) => `0x${index.toString(16).padStart(40, "0")}`;

export function merkleCase(depth: number): { root: string; leaf: string; proof: string[] } {
  const leaves = Array.from({ length: 2 ** depth }, () => keccak_256(randomBytes(32)));
  const hashPair = (a: Uint8Array, b: Uint8Array) =>
    keccak_256(bytesToHex(a) < bytesToHex(b) ? concatBytes(a, b) : concatBytes(b, a));
  let level: Uint8Array[] = leaves;
  let index = 7;
  const proof: Uint8Array[] = [];
  while (level.length > 1) {
    proof.push(level[index ^ 1]);
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(hashPair(level[i], level[i + 1]));
    level = next;
    index >>= 1;
  }
  const hex = (b: Uint8Array) => `0x${bytesToHex(b)}`;
  return { root: hex(level[0]), leaf: hex(leaves[7]), proof: proof.map(hex) };
}

export function ecrecoverCase(): { hash: string; v: number; r: string; s: string; signer: string } {
  const key = secp256k1.utils.randomSecretKey();
  const hash = keccak_256(randomBytes(32));
  const sig = secp256k1.Signature.fromBytes(secp256k1.sign(hash, key, { prehash: false, format: "recovered" }), "recovered");
  const signer = keccak_256(secp256k1.getPublicKey(key, false).subarray(1)).subarray(12);
  return { hash: `0x${bytesToHex(hash)}`, v: 27 + sig.recovery!, r: `0x${bytesToHex(word(sig.r))}`, s: `0x${bytesToHex(word(sig.s))}`, signer: `0x${bytesToHex(signer)}` };
}

/** P256VERIFY (0x100, EIP-7951): hash, r, s, x, y → the word 1. */
export function p256Case(): PrecompileCase {
  const key = p256.utils.randomSecretKey();
  const hash = sha256(randomBytes(64));
  const sig = p256.Signature.fromBytes(p256.sign(hash, key, { prehash: false }));
  const pub = p256.getPublicKey(key, false);
  return { address: "0x0000000000000000000000000000000000000100", input: concatBytes(hash, word(sig.r), word(sig.s), pub.subarray(1)), output: word(1n) };
}

/** modexp as an RSA-2048 PKCS#1 v1.5 verification does it: signature^65537 mod n = the padded digest. */
export function rsaCase(): PrecompileCase {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicExponent: 65537 });
  const message = randomBytes(100);
  const signature = createSign("sha256").update(message).sign(privateKey);
  const jwk = publicKey.export({ format: "jwk" });
  const modulus = Buffer.from(jwk.n!, "base64url");
  const exponent = Buffer.from(jwk.e!, "base64url");
  const input = concatBytes(word(BigInt(signature.length)), word(BigInt(exponent.length)), word(BigInt(modulus.length)), signature, exponent, modulus);
  const digestInfo = hexToBytes("3031300d060960864801650304020105000420");
  const padded = concatBytes(new Uint8Array([0, 1]), new Uint8Array(256 - 3 - digestInfo.length - 32).fill(0xff), new Uint8Array([0]), digestInfo, sha256(message));
  return { address: precompile(5), input, output: padded };
}

export function sha256Case(length: number): PrecompileCase {
  const input = randomBytes(length);
  return { address: precompile(2), input, output: sha256(input) };
}

type Bn254G1 = InstanceType<typeof bn254.G1.Point>;
type Bn254G2 = InstanceType<typeof bn254.G2.Point>;
const bnG1 = (p: Bn254G1) => {
  const { x, y } = p.toAffine();
  return concatBytes(word(x), word(y));
};
// EIP-197 orders each Fp2 coordinate imaginary part first.
const bnG2 = (p: Bn254G2) => {
  const { x, y } = p.toAffine();
  return concatBytes(word(x.c1), word(x.c0), word(y.c1), word(y.c0));
};

export function bn254Cases(): Record<"add" | "mul" | "pairing", PrecompileCase> {
  const P = bn254.G1.Point.BASE.multiply(123456789n);
  const Q = bn254.G1.Point.BASE.multiply(987654321n);
  const k = 0x1234567890abcdef1234567890abcdefn;
  const G2 = bn254.G2.Point.BASE.multiply(42n);
  return {
    add: { address: precompile(6), input: concatBytes(bnG1(P), bnG1(Q)), output: bnG1(P.add(Q)) },
    mul: { address: precompile(7), input: concatBytes(bnG1(P), word(k)), output: bnG1(P.multiply(k)) },
    // e(P, G2) · e(−P, G2) = 1
    pairing: { address: precompile(8), input: concatBytes(bnG1(P), bnG2(G2), bnG1(P.negate()), bnG2(G2)), output: word(1n) },
  };
}

type BlsG1 = InstanceType<typeof bls12_381.G1.Point>;
type BlsG2 = InstanceType<typeof bls12_381.G2.Point>;
// EIP-2537: each Fp in 64 bytes (16 zero bytes, then 48), Fp2 as c0 then c1.
const fp = (x: bigint) => word(x, 64);
const blsG1 = (p: BlsG1) => {
  const { x, y } = p.toAffine();
  return concatBytes(fp(x), fp(y));
};
const blsG2 = (p: BlsG2) => {
  const { x, y } = p.toAffine();
  return concatBytes(fp(x.c0), fp(x.c1), fp(y.c0), fp(y.c1));
};

export function bls12381Cases(): Record<"g1add" | "pairing", PrecompileCase> {
  const P = bls12_381.G1.Point.BASE.multiply(123456789n);
  const Q = bls12_381.G1.Point.BASE.multiply(987654321n);
  const G2 = bls12_381.G2.Point.BASE.multiply(42n);
  return {
    g1add: { address: precompile(0x0b), input: concatBytes(blsG1(P), blsG1(Q)), output: blsG1(P.add(Q)) },
    pairing: { address: precompile(0x0f), input: concatBytes(blsG1(P), blsG2(G2), blsG1(P.negate()), blsG2(G2)), output: word(1n) },
  };
}

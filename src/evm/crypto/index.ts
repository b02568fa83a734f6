import { createHash } from "node:crypto";
import type { CustomCrypto } from "@ethereumjs/common";
import { bytesToBigInt, calculateSigRecovery } from "@ethereumjs/util";
import { jsKeccak256, nativeKeccak256, type Keccak256 } from "./keccak";
import { loadNativeKeccak, loadNativeSecp256k1 } from "./native-addons";
import { jsVerifyP256, loadNativeVerifyP256, type VerifyP256 } from "./p256";
import { jsRecoverPublicKey, nativeEcSign, nativeRecoverPublicKey, type EcSign, type RecoverPublicKey } from "./secp256k1";

export type { Keccak256 } from "./keccak";
export type { RecoverPublicKey } from "./secp256k1";
export type { VerifyP256 } from "./p256";

/**
 * The hashes and curve operations the emulator runs on every transaction: native (the keccak
 * and secp256k1 packages' prebuilt binaries, SHA-256 and P-256 from node:crypto) when they load,
 * else the pure-JS @noble implementations ethereumjs uses by default. Both give the same bytes.
 */
export interface CryptoBackend {
  kind: "native" | "js";
  keccak256: Keccak256;
  sha256: (message: Uint8Array) => Uint8Array;
  recoverPublicKey: RecoverPublicKey;
  /** P256VERIFY's signature check (0x0100). */
  verifyP256: VerifyP256;
  /** Present on the native backend only (ethereumjs' own signing is the JS one). */
  ecsign?: EcSign;
}

function sha256(message: Uint8Array): Uint8Array {
  const digest = createHash("sha256").update(message).digest();
  return new Uint8Array(digest.buffer, digest.byteOffset, 32);
}

/** The native backend, or undefined when an addon cannot load on this platform. */
export function nativeBackend(): CryptoBackend | undefined {
  const keccakState = loadNativeKeccak();
  const secp = loadNativeSecp256k1();
  const verifyP256 = loadNativeVerifyP256();
  if (keccakState === undefined || secp === undefined || verifyP256 === undefined) return undefined;
  return {
    kind: "native",
    keccak256: nativeKeccak256(keccakState),
    sha256,
    recoverPublicKey: nativeRecoverPublicKey(secp),
    verifyP256,
    ecsign: nativeEcSign(secp),
  };
}

export const jsBackend: CryptoBackend = { kind: "js", keccak256: jsKeccak256, sha256, recoverPublicKey: jsRecoverPublicKey, verifyP256: jsVerifyP256 };

/** FEVM_PURE_JS_CRYPTO=1 forces the pure-JS path (to compare, or to rule the addons out). */
export const cryptoBackend: CryptoBackend =
  (process.env.FEVM_PURE_JS_CRYPTO === "1" ? undefined : nativeBackend()) ?? jsBackend;

export const keccak256: Keccak256 = cryptoBackend.keccak256;

/** ethereumjs' customCrypto hooks for a backend (transaction hashes, tries, KECCAK256, SHA-256, signing, sender recovery). */
export function ethereumjsCrypto(backend: CryptoBackend): CustomCrypto {
  return {
    keccak256: backend.keccak256,
    sha256: backend.sha256,
    ...(backend.ecsign ? { ecsign: backend.ecsign } : {}),
    // As @ethereumjs/util's ecrecover: r and s as 32-byte words, v per EIP-155; the key without its 0x04.
    ecrecover: (msgHash, v, r, s, chainId) => {
      const recovery = calculateSigRecovery(v, chainId);
      if (recovery !== 0n && recovery !== 1n) throw new Error("Invalid signature v value");
      return backend.recoverPublicKey(msgHash, Number(recovery), bytesToBigInt(r.subarray(-32)), bytesToBigInt(s.subarray(-32))).slice(1);
    },
  };
}

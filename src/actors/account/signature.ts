/**
 * Filecoin signature verification as the FVM's verify_signature syscall does it (ref-fvm
 * shared/src/crypto/signature.rs, sdk/src/crypto.rs). The signature bytes carry no type byte: the
 * signer's key address decides the scheme.
 * - secp256k1 (f1): 65 bytes r ‖ s ‖ v (recovery id 0–3; a high s is accepted, as k256 normalises
 *   it) over blake2b-256(message); the recovered key's f1 address must equal the signer.
 * - BLS (f3): a 96-byte compressed G2 signature over the raw message (hash-to-curve DST
 *   BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_), public key = the 48-byte f3 payload.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { blake2b } from "@noble/hashes/blake2.js";
import { addressesEqual, formatAddress, Protocol, secp256k1AddressFromPublicKey, type FilecoinAddress } from "../../fil";

export const SECP256K1_SIGNATURE_LENGTH = 65;
export const BLS_SIGNATURE_LENGTH = 96;

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

const invalid = (reason: string): SignatureCheck => ({ valid: false, reason });

function verifySecp256k1(signer: FilecoinAddress, signature: Uint8Array, message: Uint8Array): SignatureCheck {
  if (signature.length !== SECP256K1_SIGNATURE_LENGTH) {
    return invalid(`a secp256k1 signature is ${SECP256K1_SIGNATURE_LENGTH} bytes (r ‖ s ‖ recovery id), got ${signature.length}`);
  }
  const recovery = signature[64];
  if (recovery > 3) return invalid(`recovery id ${recovery} is not 0–3 (Filecoin signatures do not use Ethereum's 27/28)`);
  let recovered: FilecoinAddress;
  try {
    const sig = secp256k1.Signature.fromBytes(Uint8Array.of(recovery, ...signature.subarray(0, 64)), "recovered");
    const digest = blake2b(message, { dkLen: 32 });
    recovered = secp256k1AddressFromPublicKey(sig.recoverPublicKey(digest).toBytes(false));
  } catch (e) {
    return invalid(`no public key can be recovered from it (${(e as Error).message})`);
  }
  if (addressesEqual(recovered, signer)) return { valid: true };
  return invalid(`it was made by the key of ${formatAddress(recovered, "t")}, not ${formatAddress(signer, "t")} (was blake2b-256 of the exact message signed?)`);
}

function verifyBls(signer: FilecoinAddress & { payload: Uint8Array }, signature: Uint8Array, message: Uint8Array): SignatureCheck {
  if (signature.length !== BLS_SIGNATURE_LENGTH) return invalid(`a BLS signature is ${BLS_SIGNATURE_LENGTH} bytes (compressed G2), got ${signature.length}`);
  const bls = bls12_381.longSignatures;
  try {
    const publicKey = bls12_381.G1.Point.fromBytes(signer.payload);
    // bls-signatures refuses the identity key (it would verify the identity signature for any message).
    if (publicKey.is0()) return invalid("the signer's BLS public key is the point at infinity");
    if (bls.verify(signature, bls.hash(message), publicKey)) return { valid: true };
  } catch (e) {
    return invalid(`it is not a valid BLS signature or key (${(e as Error).message})`);
  }
  return invalid(`it does not verify for the public key of ${formatAddress(signer, "t")} over the given message`);
}

/** Checks `signature` over `message` for the key address `signer` (f1 or f3). */
export function verifySignature(signer: FilecoinAddress, signature: Uint8Array, message: Uint8Array): SignatureCheck {
  switch (signer.protocol) {
    case Protocol.Secp256k1:
      return verifySecp256k1(signer, signature, message);
    case Protocol.BLS:
      return verifyBls(signer, signature, message);
    default:
      return invalid(`${formatAddress(signer, "t")} is not a key address (f1/f3)`);
  }
}

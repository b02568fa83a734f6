/**
 * CIDs via multiformats 9 (the CommonJS-compatible line), with the Filecoin codes the actors use
 * and tolerant parsing of the forms users paste: base32 (b…), base58 (Qm…/z…), base16 (f…) and
 * 0x-hex of the binary CID (what Solidity's `Cid.data` holds).
 */
import { blake2b } from "@noble/hashes/blake2.js";
import { base16 } from "multiformats/bases/base16";
import { base32 } from "multiformats/bases/base32";
import { base58btc } from "multiformats/bases/base58";
import { CID } from "multiformats/cid";
import { create as createDigest } from "multiformats/hashes/digest";
import { decodeHex, describeInput } from "./bytes";

export { CID };

export const Multicodec = {
  RAW: 0x55,
  DAG_CBOR: 0x71,
  FIL_COMMITMENT_UNSEALED: 0xf101,
  FIL_COMMITMENT_SEALED: 0xf102,
} as const;

export const MultihashCode = {
  IDENTITY: 0x00,
  SHA2_256: 0x12,
  BLAKE2B_256: 0xb220,
  /** FRC-0069 piece multihash: uvarint padding ‖ u8 height ‖ 32-byte root. */
  FR32_SHA256_TRUNC254_PADBINTREE: 0x1011,
  /** CommP / CommD (piece CID v1). */
  SHA2_256_TRUNC254_PADDED: 0x1012,
  /** CommR (sealed sector CID). */
  POSEIDON_BLS12_381_A1_FC1: 0xb401,
} as const;

export class InvalidCidError extends Error {
  constructor(
    readonly input: unknown,
    detail: string,
  ) {
    super(`${describeInput(input)} ${detail}`);
    this.name = "InvalidCidError";
  }
}

const multibaseDecoder = base32.decoder.or(base58btc.decoder).or(base16.decoder);

/** A CID from a string (b…/z…/Qm…/f… multibase, or 0x-hex of the binary CID), bytes or a CID. */
export function parseCid(input: string | Uint8Array | CID): CID {
  const cid = CID.asCID(input);
  if (cid !== null) return cid;
  if (input instanceof Uint8Array) return decodeBinary(input, input);
  if (typeof input !== "string") throw new InvalidCidError(input, "is not a CID; pass a CID string, bytes or a CID object");
  if (/^0x/i.test(input)) {
    const bytes = decodeHex(input);
    if (bytes === undefined) throw new InvalidCidError(input, "is not valid hex");
    return decodeBinary(bytes, input);
  }
  try {
    return CID.parse(input, multibaseDecoder);
  } catch (error) {
    const detail = `is not a CID (${(error as Error).message}); expected e.g. bafy…, baga6ea4seaq…, Qm… or 0x01…`;
    throw new InvalidCidError(input, detail);
  }
}

function decodeBinary(bytes: Uint8Array, input: unknown): CID {
  try {
    return CID.decode(bytes);
  } catch (error) {
    throw new InvalidCidError(input, `is not a binary CID (${(error as Error).message})`);
  }
}

/** CIDv1 DAG-CBOR with a blake2b-256 multihash: how Filecoin addresses CBOR blocks (e.g. deal proposals). */
export function cborCid(cborBytes: Uint8Array): CID {
  const digest = blake2b(cborBytes, { dkLen: 32 });
  return CID.createV1(Multicodec.DAG_CBOR, createDigest(MultihashCode.BLAKE2B_256, digest));
}

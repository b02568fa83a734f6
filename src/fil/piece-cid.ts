/**
 * Piece CIDs. v1 (what the market, verifreg and miners accept): CIDv1, codec
 * fil-commitment-unsealed 0xf101, multihash sha2-256-trunc254-padded 0x1012, 32-byte CommP; its
 * size travels separately as the padded piece size. v2 (FRC-0069): CIDv1, codec raw 0x55,
 * multihash fr32-sha256-trunc254-padbintree 0x1011 with digest uvarint(padding) ‖ u8 height ‖
 * CommP, so the size is inside (padded size = 32 << height). Validation follows go-fil-commcid
 * and the FRC-0069 text.
 */
import { create as createDigest } from "multiformats/hashes/digest";
import { concatBytes } from "./bytes";
import { CID, InvalidCidError, Multicodec, MultihashCode, parseCid } from "./cid";
import { computeCommP } from "./commp";
import { encodeUvarint, readUvarint } from "./uvarint";

export const COMMP_LENGTH = 32;
export const MIN_PADDED_PIECE_SIZE = 128n;
const MIN_HEIGHT = 2;
/** FRC-0069: the padding varint is at most 9 bytes, so below 2^63. */
const MAX_PADDING = (1n << 63n) - 1n;

/** A well-formed CID (or commitment) that is not a usable piece CID. */
export class InvalidPieceCidError extends InvalidCidError {}

export class InvalidPieceSizeError extends Error {
  constructor(
    readonly size: bigint,
    message: string,
  ) {
    super(`invalid piece size ${size}: ${message}`);
    this.name = "InvalidPieceSizeError";
  }
}

/** Throws with the market actor's own words unless `size` is a power of two ≥ 128. */
export function validatePaddedPieceSize(size: bigint): void {
  if (size < MIN_PADDED_PIECE_SIZE) throw new InvalidPieceSizeError(size, "minimum piece size is 128 bytes");
  if ((size & (size - 1n)) !== 0n) throw new InvalidPieceSizeError(size, "padded piece size must be a power of 2");
}

/** Padded → unpadded size (× 127/128), e.g. 2048 → 2032. */
export function unpaddedPieceSize(paddedSize: bigint): bigint {
  validatePaddedPieceSize(paddedSize);
  return paddedSize - paddedSize / 128n;
}

/** Unpadded (127·2^k) → padded size (× 128/127), e.g. 2032 → 2048. */
export function paddedPieceSize(unpaddedSize: bigint): bigint {
  if (unpaddedSize < 127n) throw new InvalidPieceSizeError(unpaddedSize, "minimum piece size is 127 bytes");
  const multiple = unpaddedSize / 127n;
  if (unpaddedSize % 127n !== 0n || (multiple & (multiple - 1n)) !== 0n) {
    throw new InvalidPieceSizeError(unpaddedSize, "unpadded piece size must be a power of 2 multiple of 127");
  }
  return unpaddedSize + multiple;
}

function heightOfPaddedSize(paddedSize: bigint): number {
  validatePaddedPieceSize(paddedSize);
  return paddedSize.toString(2).length - 1 - 5;
}

function checkCommP(commP: Uint8Array): Uint8Array {
  if (!(commP instanceof Uint8Array) || commP.length !== COMMP_LENGTH) {
    throw new InvalidPieceCidError(commP, `is not a piece commitment (CommP): it must be ${COMMP_LENGTH} bytes`);
  }
  return Uint8Array.from(commP);
}

/** The v1 piece CID of a CommP (`baga6ea4seaq…`). */
export function pieceCidV1(commP: Uint8Array): CID {
  return CID.createV1(Multicodec.FIL_COMMITMENT_UNSEALED, createDigest(MultihashCode.SHA2_256_TRUNC254_PADDED, checkCommP(commP)));
}

/**
 * The v2 piece CID (`bafkzcib…`) of a CommP whose tree has `paddedSize` bytes, `padding` of which
 * (payload bytes, before FR32) are zero fill. A v1 CID plus its deal size converts with padding 0.
 */
export function pieceCidV2(commP: Uint8Array, paddedSize: bigint, padding = 0n): CID {
  const height = heightOfPaddedSize(paddedSize);
  checkPadding(padding, height);
  const digest = concatBytes(encodeUvarint(padding), Uint8Array.of(height), checkCommP(commP));
  return CID.createV1(Multicodec.RAW, createDigest(MultihashCode.FR32_SHA256_TRUNC254_PADBINTREE, digest));
}

/** FRC-0069: padding fills less than half the tree, except that payloads under 127 bytes fill up to 127. */
function checkPadding(padding: bigint, height: number): void {
  const capacity = 127n << BigInt(height - MIN_HEIGHT);
  const limit = height === MIN_HEIGHT ? capacity : capacity / 2n - 1n;
  if (padding < 0n || padding > limit || padding > MAX_PADDING) {
    throw new InvalidPieceCidError(
      padding,
      `is impossible padding for a ${32n << BigInt(height)}-byte piece: it must be within 0..${limit} ` +
        "(a payload fills more than half of its tree)",
    );
  }
}

export interface PieceV1 {
  readonly version: 1;
  readonly commP: Uint8Array;
}

export interface PieceV2 {
  readonly version: 2;
  readonly commP: Uint8Array;
  readonly height: number;
  readonly paddedSize: bigint;
  readonly padding: bigint;
  /** Payload bytes before fill: unpadded size − padding. */
  readonly payloadSize: bigint;
}

/**
 * Decodes a v1 or v2 piece CID (string, bytes or CID). Throws InvalidCidError for text that is no
 * CID at all, and its subclass InvalidPieceCidError for a CID that is not a piece CID.
 */
export function decodePieceCid(input: string | Uint8Array | CID): PieceV1 | PieceV2 {
  const cid = parseCid(input);
  const { code, digest } = cid.multihash;
  if (cid.version === 1 && cid.code === Multicodec.FIL_COMMITMENT_UNSEALED) {
    if (code !== MultihashCode.SHA2_256_TRUNC254_PADDED || digest.length !== COMMP_LENGTH) {
      throw new InvalidPieceCidError(cid.toString(), "is fil-commitment-unsealed but not a sha2-256-trunc254-padded 32-byte CommP");
    }
    return { version: 1, commP: digest.slice() };
  }
  if (cid.version === 1 && cid.code === Multicodec.RAW && code === MultihashCode.FR32_SHA256_TRUNC254_PADBINTREE) {
    return decodeV2Digest(cid, digest);
  }
  throw new InvalidPieceCidError(
    cid.toString(),
    "is not a piece CID: expected a v1 (codec 0xf101, baga6ea4seaq…) " +
      "or FRC-0069 v2 (codec 0x55, multihash 0x1011, bafkzcib…) piece CID",
  );
}

function decodeV2Digest(cid: CID, digest: Uint8Array): PieceV2 {
  const padding = readUvarint(digest);
  if (!padding.ok) throw new InvalidPieceCidError(cid.toString(), `has a padding varint that ${padding.problem}`);
  if (digest.length !== padding.next + 1 + COMMP_LENGTH) {
    throw new InvalidPieceCidError(
      cid.toString(),
      `has a ${digest.length}-byte piece multihash digest; ` +
        `it must be ${padding.next + 1 + COMMP_LENGTH} (padding varint, height byte, 32-byte CommP)`,
    );
  }
  const height = digest[padding.next];
  if (height < MIN_HEIGHT) {
    throw new InvalidPieceCidError(cid.toString(), `has tree height ${height}; the smallest piece has height 2 (128 bytes)`);
  }
  checkPadding(padding.value, height);
  const paddedSize = 32n << BigInt(height);
  return {
    version: 2,
    commP: digest.slice(padding.next + 1),
    height,
    paddedSize,
    padding: padding.value,
    payloadSize: paddedSize - paddedSize / 128n - padding.value,
  };
}

/** v1 piece CID + padded size (as in a deal proposal) → v2 piece CID. */
export function pieceCidV2FromV1(v1: string | Uint8Array | CID, paddedSize: bigint): CID {
  const piece = decodePieceCid(v1);
  if (piece.version !== 1) throw new InvalidPieceCidError(parseCid(v1).toString(), "is already a v2 piece CID");
  return pieceCidV2(piece.commP, paddedSize);
}

/** v2 piece CID → what a deal needs: the v1 piece CID and the padded size. */
export function pieceCidV1FromV2(v2: string | Uint8Array | CID): { pieceCid: CID; paddedSize: bigint } {
  const piece = decodePieceCid(v2);
  if (piece.version !== 2) {
    throw new InvalidPieceCidError(parseCid(v2).toString(), "is a v1 piece CID; it carries no size (take the size from the deal)");
  }
  return { pieceCid: pieceCidV1(piece.commP), paddedSize: piece.paddedSize };
}

export interface ComputedPiece extends Omit<PieceV2, "version"> {
  readonly pieceCidV1: CID;
  readonly pieceCidV2: CID;
}

/** Computes CommP of raw bytes and both piece CIDs (payloads under 127 bytes are zero-filled). */
export function pieceFromPayload(payload: Uint8Array): ComputedPiece {
  const { commP, height, paddedSize, padding } = computeCommP(payload);
  return {
    commP,
    height,
    paddedSize,
    padding,
    payloadSize: BigInt(payload.length),
    pieceCidV1: pieceCidV1(commP),
    pieceCidV2: pieceCidV2(commP, paddedSize, padding),
  };
}

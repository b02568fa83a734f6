/**
 * CommP (piece commitment) from raw bytes: zero-fill to 127·2^k bytes (at least 127), FR32-pad
 * (every 127 bytes become four 32-byte leaves of 254 bits each, top two bits zero), then a binary
 * SHA-256 Merkle tree whose every node has the two most significant bits of its last byte
 * cleared ("trunc254"). Subtrees that hold only fill are taken from the zero-commitment table
 * instead of being hashed, so only the payload itself costs hashing.
 */
import { sha256 } from "@noble/hashes/sha2.js";

const NODE_SIZE = 32;
const FR32_IN = 127;
const FR32_OUT = 128;
/** Heights 0..63 cover every padded size a u64 can express (32 << 58 = 2^63). */
const MAX_HEIGHT = 63;

export function truncatedHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(2 * NODE_SIZE);
  input.set(left);
  input.set(right, NODE_SIZE);
  const digest = sha256(input);
  digest[NODE_SIZE - 1] &= 0x3f;
  return digest;
}

const zeroCommitments: Uint8Array[] = [new Uint8Array(NODE_SIZE)];

/** Root of a tree of `height` levels over zero leaves (height 2 = 128 padded bytes). */
export function zeroCommitment(height: number): Uint8Array {
  if (!Number.isInteger(height) || height < 0 || height > MAX_HEIGHT) {
    throw new RangeError(`tree height must be an integer within 0..${MAX_HEIGHT}, got ${height}`);
  }
  while (zeroCommitments.length <= height) {
    const below = zeroCommitments[zeroCommitments.length - 1];
    zeroCommitments.push(truncatedHash(below, below));
  }
  return zeroCommitments[height].slice();
}

/** FR32 expansion of whole 127-byte chunks (input length must be a multiple of 127). */
export function fr32Pad(input: Uint8Array): Uint8Array {
  if (input.length % FR32_IN !== 0) throw new RangeError(`fr32Pad needs a multiple of 127 bytes, got ${input.length}`);
  const chunks = input.length / FR32_IN;
  const out = new Uint8Array(chunks * FR32_OUT);
  for (let chunk = 0; chunk < chunks; chunk++) {
    const inBase = chunk * FR32_IN;
    const outBase = chunk * FR32_OUT;
    const byteAt = (i: number) => (i < FR32_IN ? input[inBase + i] : 0);
    // Leaf q of the chunk holds input bits [254q, 254q + 254); its top two bits stay zero.
    for (let quarter = 0; quarter < 4; quarter++) {
      const startBit = 254 * quarter;
      const startByte = startBit >> 3;
      const shift = startBit & 7;
      for (let i = 0; i < NODE_SIZE; i++) {
        const low = byteAt(startByte + i) >> shift;
        const high = shift === 0 ? 0 : (byteAt(startByte + i + 1) << (8 - shift)) & 0xff;
        out[outBase + quarter * NODE_SIZE + i] = low | high;
      }
      out[outBase + quarter * NODE_SIZE + NODE_SIZE - 1] &= 0x3f;
    }
  }
  return out;
}

export interface CommPResult {
  /** The 32-byte root. */
  readonly commP: Uint8Array;
  /** Tree height: padded size = 32 << height (≥ 2). */
  readonly height: number;
  /** Padded piece size in bytes (a power of two ≥ 128). */
  readonly paddedSize: bigint;
  /** Zero bytes added to the payload to fill the tree (FRC-0069 "padding"). */
  readonly padding: bigint;
}

/** Smallest tree height whose unpadded capacity 127·2^(height−2) holds `payloadLength` bytes. */
export function treeHeightForPayload(payloadLength: number): number {
  let height = 2;
  while (FR32_IN * 2 ** (height - 2) < payloadLength) height++;
  return height;
}

export function computeCommP(payload: Uint8Array): CommPResult {
  const height = treeHeightForPayload(payload.length);
  const capacity = FR32_IN * 2 ** (height - 2);
  // Only the last partial chunk is zero-filled here; whole zero subtrees come from the table.
  const filled = new Uint8Array(Math.ceil(payload.length / FR32_IN) * FR32_IN);
  filled.set(payload);
  let layer = fr32Pad(filled);
  let count = layer.length / NODE_SIZE;
  for (let level = 0; level < height; level++) {
    const pairs = Math.ceil(count / 2);
    const next = new Uint8Array(pairs * NODE_SIZE);
    for (let pair = 0; pair < pairs; pair++) {
      const left = layer.subarray(2 * pair * NODE_SIZE, (2 * pair + 1) * NODE_SIZE);
      const right = 2 * pair + 1 < count ? layer.subarray((2 * pair + 1) * NODE_SIZE, (2 * pair + 2) * NODE_SIZE) : zeroCommitment(level);
      next.set(truncatedHash(left, right), pair * NODE_SIZE);
    }
    layer = next;
    count = pairs;
  }
  const commP = count === 0 ? zeroCommitment(height) : layer.slice(0, NODE_SIZE);
  return { commP, height, paddedSize: 32n << BigInt(height), padding: BigInt(capacity - payload.length) };
}

/**
 * CommD, the unsealed sector commitment, from the sector's pieces as the FVM's
 * `compute_unsealed_sector_cid` syscall builds it (filecoin-proofs `compute_comm_d`): pieces in
 * order, each aligned to its own size with zero pieces before it, the rest of the sector zero;
 * the root of the binary tree over them.
 */
import { truncatedHash, zeroCommitment } from "./commp";

export interface PieceCommitment {
  commP: Uint8Array;
  /** Padded size: a power of two ≥ 128. */
  size: bigint;
}

export class CommDError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommDError";
  }
}

const heightOf = (size: bigint) => size.toString(2).length - 1 - 5;
const lowestBit = (n: bigint) => n & -n;

/** The 32-byte CommD of a `sectorSize` sector holding `pieces`; throws CommDError when they do not fit. */
export function computeCommD(sectorSize: bigint, pieces: readonly PieceCommitment[]): Uint8Array {
  const stack: PieceCommitment[] = [];
  let offset = 0n;
  const push = (piece: PieceCommitment) => {
    stack.push(piece);
    offset += piece.size;
    while (stack.length >= 2 && stack[stack.length - 1].size === stack[stack.length - 2].size) {
      const right = stack.pop()!;
      const left = stack.pop()!;
      stack.push({ commP: truncatedHash(left.commP, right.commP), size: left.size * 2n });
    }
  };
  const pushZero = (size: bigint) => push({ commP: zeroCommitment(heightOf(size)), size });
  for (const [i, piece] of pieces.entries()) {
    if (piece.size < 128n || (piece.size & (piece.size - 1n)) !== 0n) throw new CommDError(`piece ${i} size ${piece.size} is not a power of two of at least 128`);
    while (offset % piece.size !== 0n) pushZero(lowestBit(offset));
    push(piece);
    if (offset > sectorSize) throw new CommDError(`pieces take ${offset} bytes, more than the ${sectorSize}-byte sector`);
  }
  if (offset === 0n) return zeroCommitment(heightOf(sectorSize));
  while (offset < sectorSize) pushZero(lowestBit(offset));
  return stack[0].commP;
}

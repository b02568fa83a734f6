import type { EIP1193Provider } from "hardhat/types";
import type { PieceInfo } from "../provider/methods/fevm-piece";
import { wire } from "./wire";

/** A piece with sizes as bigint (null where a v1 CID alone does not tell the size). */
export interface Piece {
  pieceCid: string;
  pieceCidV2: string | null;
  commP: string;
  paddedSize: bigint | null;
  unpaddedSize: bigint | null;
  payloadSize: bigint | null;
}

const big = (v: string | null) => (v === null ? null : BigInt(v));

/** `hre.fevm.piece`: piece CIDs for deals, from data or digests, each backed by `fevm_piece`. */
export function createPieceHelpers(provider: () => EIP1193Provider) {
  const ask = async (spec: Record<string, unknown>): Promise<Piece> => {
    const info = (await provider().request({ method: "fevm_piece", params: [wire(spec)] })) as PieceInfo;
    return { ...info, paddedSize: big(info.paddedSize), unpaddedSize: big(info.unpaddedSize), payloadSize: big(info.payloadSize) };
  };
  return {
    /** The piece of a payload (fr32 padding, zero fill to a power of two, commP). */
    fromBytes: (data: Uint8Array | string) => ask({ data }),
    /** The piece of a 32-byte CommP digest; give the padded size to get the v2 CID too. */
    fromDigest: (commP: Uint8Array | string, paddedSize?: bigint | number) => ask({ commP, paddedSize }),
    /** Decodes a v1 or v2 piece CID (and converts between them when the size is known). */
    parse: (pieceCid: string, paddedSize?: bigint | number) => ask({ pieceCid, paddedSize }),
  };
}

export type FevmPieceHelpers = ReturnType<typeof createPieceHelpers>;

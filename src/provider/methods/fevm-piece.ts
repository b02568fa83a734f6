import {
  bytesToHex,
  decodePieceCid,
  InvalidCidError,
  InvalidPieceSizeError,
  pieceCidV1,
  pieceCidV2,
  pieceFromPayload,
  unpaddedPieceSize,
  validatePaddedPieceSize,
} from "../../fil";
import type { MethodTable } from "../context";
import { invalidParams } from "../errors";
import * as p from "../params";

/** A piece as `fevm_piece` answers: both CID versions and its sizes (decimal strings). */
export interface PieceInfo {
  /** v1 piece CID (baga6ea4seaq…), what PublishStorageDeals takes. */
  pieceCid: string;
  /** FRC-0069 v2 piece CID (bafkzcib…), which carries the size; null when the size is unknown. */
  pieceCidV2: string | null;
  commP: string;
  paddedSize: string | null;
  unpaddedSize: string | null;
  /** Bytes of payload before zero fill, when known. */
  payloadSize: string | null;
}

function describe(commP: Uint8Array, paddedSize: bigint | null, padding: bigint, payloadSize: bigint | null): PieceInfo {
  return {
    pieceCid: pieceCidV1(commP).toString(),
    pieceCidV2: paddedSize === null ? null : pieceCidV2(commP, paddedSize, padding).toString(),
    commP: `0x${bytesToHex(commP)}`,
    paddedSize: paddedSize === null ? null : paddedSize.toString(),
    unpaddedSize: paddedSize === null ? null : unpaddedPieceSize(paddedSize).toString(),
    payloadSize: payloadSize === null ? null : payloadSize.toString(),
  };
}

function piece(spec: Record<string, unknown>): PieceInfo {
  if (spec.data !== undefined) {
    const payload = p.data(spec.data, "piece.data");
    if (payload.length === 0) throw invalidParams("Errors encountered in param piece.data: a piece needs at least one byte of data");
    const computed = pieceFromPayload(payload);
    return describe(computed.commP, computed.paddedSize, computed.padding, computed.payloadSize);
  }
  const paddedSize = spec.paddedSize === undefined ? null : p.integer(spec.paddedSize, "piece.paddedSize", p.UINT64);
  if (paddedSize !== null) validatePaddedPieceSize(paddedSize);
  if (spec.commP !== undefined) {
    const commP = p.data(spec.commP, "piece.commP");
    if (commP.length !== 32) throw invalidParams("Errors encountered in param piece.commP: a CommP digest is 32 bytes");
    return describe(commP, paddedSize, 0n, null);
  }
  if (spec.pieceCid !== undefined) {
    const decoded = decodePieceCid(p.string(spec.pieceCid, "piece.pieceCid", p.MAX_CID_CHARS));
    if (decoded.version === 2) return describe(decoded.commP, decoded.paddedSize, decoded.padding, decoded.payloadSize);
    return describe(decoded.commP, paddedSize, 0n, null);
  }
  throw invalidParams('Errors encountered in param piece: give { data } (payload bytes), { commP, paddedSize? } or { pieceCid, paddedSize? }');
}

/** Piece CIDs (v1 commP and FRC-0069 v2) from payload bytes, a CommP digest or another piece CID. */
export const fevmPieceMethods: MethodTable = {
  fevm_piece(_ctx, params) {
    p.arity(params, 1, 1, "fevm_piece");
    try {
      return piece(p.options(params[0], "piece", ["data", "commP", "paddedSize", "pieceCid"]));
    } catch (e) {
      if (e instanceof InvalidCidError || e instanceof InvalidPieceSizeError) throw invalidParams(`Errors encountered in param piece: ${e.message}`);
      throw e;
    }
  },
};

/**
 * Filecoin's BigInt byte form (TokenAmount, StoragePower, DataCap amounts inside CBOR byte
 * strings): empty for zero, else a sign byte (0x00 positive, 0x01 negative) and the big-endian
 * magnitude. Facts from ref-fvm `shared/src/bigint/bigint_ser.rs`: at most 128 bytes in total,
 * and decoding accepts leading zero bytes (filecoin-solidity sends 32-byte magnitudes).
 */
import { bigIntToBytes, bytesToBigInt, concatBytes } from "./bytes";
import { CborDecodeError, CborEncodeError } from "./cbor-errors";

export const MAX_BIGINT_BYTES = 128;

export function encodeBigIntBytes(value: bigint): Uint8Array {
  if (typeof value !== "bigint") throw new CborEncodeError(`a Filecoin BigInt must be a bigint, got ${typeof value}`);
  if (value === 0n) return new Uint8Array(0);
  const bytes = concatBytes(Uint8Array.of(value < 0n ? 1 : 0), bigIntToBytes(value < 0n ? -value : value));
  if (bytes.length > MAX_BIGINT_BYTES) {
    throw new CborEncodeError(`BigInt too large: ${bytes.length} bytes encoded, the maximum is ${MAX_BIGINT_BYTES}`);
  }
  return bytes;
}

export function decodeBigIntBytes(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  if (bytes.length > MAX_BIGINT_BYTES) {
    throw new CborDecodeError(`BigInt too large: ${bytes.length} bytes, the maximum is ${MAX_BIGINT_BYTES}`);
  }
  const sign = bytes[0];
  if (sign !== 0 && sign !== 1) {
    throw new CborDecodeError(`BigInt sign byte must be 0x00 (positive) or 0x01 (negative), got 0x${sign.toString(16).padStart(2, "0")}`);
  }
  const magnitude = bytesToBigInt(bytes.subarray(1));
  return sign === 1 ? -magnitude : magnitude;
}

/**
 * Typed reads of decoded CBOR into actor parameter shapes. Each `expect*` names the field
 * (`what`, e.g. "DealProposal.piece_size") and throws CborDecodeError on a mismatch, which an
 * actor answers with USR_SERIALIZATION (21) like the real one does when serde fails.
 */
import { CID } from "multiformats/cid";
import { addressFromBytes, type FilecoinAddress } from "./address";
import { InvalidAddressError } from "./address-errors";
import { decodeBigIntBytes } from "./bigint-bytes";
import type { CborValue } from "./cbor";
import { CborDecodeError } from "./cbor-errors";
import { MAX_U64 } from "./uvarint";

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** A short name for the kind of a decoded value ("a byte string", "an array of 3", …). */
export function describeCborValue(value: CborValue): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "bigint":
      return `the integer ${value}`;
    case "string":
      return "a text string";
    case "boolean":
      return `${value}`;
  }
  if (value instanceof Uint8Array) return `a ${value.length}-byte byte string`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof Map) return "a map";
  return "a CID";
}

function mismatch(what: string, expected: string, value: CborValue): never {
  throw new CborDecodeError(`${what}: expected ${expected}, got ${describeCborValue(value)}`);
}

/** An array (a tuple-encoded struct) with exactly `length` fields when given. */
export function expectArray(value: CborValue, what: string, length?: number): readonly CborValue[] {
  if (!Array.isArray(value)) return mismatch(what, length === undefined ? "an array" : `an array of ${length}`, value);
  const items = value as readonly CborValue[];
  if (length !== undefined && items.length !== length) mismatch(what, `an array of ${length}`, value);
  return items;
}

export function expectInteger(value: CborValue, what: string, min: bigint, max: bigint, type: string): bigint {
  if (typeof value !== "bigint") return mismatch(what, `an integer (${type})`, value);
  if (value < min || value > max) mismatch(what, `an integer within ${type} range`, value);
  return value;
}

export function expectUint64(value: CborValue, what: string): bigint {
  return expectInteger(value, what, 0n, MAX_U64, "uint64");
}

export function expectInt64(value: CborValue, what: string): bigint {
  return expectInteger(value, what, INT64_MIN, INT64_MAX, "int64");
}

export function expectUint32(value: CborValue, what: string): number {
  return Number(expectInteger(value, what, 0n, 0xffffffffn, "uint32"));
}

export function expectBytes(value: CborValue, what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) return mismatch(what, "a byte string", value);
  return value;
}

export function expectText(value: CborValue, what: string): string {
  if (typeof value !== "string") return mismatch(what, "a text string", value);
  return value;
}

export function expectBool(value: CborValue, what: string): boolean {
  if (typeof value !== "boolean") return mismatch(what, "a boolean", value);
  return value;
}

export function expectCid(value: CborValue, what: string): CID {
  return CID.asCID(value) ?? mismatch(what, "a CID (tag 42)", value);
}

/** `null` or whatever `read` accepts (Rust `Option<T>`). */
export function expectNullable<T>(value: CborValue, what: string, read: (value: CborValue, what: string) => T): T | null {
  return value === null ? null : read(value, what);
}

/** A Filecoin BigInt (TokenAmount, StoragePower, …): a byte string of sign ‖ magnitude. */
export function expectBigInt(value: CborValue, what: string): bigint {
  const bytes = expectBytes(value, what);
  try {
    return decodeBigIntBytes(bytes);
  } catch (error) {
    if (error instanceof CborDecodeError) throw new CborDecodeError(`${what}: ${error.message}`);
    throw error;
  }
}

/** A Filecoin address in byte form (a byte string). */
export function expectAddress(value: CborValue, what: string): FilecoinAddress {
  const bytes = expectBytes(value, what);
  try {
    return addressFromBytes(bytes);
  } catch (error) {
    if (error instanceof InvalidAddressError) throw new CborDecodeError(`${what}: invalid address: ${error.message}`);
    throw error;
  }
}

/**
 * Unsigned LEB128 ("uvarint") for u64 values, as Filecoin uses it in ID and delegated addresses
 * and the multiformats use it in CIDs. Decoding is strict like Rust's `unsigned-varint`: at most
 * 10 bytes, minimal (no trailing zero byte) and no overflow past 2^64 − 1.
 */

export const MAX_U64 = (1n << 64n) - 1n;
const MAX_UVARINT_BYTES = 10;

export function encodeUvarint(value: bigint | number): Uint8Array {
  let rest = BigInt(value);
  if (rest < 0n || rest > MAX_U64) throw new RangeError(`uvarint value ${rest} is outside 0..2^64-1`);
  const out: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Uint8Array.from(out);
}

export type UvarintRead =
  | { readonly ok: true; readonly value: bigint; readonly next: number }
  | { readonly ok: false; readonly problem: string; readonly overflow: boolean };

/** Reads one uvarint at `offset`; `next` is the offset just past it. Never throws. */
export function readUvarint(bytes: Uint8Array, offset = 0): UvarintRead {
  let value = 0n;
  for (let i = 0; i < MAX_UVARINT_BYTES; i++) {
    const at = offset + i;
    if (at >= bytes.length) {
      const problem = i === 0 ? "is missing" : "is truncated (its last byte has the continuation bit set)";
      return { ok: false, problem, overflow: false };
    }
    const byte = bytes[at];
    value |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) {
      if (byte === 0 && i > 0) return { ok: false, problem: "is not minimally encoded (ends in a zero byte)", overflow: false };
      if (value > MAX_U64) return { ok: false, problem: "exceeds 2^64-1", overflow: true };
      return { ok: true, value, next: at + 1 };
    }
  }
  return { ok: false, problem: "is longer than 10 bytes (exceeds 2^64-1)", overflow: true };
}

/**
 * RLE+ bitfields, the byte form of `BitField` in actor CBOR (publish's valid-deal set, settled
 * deal ids, terminated sectors). Facts from ref-fvm `ipld/bitfield/src/rleplus/{mod,reader,writer}.rs`:
 * version bits 00, the value of the first bit, then run lengths — `1` for one, `01`+4 bits for
 * 2..15, `00`+varint for ≥ 16 — all written least-significant bit first. The encoding is unique;
 * decoding rejects anything non-minimal, like the actors do.
 */
import type { CborValue } from "./cbor";
import { CborDecodeError } from "./cbor-errors";
import { expectBytes } from "./cbor-shape";
import { MAX_U64 } from "./uvarint";

/** ref-fvm refuses encoded bitfields longer than this (MAX_ENCODED_SIZE). */
export const MAX_ENCODED_BITFIELD_BYTES = 32 << 10;

/** Half-open runs of set bits [start, end), ascending and non-adjacent. */
export interface BitRange {
  start: bigint;
  end: bigint;
}

class BitWriter {
  private readonly bytes: number[] = [];
  private bits = 0;
  private count = 0;

  write(value: number, width: number): void {
    this.bits |= value << this.count;
    this.count += width;
    while (this.count >= 8) {
      this.bytes.push(this.bits & 0xff);
      this.bits >>>= 8;
      this.count -= 8;
    }
  }

  writeLength(length: bigint): void {
    if (length === 1n) return this.write(1, 1);
    if (length < 16n) {
      this.write(0b10, 2);
      return this.write(Number(length), 4);
    }
    this.write(0, 2);
    let rest = length;
    do {
      const low = Number(rest & 0x7fn);
      rest >>= 7n;
      this.write(rest > 0n ? low | 0x80 : low, 8);
    } while (rest > 0n);
  }

  finish(): Uint8Array {
    if (this.count > 0) this.bytes.push(this.bits & 0xff);
    while (this.bytes.length > 0 && this.bytes[this.bytes.length - 1] === 0) this.bytes.pop();
    return Uint8Array.from(this.bytes);
  }
}

/** Groups ascending distinct indices into runs. */
function rangesOf(indices: Iterable<bigint>): BitRange[] {
  const ranges: BitRange[] = [];
  for (const i of indices) {
    const last = ranges[ranges.length - 1];
    if (last && i < last.end) throw new RangeError(`bitfield indices must be ascending and distinct (${i} after ${last.end - 1n})`);
    if (last && i === last.end) last.end = i + 1n;
    else ranges.push({ start: i, end: i + 1n });
  }
  return ranges;
}

export function encodeBitfield(indices: Iterable<bigint>): Uint8Array {
  const ranges = rangesOf(indices);
  if (ranges.length === 0) return new Uint8Array();
  const writer = new BitWriter();
  writer.write(0, 2);
  const [first] = ranges;
  if (first.start === 0n) writer.write(1, 1);
  else {
    writer.write(0, 1);
    writer.writeLength(first.start);
  }
  writer.writeLength(first.end - first.start);
  for (let i = 1; i < ranges.length; i++) {
    writer.writeLength(ranges[i].start - ranges[i - 1].end);
    writer.writeLength(ranges[i].end - ranges[i].start);
  }
  return writer.finish();
}

class BitReader {
  private position = 0;

  constructor(
    private readonly bytes: Uint8Array,
    /** Names the field in errors. */
    private readonly what: string,
  ) {}

  private bit(): number {
    const byte = this.bytes[this.position >> 3] ?? 0;
    const value = (byte >> (this.position & 7)) & 1;
    this.position++;
    return value;
  }

  read(width: number): number {
    let value = 0;
    for (let i = 0; i < width; i++) value |= this.bit() << i;
    return value;
  }

  /** True while any set bit remains (the padding after the last run must be zero). */
  hasMore(): boolean {
    for (let p = this.position; p < this.bytes.length * 8; p++) if ((this.bytes[p >> 3] >> (p & 7)) & 1) return true;
    return false;
  }

  private varint(): bigint {
    let value = 0n;
    for (let i = 0; i < 10; i++) {
      const byte = this.read(8);
      value |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) {
        if ((i === 9 && byte > 1) || (byte === 0 && i !== 0)) break;
        return value;
      }
    }
    throw new CborDecodeError(`${this.what}: invalid varint in RLE+ run length`);
  }

  length(): bigint {
    if (this.read(1) === 1) return 1n;
    if (this.read(1) === 1) {
      const short = this.read(4);
      if (short < 2) throw new CborDecodeError(`${this.what}: RLE+ is not minimally encoded (short block below 2)`);
      return BigInt(short);
    }
    const long = this.varint();
    if (long < 16n) throw new CborDecodeError(`${this.what}: RLE+ is not minimally encoded (long block below 16)`);
    return long;
  }
}

/**
 * Decodes RLE+ bytes into runs; throws CborDecodeError naming the field `what` (an actor answers
 * it with 21).
 */
export function decodeBitfield(bytes: Uint8Array, what = "bitfield"): BitRange[] {
  if (bytes.length > MAX_ENCODED_BITFIELD_BYTES) {
    throw new CborDecodeError(`${what}: encoded bitfield was too large (${bytes.length} bytes, at most ${MAX_ENCODED_BITFIELD_BYTES})`);
  }
  if (bytes.length > 0 && bytes[bytes.length - 1] === 0) throw new CborDecodeError(`${what}: RLE+ is not minimally encoded (trailing zero byte)`);
  const reader = new BitReader(bytes, what);
  if (reader.read(2) !== 0) throw new CborDecodeError(`${what}: unsupported RLE+ version`);
  let ones = reader.read(1) === 1;
  const ranges: BitRange[] = [];
  let index = 0n;
  while (reader.hasMore()) {
    const length = reader.length();
    if (index + length > MAX_U64) throw new CborDecodeError(`${what}: RLE+ runs overflow 64 bits`);
    if (ones) ranges.push({ start: index, end: index + length });
    index += length;
    ones = !ones;
  }
  if (ones) throw new CborDecodeError(`${what}: RLE+ is not minimally encoded (trailing run of zeros)`);
  return ranges;
}

/** A `BitField` in actor CBOR: a byte string holding RLE+. */
export function expectBitfield(value: CborValue, what: string): BitRange[] {
  return decodeBitfield(expectBytes(value, what), what);
}

/** Number of set bits. */
export function bitCount(ranges: readonly BitRange[]): bigint {
  return ranges.reduce((n, r) => n + (r.end - r.start), 0n);
}

/** The set indices in ascending order (callers bound the count first). */
export function* bitIndices(ranges: readonly BitRange[]): Generator<bigint> {
  for (const r of ranges) for (let i = r.start; i < r.end; i++) yield i;
}

/**
 * DAG-CBOR as Filecoin actors speak it: unsigned/negative integers (always decoded as bigint),
 * byte strings, text, booleans, null, arrays (actor structs are tuples), text-keyed maps and CIDs
 * (tag 42 around 0x00 ‖ binary CID). Encoding is canonical (shortest heads, sorted map keys);
 * decoding rejects anything else — floats, undefined, indefinite lengths, other tags,
 * non-shortest heads, trailing bytes — with a CborDecodeError, and never throws anything else.
 */
import { CID } from "multiformats/cid";
import { CborDecodeError, CborEncodeError } from "./cbor-errors";
import { bytesEqual } from "./bytes";
import { MAX_U64 } from "./uvarint";

export type CborValue =
  | bigint
  | Uint8Array
  | string
  | boolean
  | null
  | CID
  | readonly CborValue[]
  | ReadonlyMap<string, CborValue>;

/** What encodeCbor accepts: CborValue plus safe-integer numbers anywhere. */
export type CborEncodable =
  | CborValue
  | number
  | readonly CborEncodable[]
  | ReadonlyMap<string, CborEncodable>;

const MAJOR_UNSIGNED = 0;
const MAJOR_NEGATIVE = 1;
const MAJOR_BYTES = 2;
const MAJOR_TEXT = 3;
const MAJOR_ARRAY = 4;
const MAJOR_MAP = 5;
const MAJOR_TAG = 6;
const MAJOR_SIMPLE = 7;
const CID_TAG = 42;
const SIMPLE_FALSE = 20;
const SIMPLE_TRUE = 21;
const SIMPLE_NULL = 22;
/** Deeper nesting than any actor payload; bounds recursion on hostile input. */
export const MAX_CBOR_DEPTH = 128;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ---------------------------------------------------------------------------------------------
// Encoding

class Writer {
  private buffer = new Uint8Array(64);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** Shortest head for `major` with argument `value` (0 ≤ value ≤ 2^64 − 1). */
  head(major: number, value: bigint | number): void {
    const top = major << 5;
    // Number arithmetic for arguments below 2^32 (nearly all of them); bigint only beyond.
    const small = typeof value === "number" ? value : value < 0x100000000n ? Number(value) : -1;
    this.reserve(9);
    const out = this.buffer;
    let at = this.length;
    if (small >= 0 && small < 24) {
      out[at++] = top | small;
    } else if (small >= 0 && small < 0x100) {
      out[at++] = top | 24;
      out[at++] = small;
    } else if (small >= 0 && small < 0x10000) {
      out[at++] = top | 25;
      out[at++] = small >> 8;
      out[at++] = small & 0xff;
    } else if (small >= 0) {
      out[at++] = top | 26;
      new DataView(out.buffer, out.byteOffset + at, 4).setUint32(0, small);
      at += 4;
    } else {
      out[at++] = top | 27;
      new DataView(out.buffer, out.byteOffset + at, 8).setBigUint64(0, BigInt(value));
      at += 8;
    }
    this.length = at;
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Canonical DAG-CBOR order of map keys: shorter UTF-8 first, then bytewise. */
function compareKeys(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function encodeInto(writer: Writer, value: CborEncodable, path: string, depth: number): void {
  if (depth > MAX_CBOR_DEPTH) throw new CborEncodeError(`value at ${path} nests deeper than ${MAX_CBOR_DEPTH} levels`);
  if (value === null) return writer.head(MAJOR_SIMPLE, SIMPLE_NULL);
  switch (typeof value) {
    case "boolean":
      return writer.head(MAJOR_SIMPLE, value ? SIMPLE_TRUE : SIMPLE_FALSE);
    case "number":
      if (!Number.isSafeInteger(value)) {
        throw new CborEncodeError(
          `number ${value} at ${path} is not a safe integer; Filecoin CBOR has no floats, use a bigint for large values`,
        );
      }
      return value >= 0 ? writer.head(MAJOR_UNSIGNED, value) : writer.head(MAJOR_NEGATIVE, -1 - value);
    case "bigint":
      return encodeInteger(writer, value, path);
    case "string": {
      if (LONE_SURROGATE.test(value)) throw new CborEncodeError(`text at ${path} is not valid Unicode (lone surrogate)`);
      const utf8 = utf8Encoder.encode(value);
      writer.head(MAJOR_TEXT, utf8.length);
      return writer.bytes(utf8);
    }
  }
  if (value instanceof Uint8Array) {
    writer.head(MAJOR_BYTES, value.length);
    return writer.bytes(value);
  }
  if (Array.isArray(value)) {
    writer.head(MAJOR_ARRAY, value.length);
    value.forEach((item: CborEncodable, i: number) => encodeInto(writer, item, `${path}[${i}]`, depth + 1));
    return;
  }
  if (value instanceof Map) {
    const entries = [...(value as ReadonlyMap<unknown, CborEncodable>)].map(([key, item]) => {
      if (typeof key !== "string") throw new CborEncodeError(`map at ${path} has a ${typeof key} key; DAG-CBOR map keys are strings`);
      return { key, utf8: utf8Encoder.encode(key), item };
    });
    entries.sort((a, b) => compareKeys(a.utf8, b.utf8));
    writer.head(MAJOR_MAP, entries.length);
    for (const { key, utf8, item } of entries) {
      writer.head(MAJOR_TEXT, utf8.length);
      writer.bytes(utf8);
      encodeInto(writer, item, `${path}.${key}`, depth + 1);
    }
    return;
  }
  const cid = CID.asCID(value);
  if (cid !== null) {
    writer.head(MAJOR_TAG, CID_TAG);
    writer.head(MAJOR_BYTES, cid.bytes.length + 1);
    writer.bytes(Uint8Array.of(0)); // multibase "identity" prefix that DAG-CBOR links carry
    return writer.bytes(cid.bytes);
  }
  const kind = typeof value === "object" ? (value as object).constructor?.name ?? "object" : typeof value;
  throw new CborEncodeError(`cannot encode ${kind} at ${path}: use bigint, number, string, Uint8Array, boolean, null, array, Map or CID`);
}

function encodeInteger(writer: Writer, value: bigint, path: string): void {
  if (value >= 0n) {
    if (value > MAX_U64) throw new CborEncodeError(`integer ${value} at ${path} is above 2^64-1; encode it as a BigInt byte string`);
    return writer.head(MAJOR_UNSIGNED, value);
  }
  if (-1n - value > MAX_U64) throw new CborEncodeError(`integer ${value} at ${path} is below -2^64; encode it as a BigInt byte string`);
  return writer.head(MAJOR_NEGATIVE, -1n - value);
}

export function encodeCbor(value: CborEncodable): Uint8Array {
  const writer = new Writer();
  encodeInto(writer, value, "$", 0);
  return writer.result();
}

// ---------------------------------------------------------------------------------------------
// Decoding

const MAJOR_NAMES = ["unsigned integer", "negative integer", "byte string", "text string", "array", "map", "tag", "simple value"];

class Reader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  fail(message: string, at = this.offset): never {
    throw new CborDecodeError(`invalid CBOR at byte ${at}: ${message}`);
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  private take(count: number, what: string): Uint8Array {
    if (count > this.remaining) {
      this.fail(`${what} needs ${count} bytes but only ${this.remaining} remain (truncated input)`);
    }
    const out = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return out;
  }

  /** Reads an item head: major type and its argument (shortest form enforced). */
  head(): { major: number; argument: bigint; at: number } {
    const at = this.offset;
    const [initial] = this.take(1, "an item head");
    const major = initial >> 5;
    const info = initial & 31;
    if (info < 24) return { major, argument: BigInt(info), at };
    if (info === 31) this.fail(`indefinite-length ${MAJOR_NAMES[major]} is not allowed in DAG-CBOR`, at);
    if (info > 27) this.fail(`reserved additional information ${info}`, at);
    const width = 1 << (info - 24);
    if (major === MAJOR_SIMPLE) {
      const what = width === 1 ? "extended simple values are not allowed in DAG-CBOR" : "floating-point numbers are not used by Filecoin actors";
      this.fail(what, at);
    }
    const raw = this.take(width, "an item head");
    const view = new DataView(raw.buffer, raw.byteOffset, width);
    const argument =
      width === 8
        ? view.getBigUint64(0)
        : BigInt(width === 1 ? view.getUint8(0) : width === 2 ? view.getUint16(0) : view.getUint32(0));
    const smallest = [24n, 0x100n, 0x10000n, 0x100000000n][info - 24];
    if (argument < smallest) this.fail(`${MAJOR_NAMES[major]} head is not in its shortest form (non-canonical)`, at);
    return { major, argument, at };
  }

  /** A length argument as a number, bounded by the bytes left (each item needs ≥ `minItemBytes`). */
  length(argument: bigint, minItemBytes: number, what: string, at: number): number {
    if (argument * BigInt(minItemBytes) > BigInt(this.remaining)) {
      this.fail(`${what} claims ${argument} entries but only ${this.remaining} bytes remain (truncated input)`, at);
    }
    return Number(argument);
  }

  item(depth: number): CborValue {
    if (depth > MAX_CBOR_DEPTH) this.fail(`nesting deeper than ${MAX_CBOR_DEPTH} levels`);
    const { major, argument, at } = this.head();
    switch (major) {
      case MAJOR_UNSIGNED:
        return argument;
      case MAJOR_NEGATIVE:
        return -1n - argument;
      case MAJOR_BYTES:
        return this.take(this.length(argument, 1, "byte string", at), "byte string").slice();
      case MAJOR_TEXT: {
        const utf8 = this.take(this.length(argument, 1, "text string", at), "text string");
        try {
          return utf8Decoder.decode(utf8);
        } catch {
          return this.fail("text string is not valid UTF-8", at);
        }
      }
      case MAJOR_ARRAY: {
        const count = this.length(argument, 1, "array", at);
        const items: CborValue[] = [];
        for (let i = 0; i < count; i++) items.push(this.item(depth + 1));
        return items;
      }
      case MAJOR_MAP:
        return this.map(this.length(argument, 2, "map", at), depth);
      case MAJOR_TAG:
        if (argument !== BigInt(CID_TAG)) this.fail(`tag ${argument} is not allowed (only tag 42, CID, is)`, at);
        return this.cid();
      default:
        if (argument === BigInt(SIMPLE_FALSE)) return false;
        if (argument === BigInt(SIMPLE_TRUE)) return true;
        if (argument === BigInt(SIMPLE_NULL)) return null;
        return this.fail(`${argument === 23n ? "undefined" : `simple value ${argument}`} is not allowed in DAG-CBOR`, at);
    }
  }

  private map(count: number, depth: number): ReadonlyMap<string, CborValue> {
    const out = new Map<string, CborValue>();
    let previous: Uint8Array | undefined;
    for (let i = 0; i < count; i++) {
      const { major, argument, at } = this.head();
      if (major !== MAJOR_TEXT) this.fail(`map key is a ${MAJOR_NAMES[major]}; DAG-CBOR map keys are text strings`, at);
      const utf8 = this.take(this.length(argument, 1, "map key", at), "map key");
      if (previous !== undefined) {
        const order = compareKeys(previous, utf8);
        if (order === 0) this.fail("duplicate map key", at);
        if (order > 0) this.fail("map keys are not in canonical order (shorter first, then bytewise)", at);
      }
      previous = utf8;
      let key: string;
      try {
        key = utf8Decoder.decode(utf8);
      } catch {
        return this.fail("map key is not valid UTF-8", at);
      }
      out.set(key, this.item(depth + 1));
    }
    return out;
  }

  private cid(): CID {
    const { major, argument, at } = this.head();
    if (major !== MAJOR_BYTES) this.fail(`tag 42 must wrap a byte string, found a ${MAJOR_NAMES[major]}`, at);
    const content = this.take(this.length(argument, 1, "CID", at), "CID");
    if (content.length === 0 || content[0] !== 0) this.fail("tag 42 bytes must start with the 0x00 multibase prefix", at);
    let cid: CID;
    try {
      cid = CID.decode(content.slice(1));
    } catch (error) {
      return this.fail(`tag 42 does not hold a valid CID (${error instanceof Error ? error.message : String(error)})`, at);
    }
    // multiformats re-encodes the CID prefix; a longer input prefix means non-minimal varints.
    if (!bytesEqual(cid.bytes, content.subarray(1))) this.fail("tag 42 holds a CID with non-canonical varints", at);
    return cid;
  }

  end(): void {
    if (this.remaining !== 0) this.fail(`${this.remaining} unexpected bytes after the value`);
  }
}

/** Decodes exactly one DAG-CBOR item; throws CborDecodeError (only) on anything malformed. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  if (!(bytes instanceof Uint8Array)) throw new CborDecodeError(`expected CBOR bytes (Uint8Array), got ${typeof bytes}`);
  const reader = new Reader(bytes);
  if (bytes.length === 0) reader.fail("no data (empty input)");
  const value = reader.item(0);
  reader.end();
  return value;
}

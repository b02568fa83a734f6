/**
 * ABI decoding of revert payloads with the exact leniency EDR applies (alloy's non-validating
 * decoder): words are taken whole (a uint8 holding 300 decodes as 300, an address keeps its last
 * 20 bytes), strings decode lossily, trailing bytes are ignored, and offsets or lengths that
 * point outside the payload make the whole payload undecodable. Matching that leniency is what
 * makes our revert messages agree with Hardhat's on hand-crafted revert data too.
 */

/** A parameter as it appears in a JSON ABI (solc artifacts). */
export interface AbiParam {
  readonly type: string;
  readonly name?: string;
  readonly components?: readonly AbiParam[];
  readonly internalType?: string;
}

export type AbiType =
  | { readonly kind: "uint" | "int"; readonly bits: number }
  | { readonly kind: "address" | "bool" | "string" | "bytes" | "function" }
  | { readonly kind: "fixedBytes"; readonly size: number }
  | { readonly kind: "array"; readonly element: AbiType }
  | { readonly kind: "fixedArray"; readonly element: AbiType; readonly length: number }
  | { readonly kind: "tuple"; readonly components: readonly AbiType[] };

/**
 * uint/int → bigint, bool → boolean, string → string, address (20 bytes) / bytes / bytesN /
 * function (24 bytes) → Uint8Array, arrays and tuples → arrays of their items.
 */
export type AbiValue = bigint | boolean | string | Uint8Array | readonly AbiValue[];

/** Parses a JSON ABI parameter; throws for types solc never emits in an ABI (e.g. fixed-point). */
export function parseAbiParam(param: AbiParam): AbiType {
  const match = /^(.*?)((?:\[\d*\])*)$/.exec(param.type);
  if (match === null) throw new Error(`Unsupported ABI type "${param.type}"`);
  let type = parseBaseType(match[1], param);
  for (const [, length] of match[2].matchAll(/\[(\d*)\]/g)) {
    if (length === "") {
      type = { kind: "array", element: type };
    } else if (Number(length) >= 1 && Number.isSafeInteger(Number(length))) {
      type = { kind: "fixedArray", element: type, length: Number(length) };
    } else {
      throw new Error(`Unsupported ABI type "${param.type}": fixed arrays need a length of at least 1`);
    }
  }
  return type;
}

function parseBaseType(base: string, param: AbiParam): AbiType {
  if (base === "tuple") {
    if (param.components === undefined || param.components.length === 0) {
      throw new Error(`ABI tuple parameter "${param.name ?? ""}" has no components`);
    }
    return { kind: "tuple", components: param.components.map(parseAbiParam) };
  }
  if (base === "address" || base === "bool" || base === "string" || base === "bytes" || base === "function") return { kind: base };
  const integer = /^(u?int)(\d*)$/.exec(base);
  if (integer !== null) {
    const bits = integer[2] === "" ? 256 : Number(integer[2]);
    if (bits % 8 === 0 && bits >= 8 && bits <= 256) return { kind: integer[1] as "uint" | "int", bits };
  }
  const fixedBytes = /^bytes(\d+)$/.exec(base);
  if (fixedBytes !== null) {
    const size = Number(fixedBytes[1]);
    if (size >= 1 && size <= 32) return { kind: "fixedBytes", size };
  }
  throw new Error(`Unsupported ABI type "${base}"`);
}

/** The type as written in a canonical signature, e.g. `(uint256,string)[]`. */
export function canonicalType(type: AbiType): string {
  switch (type.kind) {
    case "uint":
    case "int":
      return `${type.kind}${type.bits}`;
    case "fixedBytes":
      return `bytes${type.size}`;
    case "array":
      return `${canonicalType(type.element)}[]`;
    case "fixedArray":
      return `${canonicalType(type.element)}[${type.length}]`;
    case "tuple":
      return `(${type.components.map(canonicalType).join(",")})`;
    default:
      return type.kind;
  }
}

/** Decodes a parameter list (the bytes after a selector); undefined when the payload does not fit the types. */
export function decodeParams(types: readonly AbiType[], data: Uint8Array): AbiValue[] | undefined {
  if (types.length === 0) return [];
  const reader = new Reader(data, 0, 0);
  if (reader.remainingWords() < types.reduce((sum, type) => sum + minimumWords(type), 0)) return undefined;
  try {
    return types.map((type) => decodeValue(type, reader));
  } catch (error) {
    if (error instanceof Undecodable) return undefined;
    throw error;
  }
}

class Undecodable extends Error {}

/** Nesting depth at which alloy gives up, so absurdly deep payloads fail the same way. */
const MAX_DEPTH = 16;
const WORD = 32;

/** A cursor over one encoding area; offsets inside it are relative to its start. */
class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    public position: number,
    private readonly depth: number,
  ) {}

  remainingWords(): number {
    return Math.max(0, Math.floor((this.bytes.length - this.position) / WORD));
  }

  takeWord(): Uint8Array {
    const word = this.peek(BigInt(this.position), BigInt(WORD));
    this.position += WORD;
    return word;
  }

  /** A word used as an offset or length: must fit in 64 bits. */
  takeOffset(): bigint {
    const word = this.takeWord();
    if (word.subarray(0, WORD - 8).some((byte) => byte !== 0)) throw new Undecodable();
    return toBigInt(word);
  }

  takeBytes(length: bigint): Uint8Array {
    const bytes = this.peek(BigInt(this.position), length);
    this.position += bytes.length;
    return bytes;
  }

  /** The area a head word points to. */
  followOffset(): Reader {
    return this.childAt(this.takeOffset());
  }

  /** The area starting at the cursor (for inline static tuples and array bodies). */
  childHere(): Reader {
    return this.childAt(BigInt(this.position));
  }

  private childAt(offset: bigint): Reader {
    if (this.depth >= MAX_DEPTH || offset > BigInt(this.bytes.length)) throw new Undecodable();
    return new Reader(this.bytes.subarray(Number(offset)), 0, this.depth + 1);
  }

  private peek(start: bigint, length: bigint): Uint8Array {
    if (start + length > BigInt(this.bytes.length)) throw new Undecodable();
    return this.bytes.subarray(Number(start), Number(start + length));
  }
}

function decodeValue(type: AbiType, reader: Reader): AbiValue {
  switch (type.kind) {
    case "bytes":
      return readDynamicBytes(reader);
    case "string":
      return lossyUtf8.decode(readDynamicBytes(reader));
    case "array":
      return readArray(type.element, reader);
    case "tuple":
      return readSequence(type, type.components.length, (index) => type.components[index], reader);
    case "fixedArray":
      return readSequence(type, type.length, () => type.element, reader);
    default:
      return fromWord(type, reader.takeWord());
  }
}

function fromWord(type: AbiType, word: Uint8Array): AbiValue {
  switch (type.kind) {
    case "uint":
      return toBigInt(word);
    case "int":
      return BigInt.asIntN(256, toBigInt(word));
    case "bool":
      return word.some((byte) => byte !== 0);
    case "address":
      return word.subarray(12);
    case "function":
      return word.subarray(0, 24);
    case "fixedBytes":
      return word.subarray(0, type.size);
    default:
      throw new Error(`${type.kind} is not a single-word ABI type`);
  }
}

function readDynamicBytes(reader: Reader): Uint8Array {
  const area = reader.followOffset();
  return area.takeBytes(area.takeOffset());
}

function readArray(element: AbiType, reader: Reader): AbiValue[] {
  const area = reader.followOffset();
  const length = area.takeOffset();
  if (length === 0n) return [];
  const items = area.childHere();
  // Every item needs at least its minimum words: rejects lengths the payload cannot hold.
  if (BigInt(items.remainingWords()) < BigInt(minimumWords(element)) * length) throw new Undecodable();
  return Array.from({ length: Number(length) }, () => decodeValue(element, items));
}

/** Tuples and fixed arrays: inline when static, behind an offset when dynamic. */
function readSequence(type: AbiType, count: number, memberAt: (index: number) => AbiType, reader: Reader): AbiValue[] {
  const area = isDynamic(type) ? reader.followOffset() : reader.childHere();
  const values: AbiValue[] = [];
  for (let index = 0; index < count; index++) values.push(decodeValue(memberAt(index), area));
  if (!isDynamic(type)) reader.position += area.position;
  return values;
}

function isDynamic(type: AbiType): boolean {
  switch (type.kind) {
    case "string":
    case "bytes":
    case "array":
      return true;
    case "fixedArray":
      return isDynamic(type.element);
    case "tuple":
      return type.components.some(isDynamic);
    default:
      return false;
  }
}

/** alloy's lower bound on the head size of a value (dynamic parts count one word). */
function minimumWords(type: AbiType): number {
  switch (type.kind) {
    case "fixedArray":
      return type.length * minimumWords(type.element);
    case "tuple":
      return type.components.reduce((sum, component) => sum + minimumWords(component), 0);
    default:
      return 1;
  }
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** Invalid UTF-8 becomes U+FFFD and a leading BOM is kept, as Rust's from_utf8_lossy does. */
const lossyUtf8 = new TextDecoder("utf-8", { ignoreBOM: true });

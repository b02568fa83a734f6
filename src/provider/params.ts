import { Address, bigIntToBytes, hexToBytes, setLengthLeft } from "@ethereumjs/util";
import { invalidParams } from "./errors";

/**
 * The shared validation of every JSON-RPC parameter (eth_*, evm_*, hardhat_*, fevm_*; hre.fevm
 * passes its arguments through to these). Each parser names the parameter it rejects, shows at
 * most a short prefix of what was sent and says what is allowed, so a malformed request answers
 * -32602 instead of crashing, blocking or flooding the provider. Nothing here recurses or runs a
 * backtracking regex over client input, and integers are length-checked before they are parsed.
 */
const QUANTITY = /^0x(0|[1-9a-fA-F][0-9a-fA-F]*)$/;
const DECIMAL = /^-?[0-9]+$/;

/** Longest integer text accepted: 2^256 takes 78 decimal digits; leave room for leading zeros. */
export const MAX_INTEGER_CHARS = 100;
/** How much of a rejected string an error message quotes. */
const SHOWN_CHARS = 40;
/** A piece CID is about 64 characters (v2 with a large payload size a few more). */
export const MAX_CID_CHARS = 256;
/**
 * How many levels of arrays/objects parameters may nest, the params array being the first (real
 * requests nest 3 or 4). Hardhat's limit: EDR decodes a request with serde_json, whose recursion
 * limit of 128 counts the request object, so params nesting 127 or deeper fail there (-32602).
 */
export const MAX_PARAM_DEPTH = 126;

/** A value as an error message shows it: short strings quoted, long ones cut, containers by size. */
export function shown(value: unknown): string {
  if (typeof value === "string") {
    if (value.length <= SHOWN_CHARS) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, SHOWN_CHARS))}… (${value.length} characters)`;
  }
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return String(value);
}

/** The -32602 error for `name`: what is allowed, what was given, and how to fix it if known. */
export function paramError(name: string, expected: string, got: unknown, hint?: string): Error {
  return invalidParams(`Errors encountered in param ${name}: expected ${expected}, got ${shown(got)}${hint === undefined ? "" : `; ${hint}`}`);
}

/** "0x" then hex digits; a plain loop, so multi-megabyte calldata cannot overflow a regex stack. */
export function isHexString(value: string): boolean {
  if (!value.startsWith("0x")) return false;
  for (let i = 2; i < value.length; i++) {
    const c = value.charCodeAt(i) | 0x20; // folds A-F onto a-f
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/**
 * Whether `value` nests arrays/objects more than `levels` deep, `value` itself being level 1.
 * Iterative, so the check cannot overflow the stack on the inputs it exists to refuse.
 */
export function nestsDeeperThan(value: unknown, levels: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, level] = stack.pop()!;
    if (typeof item !== "object" || item === null || ArrayBuffer.isView(item)) continue;
    if (level > levels) return true;
    for (const child of Object.values(item)) if (typeof child === "object" && child !== null) stack.push([child, level + 1]);
  }
  return false;
}

/** Fails when `value` nests deeper than MAX_PARAM_DEPTH levels. */
export function checkDepth(value: unknown, name: string): void {
  if (nestsDeeperThan(value, MAX_PARAM_DEPTH)) {
    throw invalidParams(`Errors encountered in param ${name}: nested deeper than ${MAX_PARAM_DEPTH} levels; no method takes parameters that deep`);
  }
}

/** The allowed values of an integer parameter, with how messages word them. */
export interface IntegerRange {
  min: bigint;
  max: bigint;
  /** e.g. "an epoch (an integer from -2^63 to 2^63 - 1)". */
  label: string;
}

const range = (min: bigint, max: bigint, label: string): IntegerRange => ({ min, max, label });
export const UINT64 = range(0n, (1n << 64n) - 1n, "an integer from 0 to 2^64 - 1");
export const UINT256 = range(0n, (1n << 256n) - 1n, "an integer from 0 to 2^256 - 1");
/** Filecoin's ChainEpoch is an int64. */
export const EPOCH = range(-(1n << 63n), (1n << 63n) - 1n, "an epoch (an integer from -2^63 to 2^63 - 1)");
/** TokenAmount: the actors' big integers are at most 127 bytes with the sign byte. */
export const ATTO_FIL = range(0n, (1n << 1016n) - 1n, "an attoFIL amount (an integer from 0 to 2^1016 - 1)");

/**
 * A whole number within `allowed`, from a safe JSON number, a bigint, a decimal string (sign
 * allowed) or a 0x quantity (leading zeros allowed). fevm_* methods and hre.fevm take all of these.
 */
export function integer(value: unknown, name: string, allowed: IntegerRange): bigint {
  let n: bigint | undefined;
  if (typeof value === "bigint") n = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) n = BigInt(value);
  else if (typeof value === "number" && Number.isInteger(value)) {
    throw paramError(name, allowed.label, value, "numbers above 2^53 lose digits: pass a bigint or a decimal string");
  } else if (typeof value === "string" && value.length <= MAX_INTEGER_CHARS && (DECIMAL.test(value) || isHexString(value)) && value !== "0x") {
    n = BigInt(value);
  }
  if (n === undefined || n < allowed.min || n > allowed.max) throw paramError(name, allowed.label, value);
  return n;
}

export function quantity(value: unknown, name: string): bigint {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value !== "string" || value.length > MAX_INTEGER_CHARS || !QUANTITY.test(value)) {
    throw paramError(name, "a QUANTITY (a 0x-prefixed hex number without leading zeros)", value);
  }
  return BigInt(value);
}

export function optionalQuantity(value: unknown, name: string): bigint | undefined {
  return value === undefined || value === null ? undefined : quantity(value, name);
}

/** Hardhat accepts leading zeros in some cheatcode quantities (e.g. setBalance "0x0100"). */
export function looseQuantity(value: unknown, name: string): bigint {
  if (typeof value === "string" && value.length > 2 && value.length <= MAX_INTEGER_CHARS && isHexString(value)) return BigInt(value);
  return quantity(value, name);
}

/**
 * A quantity that must fit in `bits` bits, as Hardhat's typed parameters do: timestamps, block
 * counts, nonces and gas limits are 64-bit, balances, base fees and storage slots 256-bit.
 * Leading zeros are accepted, like looseQuantity.
 */
export function uint(value: unknown, name: string, bits: 64 | 256): bigint {
  const n = looseQuantity(value, name);
  if (n >> BigInt(bits) !== 0n) throw paramError(name, `a quantity that fits in ${bits} bits`, value);
  return n;
}

/** A storage slot (any quantity up to 32 bytes) as the 32-byte key the state manager takes. */
export function storageSlot(value: unknown, name: string): Uint8Array {
  return setLengthLeft(bigIntToBytes(uint(value, name, 256)), 32);
}

export function data(value: unknown, name: string): Uint8Array {
  if (typeof value !== "string" || value.length % 2 !== 0 || !isHexString(value)) {
    throw paramError(name, "DATA (0x-prefixed hex bytes, two digits per byte)", value);
  }
  return hexToBytes(value as `0x${string}`);
}

export function address(value: unknown, name: string): Address {
  if (typeof value !== "string" || value.length !== 42 || !isHexString(value)) {
    throw paramError(name, "an ADDRESS (0x-prefixed 20-byte hex)", value);
  }
  return new Address(hexToBytes(value as `0x${string}`));
}

export function hash(value: unknown, name: string): string {
  if (typeof value !== "string" || value.length !== 66 || !isHexString(value)) {
    throw paramError(name, "a 32-byte hash (0x and 64 hex digits)", value);
  }
  return value.toLowerCase();
}

export function bool(value: unknown, name: string): boolean {
  if (typeof value !== "boolean") throw paramError(name, "true or false", value);
  return value;
}

export function string(value: unknown, name: string, maxLength: number): string {
  if (typeof value !== "string" || value.length > maxLength) throw paramError(name, `a string of at most ${maxLength} characters`, value);
  return value;
}

export function object(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw paramError(name, "an object", value);
  return value as Record<string, unknown>;
}

/** An object whose keys are all in `known` (an unknown key is usually a typo). */
export function options(value: unknown, name: string, known: readonly string[]): Record<string, unknown> {
  const o = object(value, name);
  const unknown = Object.keys(o).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    const named = unknown.slice(0, 3).map((k) => (k.length > SHOWN_CHARS ? `${k.slice(0, SHOWN_CHARS)}…` : k));
    throw invalidParams(`Errors encountered in param ${name}: unknown option ${named.join(", ")}; the options are ${known.join(", ")}`);
  }
  return o;
}

/** An array of at most `maxItems`, each read by `item` under the name `name[i]`. */
export function list<T>(value: unknown, name: string, maxItems: number, item: (v: unknown, name: string) => T): T[] {
  if (!Array.isArray(value) || value.length > maxItems) throw paramError(name, `an array of at most ${maxItems} items`, value);
  return value.map((v, i) => item(v, `${name}[${i}]`));
}

/** Checks the parameter count: at most `max` parameters, at least `min`. */
export function arity(params: unknown[], min: number, max: number, method: string): void {
  if (params.length < min || params.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw invalidParams(`Invalid number of parameters for ${method}: expected ${expected}, got ${params.length}`);
  }
}

export type BlockTag =
  | { kind: "latest" }
  | { kind: "pending" }
  | { kind: "number"; number: bigint }
  | { kind: "hash"; hash: string; requireCanonical?: boolean };

/** A block parameter: tag name, number, or EIP-1898 `{ blockNumber }` / `{ blockHash }`. */
export function blockTag(value: unknown, name: string): BlockTag {
  if (value === undefined || value === null || value === "latest" || value === "safe" || value === "finalized") return { kind: "latest" };
  if (value === "pending") return { kind: "pending" };
  if (value === "earliest") return { kind: "number", number: 0n };
  if (typeof value === "object" && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (o.blockHash !== undefined) return { kind: "hash", hash: hash(o.blockHash, `${name}.blockHash`) };
    // One level only: `{ blockNumber: { blockNumber: … } }` is not a block tag.
    if (o.blockNumber !== undefined && typeof o.blockNumber !== "object") return blockTag(o.blockNumber, `${name}.blockNumber`);
  }
  if (typeof value === "string" && value.length <= MAX_INTEGER_CHARS && QUANTITY.test(value)) return { kind: "number", number: BigInt(value) };
  throw paramError(name, 'a block number, a block hash object, or "latest", "earliest", "pending", "safe", "finalized"', value);
}

/**
 * The block parameter of the block lookups (eth_getBlockByNumber, eth_getBlockTransactionCountByNumber,
 * eth_getTransactionByBlockNumberAndIndex): Hardhat also takes a plain JSON number there, but not
 * in state reads (eth_getBalance, eth_call, …).
 */
export function blockLookupTag(value: unknown, name: string): BlockTag {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return { kind: "number", number: BigInt(value) };
  return blockTag(value, name);
}

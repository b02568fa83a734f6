/**
 * Decodes the payloads that `hardhat/console.sol` STATICCALLs to the console address
 * (see ./console-address.ts) into the exact lines Hardhat 2 prints for them.
 *
 * Hardhat's own decoder (hardhat/internal/hardhat-network/stack-traces/consoleLogger.js) reads
 * every argument by slicing the payload without bounds checks, so a short or malformed payload
 * still prints *something*. We reproduce that slicing exactly (truncated words count as the bytes
 * present, out-of-range reads are empty) so every line matches, and where Hardhat would throw
 * (an offset beyond 2^53) we read nothing instead: a log line never breaks a transaction.
 */
import { format } from "node:util";
import { keccak_256 } from "@noble/hashes/sha3.js";

type ConsoleArgType = "uint256" | "int256" | "string" | "bool" | "address" | "bytes" | `bytes${number}`;

const WORD = 32;

/** Lazily built: selector (as a 32-bit number) → argument types, for every overload in console.sol. */
let signatures: Map<number, readonly ConsoleArgType[]> | undefined;

/**
 * console.sol encodes `log(...)` for: no args; one int256/uint256/string/bool/address/bytes/
 * bytes1..32 (logInt, logUint, logBytes32, ...); and every 1–4 argument combination of
 * uint256/string/bool/address.
 */
function consoleSignatures(): Map<number, readonly ConsoleArgType[]> {
  if (signatures !== undefined) return signatures;
  const overloads: ConsoleArgType[][] = [[], ["int256"], ["bytes"]];
  for (let size = 1; size <= 32; size++) overloads.push([`bytes${size}`]);
  const combinable: ConsoleArgType[] = ["uint256", "string", "bool", "address"];
  let combos: ConsoleArgType[][] = [[]];
  for (let arity = 1; arity <= 4; arity++) {
    combos = combos.flatMap((prefix) => combinable.map((type) => [...prefix, type]));
    overloads.push(...combos);
  }
  signatures = new Map();
  for (const types of overloads) {
    const digest = keccak_256(new TextEncoder().encode(`log(${types.join(",")})`));
    signatures.set(readUint32(digest), types);
  }
  return signatures;
}

/**
 * The line Hardhat prints for one console.log call, given the call's input bytes
 * (selector ‖ ABI-encoded arguments); undefined when the selector is not a console.sol overload.
 */
export function decodeConsoleLog(input: Uint8Array): string | undefined {
  if (input.length < 4) return undefined;
  const types = consoleSignatures().get(readUint32(input));
  if (types === undefined) return undefined;
  const params = input.subarray(4);
  const args = types.map((type, index) => decodeArg(params, index * WORD, type));
  if (args.length > 0) args[0] = rewriteIntegerSpecifiers(args[0]);
  return format(...args);
}

/** The lines Hardhat prints for a transaction's console.log calls, in order, skipping unknown selectors. */
export function formatConsoleLogs(inputs: readonly Uint8Array[]): string[] {
  const lines: string[] = [];
  for (const input of inputs) {
    const line = decodeConsoleLog(input);
    if (line !== undefined) lines.push(line);
  }
  return lines;
}

/**
 * Every argument arrives as a decimal or hex string, so `%d`/`%i` (which would go through
 * Number and lose precision) become `%s`; an escaped `%%d` (even run of `%`) is left alone.
 */
function rewriteIntegerSpecifiers(formatString: string): string {
  return formatString.replace(/((?<!%)(?:%%)*)(%[di])/g, "$1%s");
}

function decodeArg(params: Uint8Array, position: number, type: ConsoleArgType): string {
  switch (type) {
    case "uint256":
      return toBigInt(slice(params, position, WORD)).toString(10);
    case "int256":
      return BigInt.asIntN(256, toBigInt(slice(params, position, WORD))).toString(10);
    case "bool":
      // A missing byte reads as undefined, which Hardhat treats as non-zero.
      return params[position + 31] !== 0 ? "true" : "false";
    case "address":
      return toHex(slice(params, position + 12, 20));
    case "string":
      return utf8.decode(dynamicBytes(params, position));
    case "bytes":
      return toHex(dynamicBytes(params, position));
    default:
      return toHex(slice(params, position, Number(type.slice("bytes".length))));
  }
}

/** string/bytes: the head word is an offset to a length word followed by the data. */
function dynamicBytes(params: Uint8Array, headPosition: number): Uint8Array {
  const start = toBigInt(slice(params, headPosition, WORD));
  const length = toBigInt(sliceAt(params, start, BigInt(WORD)));
  return sliceAt(params, start + BigInt(WORD), length);
}

function slice(bytes: Uint8Array, start: number, length: number): Uint8Array {
  return bytes.subarray(start, start + length);
}

/** Like `slice`, for offsets and lengths read from the payload (possibly far beyond it). */
function sliceAt(bytes: Uint8Array, start: bigint, length: bigint): Uint8Array {
  const size = BigInt(bytes.length);
  if (start >= size) return bytes.subarray(0, 0);
  const end = start + length > size ? size : start + length;
  return bytes.subarray(Number(start), Number(end));
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(toHex(bytes));
}

function toHex(bytes: Uint8Array): string {
  return "0x" + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("hex");
}

function readUint32(bytes: Uint8Array): number {
  return ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
}

/** Invalid UTF-8 becomes U+FFFD and a leading BOM is kept, as Buffer#toString does. */
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * The message Hardhat 2 (EDR) gives a reverted call, from the revert's return data alone.
 * The wording is what users match on (`rejectedWith("reverted with reason string 'x'")`),
 * so every text here was checked against Hardhat's own network (test/unit/revert-message.test.ts).
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { type AbiParam, type AbiType, type AbiValue, canonicalType, decodeParams, parseAbiParam } from "./abi-decoder";
import { panicCodeMessage } from "./panic-codes";

export type { AbiParam } from "./abi-decoder";

/** A custom error as it appears in a JSON ABI. */
export interface ErrorFragmentLike {
  readonly name: string;
  readonly inputs: readonly AbiParam[];
}

/** Finds the custom error for a selector given as "0x" + 8 lowercase hex digits. */
export type ErrorAbiLookup = (selector: string) => ErrorFragmentLike | undefined;

export const REVERTED_WITHOUT_REASON = "Transaction reverted without a reason string";

const VM_EXCEPTION = "VM Exception while processing transaction: ";
const ERROR_STRING_SELECTOR = "0x08c379a0";
const PANIC_SELECTOR = "0x4e487b71";
const STRING_PARAM: readonly AbiType[] = [{ kind: "string" }];
const UINT256_PARAM: readonly AbiType[] = [{ kind: "uint", bits: 256 }];

/**
 * e.g. "VM Exception while processing transaction: reverted with reason string 'zero'",
 * "... reverted with panic code 0x11 (...)", "... reverted with custom error 'TooBig(101)'",
 * "... reverted with an unrecognized custom error (return data: 0x…)", or
 * "Transaction reverted without a reason string" for empty return data.
 */
export function revertMessage(returnData: Uint8Array, errorAbis?: ErrorAbiLookup): string {
  if (returnData.length === 0) return REVERTED_WITHOUT_REASON;
  const selector = returnData.length >= 4 ? toHex(returnData.subarray(0, 4)) : undefined;
  const params = returnData.subarray(4);
  if (selector === ERROR_STRING_SELECTOR) {
    const reason = decodeParams(STRING_PARAM, params);
    // EDR fails the same way (and its error then carries no data) for a malformed Error(string).
    if (reason === undefined) return `${VM_EXCEPTION}Expected return data to contain a valid string`;
    return `${VM_EXCEPTION}reverted with reason string '${String(reason[0])}'`;
  }
  if (selector === PANIC_SELECTOR) {
    const code = decodeParams(UINT256_PARAM, params);
    if (code !== undefined) return VM_EXCEPTION + panicCodeMessage(code[0] as bigint);
  }
  const fragment = selector === undefined ? undefined : errorAbis?.(selector);
  const args = fragment === undefined ? undefined : decodeErrorArgs(fragment, params);
  if (fragment !== undefined && args !== undefined) {
    return `${VM_EXCEPTION}reverted with custom error '${fragment.name}(${args.join(", ")})'`;
  }
  return `${VM_EXCEPTION}reverted with an unrecognized custom error (return data: ${toHex(returnData)})`;
}

/**
 * An ErrorAbiLookup over every custom error in the given JSON ABIs (e.g. each artifact's `abi`).
 * Anything that is not a well-formed error entry, or uses types solc never emits, is skipped
 * rather than failing the whole lookup.
 */
export function buildErrorAbiLookup(abis: Iterable<readonly unknown[]>): ErrorAbiLookup {
  const bySelector = new Map<string, ErrorFragmentLike>();
  for (const abi of abis) {
    for (const item of abi) {
      if (!isErrorEntry(item)) continue;
      const fragment: ErrorFragmentLike = { name: item.name, inputs: item.inputs ?? [] };
      const selector = errorSelector(fragment);
      if (selector !== undefined && !bySelector.has(selector)) bySelector.set(selector, fragment);
    }
  }
  return (selector) => bySelector.get(selector.toLowerCase());
}

function isErrorEntry(item: unknown): item is { name: string; inputs?: AbiParam[] } {
  if (typeof item !== "object" || item === null) return false;
  const entry = item as { type?: unknown; name?: unknown; inputs?: unknown };
  return entry.type === "error" && typeof entry.name === "string" && (entry.inputs === undefined || Array.isArray(entry.inputs));
}

/** "0x" + the first 4 bytes of keccak256("Name(type1,type2)"); undefined for unsupported types. */
export function errorSelector(fragment: ErrorFragmentLike): string | undefined {
  const types = parseInputs(fragment);
  if (types === undefined) return undefined;
  const signature = `${fragment.name}(${types.map(canonicalType).join(",")})`;
  return toHex(keccak_256(new TextEncoder().encode(signature)).subarray(0, 4));
}

/** Each argument formatted as EDR prints it, or undefined when the data does not decode. */
function decodeErrorArgs(fragment: ErrorFragmentLike, params: Uint8Array): string[] | undefined {
  const types = parseInputs(fragment);
  const values = types === undefined ? undefined : decodeParams(types, params);
  if (types === undefined || values === undefined) return undefined;
  return values.map((value, index) => formatValue(types[index], value));
}

function parseInputs(fragment: ErrorFragmentLike): AbiType[] | undefined {
  try {
    return fragment.inputs.map(parseAbiParam);
  } catch {
    return undefined;
  }
}

/** EDR's rendering: strings, addresses and bytes quoted, nested values as [a, b]. */
function formatValue(type: AbiType, value: AbiValue): string {
  switch (type.kind) {
    case "array":
    case "fixedArray":
      return `[${(value as AbiValue[]).map((item) => formatValue(type.element, item)).join(", ")}]`;
    case "tuple":
      return `[${(value as AbiValue[]).map((item, index) => formatValue(type.components[index], item)).join(", ")}]`;
    case "string":
      return `"${value as string}"`;
    case "address":
      return `"${checksumAddress(value as Uint8Array)}"`;
    case "bytes":
    case "fixedBytes":
      return `"${toHex(value as Uint8Array)}"`;
    case "function":
      return "<function>";
    default:
      return String(value);
  }
}

/** EIP-55 mixed-case checksum. */
function checksumAddress(address: Uint8Array): string {
  const lower = toHex(address).slice(2);
  const hash = keccak_256(new TextEncoder().encode(lower));
  let result = "0x";
  for (let i = 0; i < lower.length; i++) {
    const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    result += nibble >= 8 ? lower[i].toUpperCase() : lower[i];
  }
  return result;
}

function toHex(bytes: Uint8Array): string {
  return "0x" + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("hex");
}

import { concatBytes, hexToBytes, setLengthLeft, setLengthRight, bigIntToBytes } from "@ethereumjs/util";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { isHexString, MAX_INTEGER_CHARS, shown } from "./params";
import { invalidInput } from "./errors";

/** EIP-712 typed data as eth_signTypedData_v4 receives it. */
interface TypedData {
  types: Record<string, { name: string; type: string }[]>;
  primaryType: string;
  domain: Record<string, unknown>;
  message: Record<string, unknown>;
}

const DOMAIN_FIELDS: [string, string][] = [
  ["name", "string"],
  ["version", "string"],
  ["chainId", "uint256"],
  ["verifyingContract", "address"],
  ["salt", "bytes32"],
];

function fail(why: string): never {
  throw invalidInput(`eth_signTypedData_v4: ${why}`);
}

function dependencies(type: string, types: TypedData["types"], found = new Set<string>()): Set<string> {
  const base = type.replace(/(\[\d*\])+$/, ""); // Cell[][] depends on Cell
  if (found.has(base) || !types[base]) return found;
  found.add(base);
  for (const field of types[base]) dependencies(field.type, types, found);
  return found;
}

function encodeType(type: string, types: TypedData["types"]): string {
  const deps = [...dependencies(type, types)].filter((t) => t !== type).sort();
  return [type, ...deps].map((t) => `${t}(${types[t].map((f) => `${f.type} ${f.name}`).join(",")})`).join("");
}

function toBigInt(value: unknown, type: string): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  if (typeof value === "string" && value.length <= MAX_INTEGER_CHARS && /^-?(0x[0-9a-f]+|\d+)$/i.test(value)) {
    return value.startsWith("-") ? -BigInt(value.slice(1)) : BigInt(value);
  }
  return fail(`expected a ${type} value, got ${shown(value)}`);
}

function bytesOf(value: unknown, type: string): Uint8Array {
  if (typeof value !== "string" || value.length % 2 !== 0 || !isHexString(value)) fail(`expected 0x hex bytes for ${type}, got ${shown(value)}`);
  return hexToBytes(value as `0x${string}`);
}

function encodeValue(type: string, value: unknown, types: TypedData["types"]): Uint8Array {
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) fail(`expected an array for ${type}`);
    return keccak_256(concatBytes(...value.map((v) => encodeValue(array[1], v, types))));
  }
  if (types[type]) return hashStruct(type, value as Record<string, unknown>, types);
  if (type === "string") return keccak_256(new TextEncoder().encode(String(value)));
  if (type === "bytes") return keccak_256(bytesOf(value, type));
  if (type === "bool") return setLengthLeft(new Uint8Array([value === true || value === "true" ? 1 : 0]), 32);
  if (type === "address") return setLengthLeft(bytesOf(value, type), 32);
  if (/^bytes\d+$/.test(type)) return setLengthRight(bytesOf(value, type), 32);
  if (/^u?int\d*$/.test(type)) {
    const n = toBigInt(value, type);
    const twos = n < 0n ? (1n << 256n) + n : n;
    return setLengthLeft(bigIntToBytes(twos), 32);
  }
  return fail(`unknown type ${type}`);
}

function hashStruct(type: string, data: Record<string, unknown>, types: TypedData["types"]): Uint8Array {
  if (typeof data !== "object" || data === null) fail(`expected an object for ${type}`);
  const typeHash = keccak_256(new TextEncoder().encode(encodeType(type, types)));
  return keccak_256(concatBytes(typeHash, ...types[type].map((f) => encodeValue(f.type, data[f.name], types))));
}

/** The EIP-712 digest: keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)). */
export function hashTypedData(input: unknown): Uint8Array {
  const t = input as TypedData;
  if (typeof t !== "object" || t === null || typeof t.types !== "object" || typeof t.primaryType !== "string") {
    fail("expected { types, primaryType, domain, message }");
  }
  if (!t.types[t.primaryType]) fail(`primaryType ${t.primaryType} is not defined in types`);
  const domain = t.domain ?? {};
  const types = {
    ...t.types,
    EIP712Domain: t.types.EIP712Domain ?? DOMAIN_FIELDS.filter(([name]) => domain[name] !== undefined).map(([name, type]) => ({ name, type })),
  };
  return keccak_256(
    concatBytes(new Uint8Array([0x19, 0x01]), hashStruct("EIP712Domain", domain, types), hashStruct(t.primaryType, t.message, types)),
  );
}

import { Address, bigIntToBytes, hexToBytes, setLengthLeft } from "@ethereumjs/util";
import { invalidParams } from "./errors";

/**
 * Parsers for JSON-RPC parameters. Each names the parameter it rejects, so a malformed request
 * answers -32602 with "which parameter and what was expected" instead of crashing the provider.
 */
const QUANTITY = /^0x(0|[1-9a-f][0-9a-f]*)$/i;
const DATA = /^0x([0-9a-f]{2})*$/i;
const ADDRESS = /^0x[0-9a-f]{40}$/i;
const HASH = /^0x[0-9a-f]{64}$/i;

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function quantity(value: unknown, name: string): bigint {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value !== "string" || !QUANTITY.test(value)) {
    throw invalidParams(`Errors encountered in param ${name}: invalid value ${describe(value)} supplied to QUANTITY (expected a 0x-prefixed hex number without leading zeros)`);
  }
  return BigInt(value);
}

export function optionalQuantity(value: unknown, name: string): bigint | undefined {
  return value === undefined || value === null ? undefined : quantity(value, name);
}

/** Hardhat accepts leading zeros in some cheatcode quantities (e.g. setBalance "0x0100"). */
export function looseQuantity(value: unknown, name: string): bigint {
  if (typeof value === "string" && /^0x[0-9a-f]+$/i.test(value)) return BigInt(value);
  return quantity(value, name);
}

/**
 * A quantity that must fit in `bits` bits, as Hardhat's typed parameters do: timestamps, block
 * counts, nonces and gas limits are 64-bit, balances, base fees and storage slots 256-bit.
 * Leading zeros are accepted, like looseQuantity.
 */
export function uint(value: unknown, name: string, bits: 64 | 256): bigint {
  const n = looseQuantity(value, name);
  if (n >> BigInt(bits) !== 0n) {
    throw invalidParams(`Errors encountered in param ${name}: ${describe(value)} does not fit in ${bits} bits`);
  }
  return n;
}

/** A storage slot (any quantity up to 32 bytes) as the 32-byte key the state manager takes. */
export function storageSlot(value: unknown, name: string): Uint8Array {
  return setLengthLeft(bigIntToBytes(uint(value, name, 256)), 32);
}

export function data(value: unknown, name: string): Uint8Array {
  if (typeof value !== "string" || !DATA.test(value)) {
    throw invalidParams(`Errors encountered in param ${name}: invalid value ${describe(value)} supplied to DATA (expected 0x-prefixed hex bytes)`);
  }
  return hexToBytes(value as `0x${string}`);
}

export function address(value: unknown, name: string): Address {
  if (typeof value !== "string" || !ADDRESS.test(value)) {
    throw invalidParams(`Errors encountered in param ${name}: invalid value ${describe(value)} supplied to ADDRESS (expected a 0x-prefixed 20-byte hex address)`);
  }
  return new Address(hexToBytes(value as `0x${string}`));
}

export function hash(value: unknown, name: string): string {
  if (typeof value !== "string" || !HASH.test(value)) {
    throw invalidParams(`Errors encountered in param ${name}: invalid value ${describe(value)} supplied to DATA (expected a 32-byte hash)`);
  }
  return value.toLowerCase();
}

export function bool(value: unknown, name: string): boolean {
  if (typeof value !== "boolean") throw invalidParams(`Errors encountered in param ${name}: invalid value ${describe(value)} supplied to boolean`);
  return value;
}

export function object(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidParams(`Errors encountered in param ${name}: invalid value ${describe(value)} supplied to an object`);
  }
  return value as Record<string, unknown>;
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
    if (o.blockNumber !== undefined) return blockTag(o.blockNumber, `${name}.blockNumber`);
  }
  if (typeof value === "string" && QUANTITY.test(value)) return { kind: "number", number: BigInt(value) };
  throw invalidParams(`Errors encountered in param ${name}: invalid value ${describe(value)} supplied to a block tag (expected a block number, a block hash object, or "latest", "earliest", "pending", "safe", "finalized")`);
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

/** Small byte helpers shared by the Filecoin codecs (no dependencies, no Buffer). */

// Lookup tables: hex conversion sits on hot paths (addresses in every RPC call).
const BYTE_TO_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const CHAR_TO_NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  CHAR_TO_NIBBLE["0123456789abcdef".charCodeAt(i)] = i;
  CHAR_TO_NIBBLE["0123456789ABCDEF".charCodeAt(i)] = i;
}

/** Lowercase hex without a 0x prefix. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += BYTE_TO_HEX[bytes[i]];
  return out;
}

/**
 * Decodes hex (optionally 0x-prefixed, either case); undefined when the text is not an even
 * number of hex digits, so each caller can raise the error that fits its context.
 */
export function decodeHex(text: string): Uint8Array | undefined {
  const start = text.startsWith("0x") || text.startsWith("0X") ? 2 : 0;
  if ((text.length - start) % 2 !== 0) return undefined;
  const out = new Uint8Array((text.length - start) / 2);
  for (let i = 0; i < out.length; i++) {
    const high = CHAR_TO_NIBBLE[text.charCodeAt(start + 2 * i)] ?? -1;
    const low = CHAR_TO_NIBBLE[text.charCodeAt(start + 2 * i + 1)] ?? -1;
    if (high < 0 || low < 0) return undefined;
    out[i] = (high << 4) | low;
  }
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Big-endian unsigned integer from bytes (empty → 0n). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt("0x" + bytesToHex(bytes));
}

/** Minimal big-endian bytes of a non-negative bigint (0n → empty), or exactly `width` bytes. */
export function bigIntToBytes(value: bigint, width?: number): Uint8Array {
  if (value < 0n) throw new RangeError(`bigIntToBytes needs a non-negative value, got ${value}`);
  let hex = value === 0n ? "" : value.toString(16);
  if (hex.length % 2 === 1) hex = "0" + hex;
  if (width !== undefined) {
    if (hex.length > width * 2) throw new RangeError(`${value} does not fit in ${width} bytes`);
    hex = hex.padStart(width * 2, "0");
  }
  return decodeHex(hex)!;
}

/** A short, printable rendering of untrusted input for error messages. */
export function describeInput(input: unknown, maxLength = 80): string {
  if (typeof input === "string") {
    const shown = input.length > maxLength ? `${input.slice(0, maxLength)}…` : input;
    return JSON.stringify(shown);
  }
  if (input instanceof Uint8Array) {
    const hex = bytesToHex(input.subarray(0, maxLength / 2));
    return `0x${hex}${input.length > maxLength / 2 ? "…" : ""} (${input.length} bytes)`;
  }
  if (typeof input === "bigint") return `${input}n`;
  if (input === null) return "null";
  if (typeof input === "object") return `a ${input.constructor?.name ?? "object"}`;
  return `${typeof input} ${String(input)}`;
}

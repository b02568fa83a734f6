/**
 * hre.fevm passes its arguments to the fevm_* method as they are, converting only what JSON
 * cannot carry: bigints become decimal strings, bytes 0x-hex. The method validates them (see
 * src/provider/params.ts) and names the argument, so a wrong type gets the same clear error from
 * hre.fevm as over HTTP, instead of a JavaScript error from the conversion.
 */
export function wire(value: unknown, depth = 0): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return `0x${Buffer.from(value).toString("hex")}`;
  // Deeper values travel unconverted: the method refuses nestings that deep anyway.
  if (depth >= WIRE_DEPTH || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => wire(item, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return String(value); // e.g. a multiformats CID
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wire(v, depth + 1)]));
}

const WIRE_DEPTH = 8;

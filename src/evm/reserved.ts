import type { Address } from "@ethereumjs/util";

/**
 * FEVM's reserved precompile range (builtin-actors precompiles/mod.rs): first byte 0x00 or 0xfe,
 * bytes 1–18 zero, last byte non-zero; plus 0x…0100 (P256VERIFY) from nv28. Calls to these are
 * handled inside the EVM and never reach an actor.
 */
export function isReservedAddress(address: Address, networkVersion: number): boolean {
  const b = address.bytes;
  if (b[0] === 0x00 && networkVersion >= 28 && b[18] === 0x01 && b[19] === 0x00 && b.subarray(1, 18).every((x) => x === 0)) return true;
  if (b[0] !== 0x00 && b[0] !== 0xfe) return false;
  for (let i = 1; i < 19; i++) if (b[i] !== 0) return false;
  return b[19] !== 0;
}

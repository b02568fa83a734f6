/** Kept apart from key-account.ts (which loads @ethereumjs/util) so that the config can check keys cheaply. */

/** The order n of secp256k1's base point (SEC 2). */
const CURVE_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** A secp256k1 private key: 0x and 64 hex digits, from 1 to the curve order - 1, as every wallet takes it. */
export function isPrivateKey(hex: string): boolean {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) return false;
  const key = BigInt(hex);
  return key > 0n && key < CURVE_ORDER;
}

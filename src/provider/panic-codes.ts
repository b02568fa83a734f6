/**
 * Solidity's Panic(uint256) codes, worded as Hardhat 2 prints them
 * (hardhat/internal/hardhat-network/stack-traces/panic-errors.js).
 */
const PANIC_REASONS: ReadonlyMap<bigint, string> = new Map([
  [0x01n, "Assertion error"],
  [0x11n, "Arithmetic operation overflowed outside of an unchecked block"],
  [0x12n, "Division or modulo division by zero"],
  [0x21n, "Tried to convert a value into an enum, but the value was too big or negative"],
  [0x22n, "Incorrectly encoded storage byte array"],
  [0x31n, ".pop() was called on an empty array"],
  [0x32n, "Array accessed at an out-of-bounds or negative index"],
  [0x41n, "Too much memory was allocated, or an array was created that is too large"],
  [0x51n, "Called a zero-initialized variable of internal function type"],
]);

/** What the compiler meant by a panic code, or undefined for codes Solidity does not emit. */
export function panicReason(code: bigint): string | undefined {
  return PANIC_REASONS.get(code);
}

/** e.g. "reverted with panic code 0x11 (Arithmetic operation overflowed outside of an unchecked block)". */
export function panicCodeMessage(code: bigint): string {
  const reason = panicReason(code);
  const hex = `0x${code.toString(16)}`;
  return reason === undefined ? `reverted with unknown panic code ${hex}` : `reverted with panic code ${hex} (${reason})`;
}

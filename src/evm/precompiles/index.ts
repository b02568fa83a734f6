import type { CustomPrecompile } from "@ethereumjs/evm";
import { customPrecompileAt } from "./custom-precompile";
import { reservedRange } from "./reserved-range";

/**
 * The FEVM precompile table for a network version, covering the whole reserved range
 * (0x01–0xff, 0xfe00…01–0xfe00…ff, 0x0100 from nv28): Filecoin precompiles, Ethereum ones with
 * FEVM's differences, and empty slots that succeed with empty output. Registering every address
 * makes all of them warm and keeps calls to them inside the EVM, as on the FEVM.
 */
export function fevmPrecompiles(networkVersion: number): CustomPrecompile[] {
  return [...reservedRange(networkVersion)].map(([address, precompile]) => customPrecompileAt(address, precompile));
}

export { isImplementedPrecompile } from "./reserved-range";

/** The provider tests' fixtures: one Solidity source each, compiled for Cancun. */
import { compileSolidity, type CompiledContract } from "../support/solc";

export type { CompiledContract } from "../support/solc";

/** Every contract of `source` (one file) by name; throws with solc's messages on a compile error. */
export function compile(source: string): Record<string, CompiledContract> {
  return compileSolidity({ sources: { "Fixture.sol": source } });
}

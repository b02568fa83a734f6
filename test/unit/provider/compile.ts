/**
 * Compiles the small Solidity fixtures the provider tests deploy, with the `solc` npm package
 * (standard JSON, no network). Each distinct source set is compiled once per test run.
 */
import { Interface } from "ethers";

export interface CompiledContract {
  abi: unknown[];
  /** 0x-prefixed creation bytecode. */
  bytecode: string;
  iface: Interface;
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
}

const cache = new Map<string, Record<string, CompiledContract>>();

/** Every contract of `source` (one file) by name; throws with solc's messages on a compile error. */
export function compile(source: string): Record<string, CompiledContract> {
  const cached = cache.get(source);
  if (cached) return cached;
  const solc = require("solc") as { compile(input: string): string };
  const input = {
    language: "Solidity",
    sources: { "Fixture.sol": { content: source } },
    settings: { evmVersion: "cancun", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join("\n")}`);
  const contracts: Record<string, CompiledContract> = {};
  for (const [name, c] of Object.entries(output.contracts["Fixture.sol"])) {
    contracts[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, iface: new Interface(c.abi as never) };
  }
  cache.set(source, contracts);
  return contracts;
}

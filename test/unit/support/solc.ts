/**
 * Compiles Solidity fixtures for unit tests with the `solc` npm package (standard JSON, no
 * network), once per distinct input per test run. Shared by every unit suite that deploys code.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
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

export interface SolcInput {
  /** File name → Solidity source. */
  sources: Record<string, string>;
  /** Shanghai runs on every FEVM network version; Cancun output may use MCOPY (nv24) or TSTORE (nv25). */
  evmVersion?: "shanghai" | "cancun";
}

const ROOT = join(__dirname, "../../..");
const cache = new Map<string, Record<string, CompiledContract>>();

/** Resolves `import "pkg/…"` from node_modules, as Hardhat does. */
function findImport(path: string): { contents: string } | { error: string } {
  const file = join(ROOT, "node_modules", path);
  return existsSync(file) ? { contents: readFileSync(file, "utf8") } : { error: `not found: ${path}` };
}

/** Every contract of the sources, by name; throws with solc's messages on a compile error. */
export function compileSolidity({ sources, evmVersion = "cancun" }: SolcInput): Record<string, CompiledContract> {
  const key = JSON.stringify([sources, evmVersion]);
  const cached = cache.get(key);
  if (cached) return cached;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const solc = require("solc") as { compile(input: string, callbacks?: { import: typeof findImport }): string };
  const input = {
    language: "Solidity",
    sources: Object.fromEntries(Object.entries(sources).map(([name, content]) => [name, { content }])),
    settings: { evmVersion, outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join("\n")}`);
  const contracts: Record<string, CompiledContract> = {};
  for (const file of Object.values(output.contracts)) {
    for (const [name, c] of Object.entries(file)) {
      contracts[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, iface: new Interface(c.abi as never) };
    }
  }
  cache.set(key, contracts);
  return contracts;
}

/** The sources of a folder of fixtures under contracts/ (e.g. "conformance/opcodes"), optionally one file. */
export function fixtureSources(folder: string, files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(ROOT, "contracts", folder, f), "utf8")]));
}

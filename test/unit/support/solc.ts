/**
 * Compiles Solidity for unit tests with the `solc` npm package (standard JSON, no network).
 * Shared by every unit suite that deploys code. solcjs needs seconds for a contract that imports
 * filecoin-solidity, so outputs are kept in memory for the run and on disk (in os.tmpdir())
 * across runs, keyed by the sources, the settings, the solc version and the versions of the
 * packages the imports were read from.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

/** What the disk cache holds for one input. */
interface CacheEntry {
  /** Version of each package an import was read from: a different version means compiling again. */
  packages: Record<string, string>;
  contracts: Record<string, { abi: unknown[]; bytecode: string }>;
}

const ROOT = join(__dirname, "../../..");
const NODE_MODULES = join(ROOT, "node_modules");
const CACHE_DIR = join(tmpdir(), "hardhat-fevm-test-solc");
const compiled = new Map<string, Record<string, CompiledContract>>();

function packageVersion(name: string): string {
  const file = join(NODE_MODULES, name, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : "absent";
}

/** The package an import path reads from: "@scope/name/…" or "name/…". */
const packageOf = (path: string) => path.split("/").slice(0, path.startsWith("@") ? 2 : 1).join("/");

/** Runs solc on the standard-JSON `input`, resolving `import "pkg/…"` from node_modules as Hardhat does. */
function runSolc(input: string): CacheEntry {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const solc = require("solc") as { compile(input: string, callbacks: { import(path: string): { contents: string } | { error: string } }): string };
  const packages: Record<string, string> = {};
  const findImport = (path: string) => {
    const file = join(NODE_MODULES, path);
    if (!existsSync(file)) return { error: `${path} not found in node_modules` };
    packages[packageOf(path)] = packageVersion(packageOf(path));
    return { contents: readFileSync(file, "utf8") };
  };
  const output = JSON.parse(solc.compile(input, { import: findImport })) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join("\n")}`);
  const contracts: CacheEntry["contracts"] = {};
  for (const file of Object.values(output.contracts)) {
    for (const [name, c] of Object.entries(file)) contracts[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
  }
  return { packages, contracts };
}

/** The cached entry for `file`, unless a package it was compiled against has changed version since. */
function readCache(file: string): CacheEntry | undefined {
  if (!existsSync(file)) return undefined;
  const entry = JSON.parse(readFileSync(file, "utf8")) as CacheEntry;
  return Object.entries(entry.packages).every(([name, version]) => packageVersion(name) === version) ? entry : undefined;
}

/** Writes through a temporary file, so a test run elsewhere never reads half an entry. */
function writeCache(file: string, entry: CacheEntry): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(entry));
  renameSync(partial, file);
}

/** Every contract of the sources (not of what they import), by name; throws with solc's messages on a compile error. */
export function compileSolidity({ sources, evmVersion = "cancun" }: SolcInput): Record<string, CompiledContract> {
  const input = JSON.stringify({
    language: "Solidity",
    sources: Object.fromEntries(Object.entries(sources).map(([name, content]) => [name, { content }])),
    settings: { evmVersion, outputSelection: Object.fromEntries(Object.keys(sources).map((name) => [name, { "*": ["abi", "evm.bytecode.object"] }])) },
  });
  const known = compiled.get(input);
  if (known) return known;
  const key = createHash("sha256").update(JSON.stringify([input, packageVersion("solc")])).digest("hex");
  const file = join(CACHE_DIR, `${key.slice(0, 32)}.json`);
  let entry = readCache(file);
  if (!entry) {
    entry = runSolc(input);
    writeCache(file, entry);
  }
  const contracts = Object.fromEntries(
    Object.entries(entry.contracts).map(([name, c]): [string, CompiledContract] => [name, { ...c, iface: new Interface(c.abi as never) }]),
  );
  compiled.set(input, contracts);
  return contracts;
}

/** The sources of a folder of fixtures under contracts/ (e.g. "conformance/opcodes"), by file name. */
export function fixtureSources(folder: string, files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(ROOT, "contracts", folder, f), "utf8")]));
}

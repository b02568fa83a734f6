/**
 * The wrapper contracts of contracts/actors/, compiled with the solc npm package against the real
 * filecoin-solidity packages in node_modules. solcjs needs several seconds per package, so the
 * output is cached on disk, keyed by the compiler version, the wrapper sources and the versions
 * of the packages they import.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Interface } from "ethers";

const ROOT = join(__dirname, "../../..");
const NODE_MODULES = join(ROOT, "node_modules");
const PACKAGES = ["solc", "filecoin-solidity-api", "@zondax/filecoin-solidity", "solidity-cborutils", "@zondax/solidity-bignumber", "@ensdomains/buffer"];
const CACHE_DIR = join(tmpdir(), "hardhat-fevm-test-solc");

export interface Wrapper {
  iface: Interface;
  bytecode: string;
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
}

function packageVersion(name: string): string {
  const file = join(NODE_MODULES, name, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : "absent";
}

function compile(input: string): SolcOutput {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const solc = require("solc") as { compile(input: string, callbacks: { import(path: string): { contents: string } | { error: string } }): string };
  const resolve = (path: string) => {
    const file = join(NODE_MODULES, path);
    return existsSync(file) ? { contents: readFileSync(file, "utf8") } : { error: `${path} not found in node_modules` };
  };
  const output = JSON.parse(solc.compile(input, { import: resolve })) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join("\n")}`);
  return output;
}

/** The contract named like the file `contracts/actors/<name>.sol`. */
export function wrapper(name: string): Wrapper {
  const source = readFileSync(join(ROOT, "contracts/actors", `${name}.sol`), "utf8");
  const input = JSON.stringify({
    language: "Solidity",
    sources: { [`${name}.sol`]: { content: source } },
    settings: { evmVersion: "cancun", outputSelection: { "*": { [name]: ["abi", "evm.bytecode.object"] } } },
  });
  const key = createHash("sha256").update(JSON.stringify([input, PACKAGES.map(packageVersion)])).digest("hex");
  const cached = join(CACHE_DIR, `${name}-${key.slice(0, 16)}.json`);
  let contract: { abi: unknown[]; bytecode: string };
  if (existsSync(cached)) contract = JSON.parse(readFileSync(cached, "utf8"));
  else {
    const out = compile(input).contracts[`${name}.sol`][name];
    contract = { abi: out.abi, bytecode: `0x${out.evm.bytecode.object}` };
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cached, JSON.stringify(contract));
  }
  return { iface: new Interface(contract.abi as never), bytecode: contract.bytecode };
}

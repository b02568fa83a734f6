import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/**
 * Asks an emscripten soljson build for its version in a child process: loading soljson costs
 * ~0.7 s and a few hundred MB, and older builds install process-wide exception handlers.
 * Old builds export `version`, newer ones `solidity_version`.
 */
const PRINT_VERSION = `
const soljson = require(process.argv[1]);
const name = "_solidity_version" in soljson ? "solidity_version" : "version";
process.stdout.write(soljson.cwrap(name, "string", [])());
`;

const longVersions = new Map<string, Promise<string>>();

/** e.g. "0.8.30+commit.73712a01", as Hardhat records it in build-info `solcLongVersion`. */
export function soljsonLongVersion(soljsonPath: string): Promise<string> {
  let longVersion = longVersions.get(soljsonPath);
  if (longVersion === undefined) {
    longVersion = readLongVersion(soljsonPath);
    longVersions.set(soljsonPath, longVersion);
    longVersion.catch(() => longVersions.delete(soljsonPath));
  }
  return longVersion;
}

async function readLongVersion(soljsonPath: string): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, ["-e", PRINT_VERSION, soljsonPath], {
    timeout: 60_000,
  });
  const longVersion = stdout.trim().replace(/\.Emscripten\.clang$/, "");
  if (!/^\d+\.\d+\.\d+\+commit\.[0-9a-f]+/.test(longVersion)) {
    throw new Error(`${soljsonPath} reported version ${JSON.stringify(stdout)}, not a solc release`);
  }
  return longVersion;
}

import fs from "node:fs/promises";
import path from "node:path";
import type { SolcBuild } from "hardhat/types/builtin-tasks";
import { downloadVerifiedTarball, publishedTarball } from "./npm-registry";
import { soljsonLongVersion } from "./soljson-version";
import { readPackageFiles } from "./tarball";

/** Next to Hardhat's own `linux-amd64/`, `wasm/` folders in its compilers cache. */
export const NPM_SOLCJS_DIR = "solcjs-npm";

/** Written last: a folder without it is an interrupted install and is never used. */
const BUILD_FILE = "build.json";

interface InstalledBuild {
  version: string;
  longVersion: string;
  integrity: string;
}

const installs = new Map<string, Promise<SolcBuild>>();

/**
 * solcjs `version` from the npm registry, installed once into
 * `<compilersDir>/solcjs-npm/<version>/` (soljson.js, package.json, build.json) after its sha512
 * integrity is checked, and reused from there by later runs without any network access.
 */
export function npmSolcjsBuild(version: string, compilersDir: string, registry: string): Promise<SolcBuild> {
  const dir = path.join(compilersDir, NPM_SOLCJS_DIR, version);
  let build = installs.get(dir);
  if (build === undefined) {
    build = installedBuild(dir, version).then((found) => found ?? install(dir, version, registry));
    installs.set(dir, build);
    build.catch(() => installs.delete(dir));
  }
  return build;
}

/** The build npmSolcjsBuild installed earlier, if any; never touches the network. */
export function installedNpmSolcjsBuild(version: string, compilersDir: string): Promise<SolcBuild | undefined> {
  return installedBuild(path.join(compilersDir, NPM_SOLCJS_DIR, version), version);
}

async function installedBuild(dir: string, version: string): Promise<SolcBuild | undefined> {
  try {
    const build = JSON.parse(await fs.readFile(path.join(dir, BUILD_FILE), "utf8")) as InstalledBuild;
    const compilerPath = path.join(dir, "soljson.js");
    await fs.access(compilerPath);
    return build.version === version ? solcjsBuild(version, build.longVersion, compilerPath) : undefined;
  } catch {
    return undefined;
  }
}

function solcjsBuild(version: string, longVersion: string, compilerPath: string): SolcBuild {
  return { version, longVersion, compilerPath, isSolcJs: true };
}

async function install(dir: string, version: string, registry: string): Promise<SolcBuild> {
  const tarball = await publishedTarball(registry, "solc", version);
  const files = readPackageFiles(await downloadVerifiedTarball(tarball), ["soljson.js", "package.json"]);
  const soljson = files.get("soljson.js");
  const packageJson = files.get("package.json");
  if (soljson === undefined || packageJson === undefined) {
    throw new Error(`${tarball.url} has no soljson.js: it is not a solcjs package`);
  }
  const published = JSON.parse(packageJson.toString("utf8")) as { name?: unknown; version?: unknown };
  if (published.name !== "solc" || published.version !== version) {
    throw new Error(`${tarball.url} holds ${String(published.name)}@${String(published.version)}, not solc@${version}`);
  }

  // Build in a private folder, then rename: a crash or a concurrent Hardhat run never sees half a build.
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const staging = await fs.mkdtemp(path.join(path.dirname(dir), `.tmp-${version}-`));
  try {
    const stagedSoljson = path.join(staging, "soljson.js");
    await fs.writeFile(stagedSoljson, soljson);
    await fs.writeFile(path.join(staging, "package.json"), packageJson);
    const longVersion = await soljsonLongVersion(stagedSoljson);
    if (!longVersion.startsWith(`${version}+`)) {
      throw new Error(`the soljson.js in ${tarball.url} is solc ${longVersion}, not ${version}`);
    }
    const build: InstalledBuild = { version, longVersion, integrity: tarball.integrity };
    await fs.writeFile(path.join(staging, BUILD_FILE), JSON.stringify(build, null, 2));
    try {
      await fs.rename(staging, dir);
    } catch {
      // Another process installed it first (use theirs), or a broken folder is in the way.
      const theirs = await installedBuild(dir, version);
      if (theirs !== undefined) return theirs;
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rename(staging, dir);
    }
    return solcjsBuild(version, longVersion, path.join(dir, "soljson.js"));
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

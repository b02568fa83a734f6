import { expect } from "chai";
import type { SolcBuild } from "hardhat/types/builtin-tasks";
import { chooseSolcBuild, type SolcBuildSources } from "../../../tasks/solcjs/choose-solc-build";
import type { SolcjsMode } from "../../../src/config/types";

const VERSION = "0.8.30";
const NATIVE: SolcBuild = { version: VERSION, longVersion: "0.8.30+commit.73712a01", compilerPath: "/cache/solc-linux", isSolcJs: false };
const FROM_NPM: SolcBuild = { version: VERSION, longVersion: "0.8.30+commit.73712a01", compilerPath: "/cache/solcjs-npm/0.8.30/soljson.js", isSolcJs: true };
const PROJECT_SOLJSON = "/project/node_modules/solc/soljson.js";

/** Like HardhatError: the network error that caused it is kept in `parent`. */
function downloadError(): Error {
  return Object.assign(new Error("HH502: Couldn't download compiler version list."), {
    parent: new Error("getaddrinfo ENOTFOUND binaries.soliditylang.org"),
  });
}

interface World {
  cached?: boolean;
  hardhat?: () => Promise<SolcBuild>;
  projectVersion?: string;
  installed?: SolcBuild;
  npm?: () => Promise<SolcBuild>;
}

/** Sources backed by `world`, recording which ones were used. */
function sourcesFor(world: World) {
  const calls: string[] = [];
  const logs: string[] = [];
  const sources: SolcBuildSources = {
    hardhat: () => (calls.push("hardhat"), world.hardhat?.() ?? Promise.reject(new Error("no Hardhat in this world"))),
    isInHardhatCache: async () => (calls.push("isInHardhatCache"), world.cached ?? false),
    projectSolc: () =>
      world.projectVersion === undefined ? undefined : { version: world.projectVersion, soljsonPath: PROJECT_SOLJSON },
    longVersion: async (soljsonPath) => (calls.push(`longVersion ${soljsonPath}`), "0.8.30+commit.73712a01"),
    installedNpm: async () => world.installed,
    npm: () => (calls.push("npm"), world.npm?.() ?? Promise.reject(new Error("no registry in this world"))),
    log: (line) => logs.push(line),
  };
  return { sources, calls, logs };
}

async function choose(mode: SolcjsMode, world: World) {
  const { sources, calls, logs } = sourcesFor(world);
  const build = await chooseSolcBuild(VERSION, mode, sources);
  return { build, calls, logs };
}

async function failureOf(mode: SolcjsMode, world: World): Promise<string> {
  try {
    await choose(mode, world);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("chooseSolcBuild found a compiler");
}

const PROJECT_BUILD: SolcBuild = { version: VERSION, longVersion: "0.8.30+commit.73712a01", compilerPath: PROJECT_SOLJSON, isSolcJs: true };

describe("choosing the compiler for a solc version", () => {
  describe('fevm.solcjs = "never"', () => {
    it("is plain Hardhat, even with a matching solc package installed", async () => {
      const { build, calls } = await choose("never", { hardhat: async () => NATIVE, projectVersion: VERSION });
      expect(build).to.equal(NATIVE);
      expect(calls).to.deep.equal(["hardhat"]);
    });

    it("lets Hardhat's own download error through", async () => {
      expect(await failureOf("never", { hardhat: () => Promise.reject(downloadError()), projectVersion: VERSION })).to.equal(
        "HH502: Couldn't download compiler version list.",
      );
    });
  });

  describe('fevm.solcjs = "always"', () => {
    it("compiles with the project's solc package when it is the requested version, without asking Hardhat", async () => {
      const { build, calls, logs } = await choose("always", { cached: true, hardhat: async () => NATIVE, projectVersion: VERSION });
      expect(build).to.deep.equal(PROJECT_BUILD);
      expect(calls).to.deep.equal([`longVersion ${PROJECT_SOLJSON}`]);
      expect(logs).to.deep.equal([]);
    });

    it("uses solcjs installed from npm earlier when the project's solc is another version", async () => {
      const { build, calls } = await choose("always", { projectVersion: "0.8.26", installed: FROM_NPM });
      expect(build).to.equal(FROM_NPM);
      expect(calls).to.deep.equal([]);
    });

    it("fetches solcjs from npm when it has no copy of that version", async () => {
      const { build, calls } = await choose("always", { projectVersion: "0.8.26", npm: async () => FROM_NPM });
      expect(build).to.equal(FROM_NPM);
      expect(calls).to.deep.equal(["npm"]);
    });

    it("names both fixes when the version is neither installed nor on the registry", async () => {
      expect(await failureOf("always", { projectVersion: "0.8.26" })).to.equal(
        'fevm.solcjs is "always" but the project\'s solc package is version 0.8.26, and solc 0.8.30 could not be ' +
          "fetched from the npm registry (no registry in this world): install it with `npm i -D solc@0.8.30` " +
          "or set solidity.version to 0.8.26",
      );
      expect(await failureOf("always", {})).to.equal(
        'fevm.solcjs is "always" but the project\'s solc package is not installed, and solc 0.8.30 could not be ' +
          "fetched from the npm registry (no registry in this world): install it with `npm i -D solc@0.8.30`",
      );
    });
  });

  describe('fevm.solcjs = "fallback" (the default)', () => {
    it("uses Hardhat's compiler when it is in Hardhat's cache", async () => {
      const { build, calls } = await choose("fallback", { cached: true, hardhat: async () => NATIVE, projectVersion: VERSION });
      expect(build).to.equal(NATIVE);
      expect(calls).to.deep.equal(["isInHardhatCache", "hardhat"]);
    });

    it("never tries a download when the project's solc package is the requested version", async () => {
      const { build, calls, logs } = await choose("fallback", { hardhat: async () => NATIVE, projectVersion: VERSION });
      expect(build).to.deep.equal(PROJECT_BUILD);
      expect(calls).not.to.include("hardhat");
      expect(logs).to.deep.equal([
        "solc 0.8.30 is not in Hardhat's compiler cache: compiling with the project's solc package (solcjs) instead of downloading it",
      ]);
    });

    it("never tries a download when solcjs of that version was fetched from npm earlier", async () => {
      const { build, calls, logs } = await choose("fallback", { hardhat: async () => NATIVE, installed: FROM_NPM });
      expect(build).to.equal(FROM_NPM);
      expect(calls).to.deep.equal(["isInHardhatCache"]);
      expect(logs).to.deep.equal([
        "solc 0.8.30 is not in Hardhat's compiler cache: compiling with solcjs 0.8.30, fetched earlier from the npm registry",
      ]);
    });

    it("lets Hardhat download a version it has no local copy of", async () => {
      const { build, calls } = await choose("fallback", { hardhat: async () => NATIVE, projectVersion: "0.8.26", npm: async () => FROM_NPM });
      expect(build).to.equal(NATIVE);
      expect(calls).to.deep.equal(["isInHardhatCache", "hardhat"]);
    });

    it("fetches solcjs from npm when Hardhat's download fails, and says why", async () => {
      const { build, calls, logs } = await choose("fallback", { hardhat: () => Promise.reject(downloadError()), npm: async () => FROM_NPM });
      expect(build).to.equal(FROM_NPM);
      expect(calls).to.deep.equal(["isInHardhatCache", "hardhat", "npm"]);
      expect(logs).to.deep.equal([
        "solc 0.8.30 is not in Hardhat's cache and could not be downloaded (HH502: Couldn't download compiler version " +
          "list. getaddrinfo ENOTFOUND binaries.soliditylang.org): compiling with solcjs 0.8.30 from the npm registry",
      ]);
    });

    it("falls back to the project's solc package when Hardhat's cached compiler fails", async () => {
      const { build, calls, logs } = await choose("fallback", {
        cached: true,
        hardhat: () => Promise.reject(new Error("WASM build of solc 0.8.30 isn't working")),
        projectVersion: VERSION,
      });
      expect(build).to.deep.equal(PROJECT_BUILD);
      expect(calls.filter((c) => c === "hardhat")).to.have.length(1);
      expect(logs[0]).to.equal(
        "solc 0.8.30 is in Hardhat's cache but failed (WASM build of solc 0.8.30 isn't working): " +
          "compiling with the project's solc package (solcjs) instead of downloading it",
      );
    });

    it("explains both failures and names the fixes when no source has the version", async () => {
      expect(
        await failureOf("fallback", { hardhat: () => Promise.reject(downloadError()), projectVersion: "0.8.26" }),
      ).to.equal(
        "solc 0.8.30 is not in Hardhat's cache and could not be downloaded (HH502: Couldn't download compiler version " +
          "list. getaddrinfo ENOTFOUND binaries.soliditylang.org), nor could it be fetched from the npm registry " +
          "(no registry in this world): install it with `npm i -D solc@0.8.30` or set solidity.version to 0.8.26",
      );
    });
  });
});

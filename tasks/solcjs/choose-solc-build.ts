import { HardhatPluginError } from "hardhat/plugins";
import type { SolcBuild } from "hardhat/types/builtin-tasks";
import type { SolcjsMode } from "../../src/config/types";
import type { ProjectSolc } from "./project-solc";

const PLUGIN_NAME = "hardhat-fevm";

/** Where a compiler can come from; passed in so every path can be exercised offline. */
export interface SolcBuildSources {
  /** Hardhat's own get-build subtask: its compilers cache, else a download. */
  hardhat(): Promise<SolcBuild>;
  /** Whether `hardhat()` can answer from the cache alone (no network). */
  isInHardhatCache(): Promise<boolean>;
  /** The project's own `solc` package, whatever its version. */
  projectSolc(): ProjectSolc | undefined;
  longVersion(soljsonPath: string): Promise<string>;
  /** solcjs of the requested version that `npm()` installed in an earlier run (no network). */
  installedNpm(): Promise<SolcBuild | undefined>;
  /** solcjs of the requested version from the npm registry. */
  npm(): Promise<SolcBuild>;
  log(line: string): void;
}

/**
 * Picks the compiler for `version`:
 * - "never": Hardhat's own behaviour.
 * - "always": the project's solc package if it is that version, else solcjs from npm (installed
 *   once into Hardhat's compilers cache).
 * - "fallback": Hardhat's cached compiler if there is one; else, without trying a download (in
 *   an air-gapped network one can hang for minutes), the project's solc package of that version
 *   or the solcjs installed from npm earlier; else Hardhat's download; else solcjs from npm.
 */
export async function chooseSolcBuild(version: string, mode: SolcjsMode, sources: SolcBuildSources): Promise<SolcBuild> {
  if (mode === "never") return sources.hardhat();

  /** Why Hardhat's own way did not work, phrased to follow "solc <version> ". */
  let hardhatProblem: string | undefined;
  const cached = mode === "fallback" && (await sources.isInHardhatCache());
  if (cached) {
    try {
      return await sources.hardhat();
    } catch (e) {
      hardhatProblem = `is in Hardhat's cache but failed (${failureReason(e)})`;
    }
  }
  /** In "fallback" mode, says why solcjs is used (in "always" mode the user asked for it). */
  const usingSolcjs = (build: SolcBuild, source: string): SolcBuild => {
    if (mode === "fallback") {
      sources.log(`solc ${version} ${hardhatProblem ?? "is not in Hardhat's compiler cache"}: compiling with ${source}`);
    }
    return build;
  };

  const project = sources.projectSolc();
  if (project?.version === version) {
    const longVersion = await sources.longVersion(project.soljsonPath);
    const build = { version, longVersion, compilerPath: project.soljsonPath, isSolcJs: true };
    return usingSolcjs(build, "the project's solc package (solcjs) instead of downloading it");
  }

  const installed = await sources.installedNpm();
  if (installed !== undefined) {
    return usingSolcjs(installed, `solcjs ${version}, fetched earlier from the npm registry`);
  }

  if (mode === "fallback" && !cached) {
    try {
      return await sources.hardhat();
    } catch (e) {
      hardhatProblem = `is not in Hardhat's cache and could not be downloaded (${failureReason(e)})`;
    }
  }

  let fetched: SolcBuild;
  try {
    fetched = await sources.npm();
  } catch (e) {
    throw new HardhatPluginError(PLUGIN_NAME, unavailableMessage(version, mode, project, hardhatProblem, failureReason(e)));
  }
  return usingSolcjs(fetched, `solcjs ${version} from the npm registry`);
}

function unavailableMessage(
  version: string,
  mode: SolcjsMode,
  project: ProjectSolc | undefined,
  hardhatProblem: string | undefined,
  npmFailure: string,
): string {
  const problem =
    mode === "always"
      ? `fevm.solcjs is "always" but the project's solc package is ${project === undefined ? "not installed" : `version ${project.version}`}, ` +
        `and solc ${version} could not be fetched from the npm registry (${npmFailure})`
      : `solc ${version} ${hardhatProblem}, nor could it be fetched from the npm registry (${npmFailure})`;
  const otherVersion = project === undefined ? "" : ` or set solidity.version to ${project.version}`;
  return `${problem}: install it with \`npm i -D solc@${version}\`${otherVersion}`;
}

/** One line: HardhatErrors keep the network error that caused them in `parent`. */
function failureReason(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const parent = (e as { parent?: unknown }).parent ?? e.cause;
  const message = e.message.split("\n")[0];
  return parent instanceof Error ? `${message} ${parent.message.split("\n")[0]}` : message;
}

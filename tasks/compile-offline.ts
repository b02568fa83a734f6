import { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } from "hardhat/builtin-tasks/task-names";
import { subtask } from "hardhat/config";
import { getCompilersDir } from "hardhat/internal/util/global-dir";
import type { SolcBuild } from "hardhat/types/builtin-tasks";
import { chooseSolcBuild } from "./solcjs/choose-solc-build";
import { isInHardhatCompilerCache } from "./solcjs/hardhat-compiler-cache";
import { npmRegistryUrl } from "./solcjs/npm-registry";
import { installedNpmSolcjsBuild, npmSolcjsBuild } from "./solcjs/npm-solcjs";
import { findProjectSolc } from "./solcjs/project-solc";
import { soljsonLongVersion } from "./solcjs/soljson-version";

interface GetSolcBuildArgs {
  quiet: boolean;
  solcVersion: string;
}

/**
 * Overrides Hardhat's `compile:solidity:solc:get-build` so projects compile without
 * binaries.soliditylang.org, following `fevm.solcjs` (see chooseSolcBuild). Call it once while
 * the Hardhat config loads (the plugin's entry point does).
 */
export function registerOfflineCompile(): void {
  subtask<GetSolcBuildArgs>(
    TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD,
    async (args, hre, runSuper): Promise<SolcBuild> => {
      // `fevm` is resolved by the plugin's config extender; without it, behave as the default.
      const mode = hre.config.fevm?.solcjs ?? "fallback";
      const root = hre.config.paths.root;
      return chooseSolcBuild(args.solcVersion, mode, {
        hardhat: () => runSuper(args),
        isInHardhatCache: async () => isInHardhatCompilerCache(await getCompilersDir(), args.solcVersion),
        projectSolc: () => findProjectSolc(root),
        longVersion: soljsonLongVersion,
        installedNpm: async () => installedNpmSolcjsBuild(args.solcVersion, await getCompilersDir()),
        npm: async () => npmSolcjsBuild(args.solcVersion, await getCompilersDir(), await npmRegistryUrl(root)),
        log: (line) => logOnce(line, args.quiet),
      });
    },
  );
}

const logged = new Set<string>();

/** Parallel compile jobs of one version would otherwise repeat the same notice. */
function logOnce(line: string, quiet: boolean): void {
  if (quiet || logged.has(line)) return;
  logged.add(line);
  console.log(line);
}

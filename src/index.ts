import "./type-extensions";
import { extendEnvironment } from "hardhat/config";
import { HardhatPluginError, lazyObject } from "hardhat/plugins";
import type { EIP1193Provider, HardhatConfig, HardhatUserConfig, HttpNetworkConfig } from "hardhat/types";
import { FevmConfigError } from "./config/validate";
import { resolveFevmConfig } from "./config/resolve";
import { FEVM_IN_PROCESS_URL, filecoinNetworkConfig, mergePresets, realNetworkPresets } from "./config/presets";
import { createFevmHelpers } from "./helpers";
import { FevmProvider } from "./provider/provider";
import { artifactErrorLookup } from "./artifact-errors";
import "../tasks";

export { FevmProvider } from "./provider/provider";
export type { FevmConfig, FevmUserConfig } from "./config/types";
export type { FevmRuntimeHelpers } from "./helpers";

const PLUGIN_NAME = "hardhat-fevm";

// Hardhat's extender lists are internal API (stable across 2.x). We put ours first so that other
// plugins (gas reporter, Ignition) see the `filecoin` network and wrap its provider whatever the
// import order in hardhat.config.ts (spec hardhat-and-ethereumjs.md §1.3).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HardhatContext } = require("hardhat/internal/context");
const context = HardhatContext.getHardhatContext();

context.configExtenders.unshift((config: HardhatConfig, userConfig: Readonly<HardhatUserConfig>) => {
  try {
    config.fevm = resolveFevmConfig(userConfig.fevm);
    if (config.networks.filecoin === undefined) {
      config.networks.filecoin = filecoinNetworkConfig(config.fevm) as unknown as HttpNetworkConfig;
    }
    mergePresets(config.networks, userConfig.networks, realNetworkPresets(config.fevm));
  } catch (e) {
    if (e instanceof FevmConfigError) throw new HardhatPluginError(PLUGIN_NAME, e.message);
    throw e;
  }
});

context.providerExtenders.unshift((provider: EIP1193Provider, config: HardhatConfig, network: string) => {
  const net = config.networks[network] as HttpNetworkConfig;
  if (net.url !== FEVM_IN_PROCESS_URL) return provider;
  const fevm = config.fevm;
  return new FevmProvider({
    chainId: net.chainId ?? fevm.chainId,
    networkVersion: fevm.networkVersion,
    genesisTimestamp: fevm.genesisTimestamp === undefined ? undefined : BigInt(fevm.genesisTimestamp),
    mnemonic: fevm.accounts.mnemonic,
    accountCount: fevm.accounts.count,
    accountBalance: fevm.accounts.balance,
    logging: fevm.logging,
    miners: fevm.miners,
    storageProvider: fevm.storageProvider,
    errorAbis: artifactErrorLookup(config.paths.artifacts),
  }) as unknown as EIP1193Provider;
});

extendEnvironment((hre) => {
  hre.fevm = lazyObject(() => createFevmHelpers(() => hre.network.provider));
});

import "./type-extensions";
import { extendEnvironment } from "hardhat/config";
import { HardhatPluginError, lazyObject } from "hardhat/plugins";
import type { EIP1193Provider, HardhatConfig, HardhatUserConfig, HttpNetworkConfig } from "hardhat/types";
import { FevmConfigError } from "./config/validate";
import { resolveFevmConfig } from "./config/resolve";
import { withHardhatNetworkSettings } from "./config/hardhat-network";
import { FEVM_IN_PROCESS_URL, filecoinNetworkConfig, mergePresets, privateKeyIssue, realNetworkPresets } from "./config/presets";
import { createFevmHelpers } from "./helpers";
import { giveSignersFixedGas, loadedHardhatEthersSigners } from "./ethers-signer-gas";
import "../tasks";

/**
 * The emulator, loaded on first use: it pulls in @ethereumjs (about half a second), which a
 * project that never connects to `filecoin` should not pay for at start-up.
 */
export type FevmProvider = import("./provider/provider").FevmProvider;
export declare const FevmProvider: typeof import("./provider/provider").FevmProvider;
Object.defineProperty(exports, "FevmProvider", { enumerable: true, get: () => loadCore().FevmProvider });

/** The emulator and its options, required lazily (see FevmProvider above). */
function loadCore(): typeof import("./provider/provider") & typeof import("./config/provider-options") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { ...require("./provider/provider"), ...require("./config/provider-options") };
}
export type { FevmConfig, FevmUserConfig } from "./config/types";
export type { FevmRuntimeHelpers } from "./helpers";

const PLUGIN_NAME = "hardhat-fevm";

// Hardhat's extender lists are internal API (stable across 2.x). We put ours first so that other
// plugins (gas reporter, Ignition) see the `filecoin` network and wrap its provider whatever the
// import order in hardhat.config.ts (spec hardhat-and-ethereumjs.md §1.3).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HardhatContext } = require("hardhat/internal/context");
const context = HardhatContext.getHardhatContext();
/** The real-network presets added to this config (names the user did not define). */
const presetNetworks = new Set<string>();

context.configExtenders.unshift((config: HardhatConfig, userConfig: Readonly<HardhatUserConfig>) => {
  try {
    config.fevm = resolveFevmConfig(withHardhatNetworkSettings(userConfig.fevm, userConfig.networks?.hardhat));
    if (config.networks.filecoin === undefined) {
      config.networks.filecoin = filecoinNetworkConfig(config.fevm) as unknown as HttpNetworkConfig;
    }
    for (const name of mergePresets(config.networks, userConfig.networks, realNetworkPresets(config.fevm))) presetNetworks.add(name);
  } catch (e) {
    if (e instanceof FevmConfigError) throw new HardhatPluginError(PLUGIN_NAME, e.message);
    throw e;
  }
});

context.providerExtenders.unshift((provider: EIP1193Provider, config: HardhatConfig, network: string) => {
  // A malformed FEVM_PRIVATE_KEY matters only to the presets that sign with it, once one is used.
  const keyIssue = presetNetworks.has(network) ? privateKeyIssue() : undefined;
  if (keyIssue !== undefined) throw new HardhatPluginError(PLUGIN_NAME, keyIssue.message);
  const net = config.networks[network] as HttpNetworkConfig;
  if (net.url !== FEVM_IN_PROCESS_URL) return provider;
  const { FevmProvider: Emulator, fevmProviderOptions } = loadCore();
  return new Emulator(fevmProviderOptions(config.fevm, net.chainId, config.paths.artifacts)) as unknown as EIP1193Provider;
});

/** The numeric `gas` of the current network when it is the in-process one (read per signer). */
function inProcessFixedGas(): number | undefined {
  const net = context.environment?.network.config as Partial<HttpNetworkConfig> | undefined;
  return net?.url === FEVM_IN_PROCESS_URL && typeof net.gas === "number" ? net.gas : undefined;
}

extendEnvironment((hre) => {
  hre.fevm = lazyObject(() => createFevmHelpers(() => hre.network.provider));
  for (const signers of loadedHardhatEthersSigners(hre.config.paths.root)) giveSignersFixedGas(signers, inProcessFixedGas);
});

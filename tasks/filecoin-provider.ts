import { HardhatPluginError } from "hardhat/plugins";
import type { EthereumProvider, HardhatRuntimeEnvironment } from "hardhat/types";
import { HardhatContext } from "hardhat/internal/context";
import { createProvider } from "hardhat/internal/core/providers/construction";
import { FEVM_IN_PROCESS_URL } from "../src/config/presets";

const PLUGIN_NAME = "hardhat-fevm";
const FILECOIN_NETWORK = "filecoin";

/** Whether the selected network is the in-process Filecoin network. */
export function isInProcessNetwork(hre: HardhatRuntimeEnvironment): boolean {
  return "url" in hre.network.config && hre.network.config.url === FEVM_IN_PROCESS_URL;
}

/**
 * The provider of the `filecoin` network: the current one when it is that network, else built
 * the way `--network filecoin` builds it (the plugin's provider extender), as `hardhat node`
 * builds the `hardhat` network when another one is selected.
 */
export async function filecoinProvider(hre: HardhatRuntimeEnvironment, task: string): Promise<EthereumProvider> {
  if (isInProcessNetwork(hre)) return hre.network.provider;
  if (hre.hardhatArguments.network !== undefined) {
    throw new HardhatPluginError(
      PLUGIN_NAME,
      `${task} works on the in-process Filecoin network, not "${hre.network.name}". ` +
        `Run it without --network (or with --network ${FILECOIN_NETWORK}).`,
    );
  }
  const filecoin = hre.config.networks[FILECOIN_NETWORK];
  if (filecoin === undefined || !("url" in filecoin) || filecoin.url !== FEVM_IN_PROCESS_URL) {
    throw new HardhatPluginError(
      PLUGIN_NAME,
      `networks.${FILECOIN_NETWORK} in your Hardhat config replaces the in-process Filecoin network, so ${task} has ` +
        `no network to work on. Rename that network to keep both.`,
    );
  }
  const { providerExtenders } = HardhatContext.getHardhatContext();
  return createProvider(hre.config, FILECOIN_NETWORK, hre.artifacts, providerExtenders);
}

import { realNetworkPresets } from "../config/presets";
import type { FevmConfig } from "../config/types";
import type { Hardhat3NetworkConfig, Hardhat3UserNetworkConfig } from "./hardhat3-types";

export const FILECOIN_NETWORK = "filecoin";

/**
 * The `filecoin` network as Hardhat 3 user config. It is typed `edr-simulated` because other
 * plugins treat that type as "a fresh local chain per connection" (Ignition keeps no on-disk
 * journal for it, hardhat-ethers signs with the mnemonic's keys); our `onRequest` handler answers
 * every request of the connection, so Hardhat's own simulator is created but never consulted.
 * The accounts repeat the emulator's, for plugins that derive keys from the config.
 */
export function filecoinUserNetwork(fevm: FevmConfig): Hardhat3UserNetworkConfig {
  return {
    type: "edr-simulated",
    chainType: "l1",
    chainId: fevm.chainId,
    accounts: Array.isArray(fevm.accounts)
      ? fevm.accounts.map((account) => ({ ...account }))
      : { mnemonic: fevm.accounts.mnemonic, count: fevm.accounts.count, accountsBalance: fevm.accounts.balance },
    inProcessFevm: true,
  };
}

/** `calibration` and `filecoin-mainnet` (see realNetworkPresets) as Hardhat 3 HTTP networks. */
export function realUserNetworks(fevm: FevmConfig): Record<string, Hardhat3UserNetworkConfig> {
  return Object.fromEntries(
    Object.entries(realNetworkPresets(fevm)).map(([name, preset]) => [
      name,
      { type: "http", chainType: "l1", url: preset.url, chainId: preset.chainId, accounts: preset.accounts, fevmPreset: true },
    ]),
  );
}

export function isInProcessFevm(networkConfig: Hardhat3NetworkConfig): boolean {
  return networkConfig.inProcessFevm === true;
}

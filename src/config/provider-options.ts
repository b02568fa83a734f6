import { artifactErrorLookup } from "../artifact-errors";
import type { FevmProviderOptions } from "../provider/provider";
import type { FevmConfig } from "./types";

/**
 * The emulator's options for a network resolved from the `fevm` config: what both Hardhat
 * adapters (2 and 3) pass to `new FevmProvider`. A network's own chain id wins over `fevm.chainId`.
 */
export function fevmProviderOptions(
  fevm: FevmConfig,
  networkChainId: number | undefined,
  artifactsDir: string,
): FevmProviderOptions {
  return {
    chainId: networkChainId ?? fevm.chainId,
    networkVersion: fevm.networkVersion,
    genesisTimestamp: fevm.genesisTimestamp === undefined ? undefined : BigInt(fevm.genesisTimestamp),
    ...(Array.isArray(fevm.accounts)
      ? { keyAccounts: fevm.accounts }
      : { mnemonic: fevm.accounts.mnemonic, accountCount: fevm.accounts.count, accountBalance: fevm.accounts.balance }),
    logging: fevm.logging,
    warnOnTimeRounding: fevm.warnOnTimeRounding,
    allowUnlimitedContractSize: fevm.allowUnlimitedContractSize,
    mining: fevm.mining,
    miners: fevm.miners,
    verifregRootKey: fevm.verifregRootKey,
    storageProvider: fevm.storageProvider,
    errorAbis: artifactErrorLookup(artifactsDir),
  };
}

import { defaultStorageProviderConfig } from "../sp/config";
import type { FevmConfig, FevmMnemonicAccounts } from "./types";

/** Hardhat's own default mnemonic, so `filecoin` signers match the `hardhat` network's. */
export const HARDHAT_DEFAULT_MNEMONIC = "test test test test test test test test test test test junk";

/** Chain id of Filecoin local devnets (Lotus `2k` builds use it too). */
export const LOCAL_DEVNET_CHAIN_ID = 31415926;

/** Network versions whose FEVM rules the emulator knows: nv18 brought the FEVM, nv28 is newest. */
export const NETWORK_VERSIONS = { min: 18, max: 28 } as const;

/**
 * Gas limit Hardhat 2.29 gives sends on its own network: min(EIP-7825's 2^24 transaction cap,
 * its 60M block gas limit). Well inside Filecoin's 10B block gas limit.
 */
export const HARDHAT_DEFAULT_TX_GAS = 16_777_216;

const ATTO_PER_FIL = 10n ** 18n;

/** Hardhat's default accounts: 20 of its mnemonic, 10,000 FIL each. */
export function defaultMnemonicAccounts(): FevmMnemonicAccounts {
  return { mnemonic: HARDHAT_DEFAULT_MNEMONIC, count: 20, balance: 10_000n * ATTO_PER_FIL };
}

/** A fresh resolved config with every default (fresh arrays/objects: callers may mutate). */
export function defaultFevmConfig(): FevmConfig {
  return {
    chainId: LOCAL_DEVNET_CHAIN_ID,
    networkVersion: NETWORK_VERSIONS.max,
    genesisTimestamp: undefined,
    accounts: defaultMnemonicAccounts(),
    preset: undefined,
    miners: [],
    verifregRootKey: undefined,
    storageProvider: defaultStorageProviderConfig(),
    logging: false,
    gas: HARDHAT_DEFAULT_TX_GAS,
    allowUnlimitedContractSize: false,
    mining: { auto: true, interval: 0 },
    warnOnTimeRounding: true,
    solcjs: "fallback",
    calibrationUrl: undefined,
    mainnetUrl: undefined,
  };
}

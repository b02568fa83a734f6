import type { StorageProviderConfig } from "../sp/config";

/** The `fevm` key of hardhat.config.ts, as the user writes it (every field optional). */
export interface FevmUserConfig {
  /** Chain id of the in-process `filecoin` network (default 31415926, Filecoin local devnets). */
  chainId?: number;
  /** Filecoin network version whose FEVM rules apply (18–28, default 28). */
  networkVersion?: number;
  /** Unix seconds of epoch 0; block timestamp = genesisTimestamp + 30 × epoch. Default: now. */
  genesisTimestamp?: number;
  accounts?: {
    mnemonic?: string;
    count?: number;
    /** attoFIL per account, as bigint, decimal string or number. */
    balance?: bigint | string | number;
  };
  /** Storage providers created at genesis (the miner actor arrives with the actors issues). */
  miners?: FevmMinerUserConfig[];
  /**
   * The simulated storage provider: `enabled` (serve from genesis), `miners` (actor ids; default
   * every genesis miner) and its policy (see SpPolicy: maxPricePerEpoch, minPieceSize,
   * maxPieceSize, verifiedOnly, allowClients, denyClients, capacityBytes, sealingDelay).
   */
  storageProvider?: Record<string, unknown>;
  /** Print every JSON-RPC call and mined transaction, like `hardhat node` does. */
  logging?: boolean;
  /**
   * When to compile with the `solc` npm package (solcjs) instead of a downloaded native solc:
   * "fallback" (default) when Hardhat cannot download the compiler, "always", or "never".
   */
  solcjs?: SolcjsMode;
  /** URLs of the real-network presets (else FEVM_CALIBRATION_RPC / FEVM_MAINNET_RPC). */
  calibrationUrl?: string;
  mainnetUrl?: string;
}

export type SolcjsMode = "fallback" | "always" | "never";

export interface FevmMinerUserConfig {
  owner?: string;
  worker?: string;
  sectorSize?: number | bigint;
  peerId?: string;
  multiaddrs?: string[];
}

/** The resolved `fevm` config: every default filled in and validated. */
export interface FevmConfig {
  chainId: number;
  networkVersion: number;
  /** undefined = the wall clock when the network starts. */
  genesisTimestamp: number | undefined;
  accounts: { mnemonic: string; count: number; balance: bigint };
  miners: FevmMinerUserConfig[];
  storageProvider: StorageProviderConfig;
  logging: boolean;
  solcjs: SolcjsMode;
  calibrationUrl: string | undefined;
  mainnetUrl: string | undefined;
}

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
  /**
   * Genesis matching another network. "lotus-devnet": a Lotus 2 KiB devnet — miner t01000 with
   * 2 KiB sectors and two pre-sealed sectors (4 KiB of power), unless `miners` says otherwise.
   */
  preset?: FevmPreset;
  /** Storage providers created at genesis: t01000, t01001, … */
  miners?: FevmMinerUserConfig[];
  /** Policy of the simulated deal engine. */
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

export type FevmPreset = "lotus-devnet";

export interface FevmMinerUserConfig {
  owner?: string;
  worker?: string;
  sectorSize?: number | bigint;
  peerId?: string;
  multiaddrs?: string[];
  /** Committed-capacity sectors proven at genesis, with their power (as Lotus pre-seals them). */
  presealSectors?: number;
}

/** The resolved `fevm` config: every default filled in and validated. */
export interface FevmConfig {
  chainId: number;
  networkVersion: number;
  /** undefined = the wall clock when the network starts. */
  genesisTimestamp: number | undefined;
  accounts: { mnemonic: string; count: number; balance: bigint };
  /** Also read by the verified registry for its root key (a devnet default for "lotus-devnet"). */
  preset: FevmPreset | undefined;
  miners: FevmMinerUserConfig[];
  storageProvider: Record<string, unknown>;
  logging: boolean;
  solcjs: SolcjsMode;
  calibrationUrl: string | undefined;
  mainnetUrl: string | undefined;
}

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
  /**
   * Genesis matching another network. "lotus-devnet": a Lotus 2 KiB devnet — miner t01000 with
   * 2 KiB sectors and two pre-sealed sectors (4 KiB of power), unless `miners` says otherwise.
   */
  preset?: FevmPreset;
  /** Storage providers created at genesis: t01000, t01001, … */
  miners?: FevmMinerUserConfig[];
  /** The verified registry's root key, any address form (default t080, where Lotus devnets put it). */
  verifregRootKey?: string;
  /**
   * The simulated storage provider: `enabled` (serve from genesis), `miners` (actor ids; default
   * every genesis miner) and its policy (see SpPolicy: maxPricePerEpoch, minPieceSize,
   * maxPieceSize, verifiedOnly, allowClients, denyClients, capacityBytes, sealingDelay, and the
   * random fault model faultRate, faultSeed, faultDuration).
   */
  storageProvider?: Record<string, unknown>;
  /** Print every JSON-RPC call and mined transaction, like `hardhat node` does. */
  logging?: boolean;
  /**
   * Gas limit of a send that names none (ethers signers, raw eth_sendTransaction), as Hardhat's
   * network gives one: default 16,777,216 like Hardhat's; "auto" estimates each send first.
   */
  gas?: number | "auto";
  /**
   * Lift the FEVM's 24 KiB limit on deployed code, as Hardhat's `allowUnlimitedContractSize`
   * does (default false: such a contract cannot be deployed on Calibration or mainnet).
   */
  allowUnlimitedContractSize?: boolean;
  /**
   * Hardhat's `mining` network config: `auto` (default true) mines each transaction at once;
   * `interval` (ms, or [min, max] ms; default 0 = off) mines a block that often.
   */
  mining?: { auto?: boolean; interval?: number | [number, number] };
  /** Print one line (once per run) when a time helper's target is rounded up to the 30 s epoch grid (default true). */
  warnOnTimeRounding?: boolean;
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
  verifregRootKey: string | undefined;
  storageProvider: StorageProviderConfig;
  logging: boolean;
  gas: number | "auto";
  allowUnlimitedContractSize: boolean;
  mining: { auto: boolean; interval: number | [number, number] };
  warnOnTimeRounding: boolean;
  solcjs: SolcjsMode;
  calibrationUrl: string | undefined;
  mainnetUrl: string | undefined;
}

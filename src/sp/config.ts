/** How the simulated storage provider starts, from `fevm.storageProvider`. */
import type { SpPolicy } from "./policy";

export interface StorageProviderConfig {
  /** Serve from genesis (default false: start it with fevm_sp_start / hre.fevm.storageProvider.start()). */
  enabled: boolean;
  /** Miner actor ids it serves with; empty = every genesis miner (fevm.miners). */
  miners: bigint[];
  /** Policy options given (the rest keep their defaults). */
  policy: Partial<SpPolicy>;
}

export const defaultStorageProviderConfig = (): StorageProviderConfig => ({ enabled: false, miners: [], policy: {} });

/** Builtin singleton actor ids (builtin-actors runtime/src/builtin/singletons.rs). */
export const SingletonId = {
  System: 0n,
  Init: 1n,
  Reward: 2n,
  Cron: 3n,
  Power: 4n,
  Market: 5n,
  VerifiedRegistry: 6n,
  DataCap: 7n,
  EthereumAddressManager: 10n,
  BurntFunds: 99n,
} as const;

/** Lotus devnet genesis: accounts from 100, miners from 1000 (lotus chain/gen/genesis/genesis.go). */
export const FIRST_NON_SINGLETON_ID = 100n;
export const FIRST_GENESIS_MINER_ID = 1000n;

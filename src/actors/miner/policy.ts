/** Miner policy constants (builtin-actors runtime/src/runtime/policy.rs, mainnet values). */
export const MAX_CONTROL_ADDRESSES = 10;
export const MAX_PEER_ID_LENGTH = 128;
export const MAX_MULTIADDR_DATA = 1024;
/** WORKER_KEY_CHANGE_DELAY = CHAIN_FINALITY: epochs before a new worker key can be confirmed. */
export const WORKER_KEY_CHANGE_DELAY = 900n;

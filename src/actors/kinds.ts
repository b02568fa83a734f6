/** The actor code an id is bound to: decides how a send to it is handled. */
export type ActorKind =
  | "system"
  | "init"
  | "reward"
  | "cron"
  | "power"
  | "market"
  | "verifreg"
  | "datacap"
  | "eam"
  /** f1/f3 key account; also the keyless burnt-funds account f099. */
  | "account"
  /** Ethereum EOA with an f410 address. */
  | "ethaccount"
  /** Unbound f410 address that received funds; accepts every call. */
  | "placeholder"
  /** EVM smart contract. */
  | "evm"
  | "miner";

export const ACTOR_KINDS: readonly ActorKind[] = [
  "system", "init", "reward", "cron", "power", "market", "verifreg", "datacap", "eam",
  "account", "ethaccount", "placeholder", "evm", "miner",
];

/** Kinds whose actor lives at an Ethereum (f410) address: the EVM sees them by their 0x address. */
export function hasEthAddress(kind: ActorKind): boolean {
  return kind === "ethaccount" || kind === "placeholder" || kind === "evm";
}

import type { Chain } from "../chain/chain";
import type { StorageProviderEngine } from "../sp/engine";
import { invalidInput } from "./errors";
import type { BlockTag } from "./params";
import type { BlockView } from "../chain/block-store";

/** Everything a JSON-RPC method handler may use. */
export interface MethodContext {
  chain: Chain;
  /** The simulated storage provider bound to `chain`. */
  storageProvider: StorageProviderEngine;
  chainId: number;
  /** Owned accounts in eth_accounts order, with their private keys. */
  accounts: { address: string; privateKey: Uint8Array }[];
  impersonated: Set<string>;
  /** Random id that changes on hardhat_reset (hardhat_metadata.instanceId). */
  instanceId: string;
  clientVersion: string;
  /** Prints console.log lines from contracts (and logging output). */
  print(line: string): void;
  printConsoleLogs(inputs: Uint8Array[]): void;
  loggingEnabled: boolean;
  /** Provider events: "notification", "hardhatNetworkReset", "hardhatNetworkRevertSnapshot". */
  emit(event: string, payload?: unknown): void;
  /** Replaces the chain with a fresh genesis. */
  reset(): Promise<void>;
  /** Called after a block is mined (filters, subscriptions, interval bookkeeping). */
  onBlockMined(block: BlockView): void;
  /** Starts/stops interval mining; [min, max] ms or 0 to stop. */
  setIntervalMining(range: [number, number] | 0): void;
  /**
   * Called when a time cheatcode's target is not on the 30 s epoch grid and the next block
   * lands later (`landed`, at `epoch`); prints a notice once per provider unless silenced.
   */
  timeRounded(requested: bigint, landed: bigint, epoch: bigint): void;
  /** Error ABIs known from the project's artifacts, to name custom errors in messages. */
  errorAbis?: import("./revert-message").ErrorAbiLookup;
}

export type MethodHandler = (ctx: MethodContext, params: unknown[]) => Promise<unknown> | unknown;
export type MethodTable = Record<string, MethodHandler>;

/** Resolves a block parameter to a block of the chain, or the "invalid block tag" error Hardhat gives. */
export function resolveBlock(ctx: MethodContext, tag: BlockTag): BlockView {
  const chain = ctx.chain;
  if (tag.kind === "latest" || tag.kind === "pending") return chain.latestBlock();
  if (tag.kind === "hash") {
    const b = chain.blockByHash(tag.hash);
    if (!b) throw invalidInput(`Header for hash ${tag.hash} not found`);
    return b;
  }
  const b = chain.blockByNumber(tag.number);
  if (!b) throw invalidInput(`Received invalid block tag ${tag.number}. Latest block number is ${chain.latestNumber()}`);
  return b;
}

export function isOwnedOrImpersonated(ctx: MethodContext, address: string): boolean {
  const a = address.toLowerCase();
  return ctx.impersonated.has(a) || ctx.accounts.some((x) => x.address === a);
}

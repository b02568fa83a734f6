import type { Address } from "@ethereumjs/util";
import type { FevmEVM } from "../evm/fevm-evm";
import { delegatedAddress, EAM_ACTOR_ID } from "../fil";
import type { ActorKind } from "./kinds";
import { installGenesisMiners, type GenesisMinerOptions } from "./miner/genesis";
import { DEVNET_ROOT_KEY_ID } from "./verifreg/policy";
import { FIRST_GENESIS_MINER_ID, FIRST_NON_SINGLETON_ID, SingletonId } from "./singletons";

const SINGLETON_KINDS: [bigint, ActorKind][] = [
  [SingletonId.System, "system"],
  [SingletonId.Init, "init"],
  [SingletonId.Reward, "reward"],
  [SingletonId.Cron, "cron"],
  [SingletonId.Power, "power"],
  [SingletonId.Market, "market"],
  [SingletonId.VerifiedRegistry, "verifreg"],
  [SingletonId.DataCap, "datacap"],
  [SingletonId.EthereumAddressManager, "eam"],
  // Burnt funds is a keyless account: sends to it succeed and the FIL is gone for good.
  [SingletonId.BurntFunds, "account"],
  // The verified registry's root key (a multisig on Lotus devnets; here keyless, driven by test control).
  [DEVNET_ROOT_KEY_ID, "account"],
];

/**
 * The actors of a fresh Lotus devnet (lotus chain/gen/genesis): the singletons, then the genesis
 * accounts from id 100 (here: the Hardhat accounts, as EthAccounts with their f410 addresses);
 * the genesis miners from 1000 in config order (with what they need); then the EthAccount of the
 * Ethereum zero address (ETH0, SetupEthNullAddresses) at the next id. Later actors follow it.
 */
export async function installGenesisActors(evm: FevmEVM, accounts: Address[], miners: readonly GenesisMinerOptions[] = []): Promise<void> {
  const registry = evm.actors;
  for (const [id, kind] of SINGLETON_KINDS) await registry.put({ id, kind });
  let id = FIRST_NON_SINGLETON_ID;
  for (const account of accounts) {
    await registry.put({ id: id++, kind: "ethaccount", address: delegatedAddress(EAM_ACTOR_ID, account.bytes) });
  }
  await registry.reserveIdsBelow(FIRST_GENESIS_MINER_ID);
  await installGenesisMiners(evm, miners, accounts[0]);
  await registry.create("ethaccount", delegatedAddress(EAM_ACTOR_ID, new Uint8Array(20)));
}

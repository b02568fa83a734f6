import { accountActor, ethAccountActor } from "./account/methods";
import type { ActorDefinition } from "./definition";
import { dataCapActor } from "./datacap/methods";
import type { ActorKind } from "./kinds";
import { minerActor } from "./miner/methods";
import { initActor } from "./init/methods";
import { marketActor } from "./market/methods";
import { powerActor } from "./power/methods";
import { rewardActor } from "./reward/methods";
import { placeholderActor } from "./placeholder/methods";
import { verifRegActor } from "./verifreg/methods";

/**
 * The native actors the emulator runs, by kind. Adding an actor means adding a folder with its
 * method table and listing it here. Kinds without an entry (yet) answer every method with 22.
 */
const DEFINITIONS: Partial<Record<ActorKind, ActorDefinition>> = {
  account: accountActor,
  ethaccount: ethAccountActor,
  placeholder: placeholderActor,
  market: marketActor,
  miner: minerActor,
  datacap: dataCapActor,
  verifreg: verifRegActor,
  init: initActor,
  power: powerActor,
  reward: rewardActor,
};

const NAMES: Record<ActorKind, string> = {
  system: "system", init: "init", reward: "reward", cron: "cron", power: "power", market: "market",
  verifreg: "verified registry", datacap: "DataCap", eam: "Ethereum Address Manager", account: "account",
  ethaccount: "EthAccount", placeholder: "Placeholder", evm: "EVM", miner: "miner",
};

export function actorDefinition(kind: ActorKind): ActorDefinition {
  return DEFINITIONS[kind] ?? { kind, name: NAMES[kind], methods: new Map() };
}

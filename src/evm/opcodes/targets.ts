import { hasEthAddress, type ActorKind } from "../../actors/kinds";
import { stateAddressOf, type ActorRecord } from "../../actors/registry";
import type { RunState } from "./base-table";
import { addressToWord, fevmOf, maskedIdOfWord, replaceStackItem } from "./frame";

/**
 * How the EVM actor treats an actor it calls or inspects (builtin-actors instructions/ext.rs
 * `ContractType`): contracts run code; key accounts, EthAccounts and Placeholders accept every
 * call doing nothing; everything else is a native actor (market, miner, power, …).
 */
export type ActorRole = "evm" | "account" | "native";

export function roleOf(kind: ActorKind): ActorRole {
  if (kind === "evm") return "evm";
  if (kind === "account" || kind === "ethaccount" || kind === "placeholder") return "account";
  return "native";
}

/** A masked-id address (0xff00…00 ‖ id) whose actor has no 0x form, or does not exist. */
export interface MaskedTarget {
  id: bigint;
  actor: ActorRecord | undefined;
}

/**
 * Resolves the address `depth` places below the stack top the way the FVM resolves a send target.
 * A masked id of an actor that lives at a 0x address (contract, EthAccount, Placeholder) is
 * replaced by that address, so Ethereum's handler runs against the actor's own account and the
 * callee's ADDRESS is its 0x form. Returns the masked ids the EVM must handle itself: native and
 * key-account actors, and ids of no actor; undefined when Ethereum's handler applies.
 */
export async function resolveStackTarget(runState: RunState, depth: number): Promise<MaskedTarget | undefined> {
  const id = maskedIdOfWord(runState.stack.peek(depth + 1)[depth]);
  if (id === undefined) return undefined;
  const actor = await fevmOf(runState).actors.get(id);
  if (actor && hasEthAddress(actor.kind)) {
    replaceStackItem(runState, depth, addressToWord(stateAddressOf(actor)));
    return undefined;
  }
  return { id, actor };
}

/**
 * What the market needs from the runtime beyond `Invocation`: address resolution as the FVM
 * does it, caller validation, and the read-only rule for state transactions.
 */
import type { FevmEVM } from "../../evm/fevm-evm";
import { ExitCode, formatAddress, Protocol, type FilecoinAddress } from "../../fil";
import type { Invocation } from "../definition";
import type { ActorKind } from "../kinds";
import { ActorAbort } from "../outcome";
import { MarketState } from "./state";

/**
 * `rt.resolve_address`: an ID address resolves to its id without an existence check (the FVM
 * does not look it up); other addresses through the address table.
 */
export async function resolveAddress(evm: FevmEVM, address: FilecoinAddress): Promise<bigint | undefined> {
  if (address.protocol === Protocol.ID) return address.id;
  return evm.actors.lookupId(address);
}

/** The kind of code at an id, if an actor exists there (`get_actor_code_cid`). */
export async function actorKind(evm: FevmEVM, id: bigint): Promise<ActorKind | undefined> {
  return (await evm.actors.get(id))?.kind;
}

export function marketState(inv: Invocation): MarketState {
  return new MarketState(inv.evm.stateManager);
}

/** `validate_immediate_caller_type`: 18 unless the caller's code is `kind`. */
export function requireCallerKind(inv: Invocation, kind: ActorKind, method: string): void {
  if (inv.caller.kind !== kind) {
    throw new ActorAbort(ExitCode.USR_FORBIDDEN, `${method} may only be called by a ${kind} actor; caller f0${inv.caller.id} is a ${inv.caller.kind} actor`);
  }
}

/** `validate_immediate_caller_is`: 18 unless the caller is one of `allowed`. */
export function requireCallerIn(inv: Invocation, allowed: readonly FilecoinAddress[], method: string): void {
  if (allowed.some((a) => a.protocol === Protocol.ID && a.id === inv.caller.id)) return;
  const names = allowed.map((a) => formatAddress(a, "t")).join(", ");
  throw new ActorAbort(ExitCode.USR_FORBIDDEN, `${method}: caller t0${inv.caller.id} is not one of the permitted callers (${names})`);
}

/**
 * Closes a state transaction: a read-only invocation may not write state (the FVM refuses the
 * new state root with 25); the enclosing send rolls back whatever was written.
 */
export function commitTransaction(inv: Invocation, method: string): void {
  if (inv.readOnly) throw new ActorAbort(ExitCode.USR_READ_ONLY, `${method} changes market state and cannot run in a read-only call (STATICCALL or READ_ONLY flag)`);
}

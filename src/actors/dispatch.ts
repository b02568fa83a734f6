/**
 * How builtin actors dispatch a method (builtin-actors `runtime/src/dispatch.rs`,
 * `restrict_internal_api`): internal methods (< 2^24) refuse EVM callers with 18, a method with
 * parameters called without any is 16, parameters of the wrong shape are 21, returns are CBOR and
 * unit methods return nothing.
 */
import { ExitCode, FIRST_EXPORTED_METHOD_NUMBER, type CborEncodable, type CborValue } from "../fil";
import type { ActorMethod, Invocation, MethodHandler } from "./definition";
import { ActorAbort } from "./outcome";
import { cborBlock, decodeParams, expectNoParams } from "./runtime";

export type Body<P> = (inv: Invocation, params: P) => Promise<CborEncodable | null>;

const respond = (value: CborEncodable | null) => (value === null ? null : cborBlock(value));

function restrictInternal(inv: Invocation): void {
  if (inv.method < FIRST_EXPORTED_METHOD_NUMBER && inv.caller.kind === "evm") {
    throw new ActorAbort(ExitCode.USR_FORBIDDEN, `caller t0${inv.caller.id} of method ${inv.method} must be built-in: contracts may only call exported (FRC-42) methods`);
  }
}

export function withParams<P>(name: string, read: (value: CborValue) => P, body: Body<P>): MethodHandler {
  return async (inv) => {
    restrictInternal(inv);
    return respond(await body(inv, decodeParams(inv, name, read)));
  };
}

export function withoutParams(name: string, body: (inv: Invocation) => Promise<CborEncodable | null>): MethodHandler {
  return async (inv) => {
    restrictInternal(inv);
    expectNoParams(inv, name);
    return respond(await body(inv));
  };
}

/** Method numbers (internal and exported twins) → handler, as `actor_dispatch!` lists them. */
export type MethodEntry = [numbers: bigint[], name: string, handler: MethodHandler];

export function methodTable(entries: readonly MethodEntry[]): ReadonlyMap<bigint, ActorMethod> {
  return new Map(entries.flatMap(([numbers, name, handler]) => numbers.map((n): [bigint, ActorMethod] => [n, { name, handler }])));
}

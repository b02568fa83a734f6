import type { CborEncodable, CborValue } from "../fil";
import type { ActorMethod, Invocation, MethodHandler } from "./definition";
import { cborBlock, decodeParams, expectNoParams } from "./runtime";

/** A method body: CBOR to return, or null for a unit method (codec 0, no data). */
type Body<P> = (inv: Invocation, params: P) => Promise<CborEncodable | null>;

const respond = (value: CborEncodable | null) => (value === null ? null : cborBlock(value));

/** A method with one CBOR argument: none given is 16, a shape `read` rejects is 21. */
export function withParams<P>(name: string, read: (value: CborValue) => P, body: Body<P>): [string, MethodHandler] {
  return [name, async (inv) => respond(await body(inv, decodeParams(inv, name, read)))];
}

/** A method without arguments: params given are 16. */
export function withoutParams(name: string, body: (inv: Invocation) => Promise<CborEncodable | null>): [string, MethodHandler] {
  return [
    name,
    async (inv) => {
      expectNoParams(inv, name);
      return respond(await body(inv));
    },
  ];
}

/** The dispatch map of an actor: each method under its internal and exported numbers. */
export function methodMap(entries: readonly [readonly bigint[], [string, MethodHandler]][]): Map<bigint, ActorMethod> {
  return new Map(entries.flatMap(([numbers, [name, handler]]) => numbers.map((n): [bigint, ActorMethod] => [n, { name, handler }])));
}

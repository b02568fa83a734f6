/**
 * Parameters and returns as builtin-actors' dispatcher handles them (runtime/src/dispatch.rs):
 * a method without arguments called with a params block aborts 16, a method with one called
 * without aborts 16, params that do not decode into the expected shape abort 21, and a return
 * value travels as a CBOR block. Generic to every native actor; the account and miner actors use it.
 */
import { CborDecodeError, decodeCbor, encodeCbor, ExitCode, type CborEncodable, type CborValue } from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort, Codec, type IpldBlock } from "../outcome";

/** For methods that take no arguments. */
export function expectNoParams(inv: Invocation, method: string): void {
  if (inv.params !== null) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: method expects no arguments; send codec 0 with empty params`);
}

/** Decodes the params block with `read` (which throws CborDecodeError on a shape mismatch). */
export function decodeParams<T>(inv: Invocation, method: string, read: (value: CborValue) => T): T {
  if (inv.params === null) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: method expects arguments (CBOR params, codec 0x51)`);
  try {
    return read(decodeCbor(inv.params.data));
  } catch (e) {
    if (e instanceof CborDecodeError) throw new ActorAbort(ExitCode.USR_SERIALIZATION, `${method}: cannot decode params: ${e.message}`);
    throw e;
  }
}

export function cborReturn(value: CborEncodable): IpldBlock {
  return { codec: Codec.Cbor, data: encodeCbor(value) };
}

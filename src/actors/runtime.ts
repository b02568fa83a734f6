/**
 * What every native actor's methods share, after builtin-actors' runtime crate
 * (`runtime/src/dispatch.rs`, `actor_error.rs`, `util/`, `runtime/fvm.rs`): params in and CBOR
 * out as the dispatcher handles them, nested sends as the calling actor sees them, address
 * resolution, caller checks, and the read-only rule for state writes.
 */
import type { FevmEVM } from "../evm/fevm-evm";
import {
  CborDecodeError,
  decodeCbor,
  describeExitCode,
  encodeCbor,
  ExitCode,
  Protocol,
  SyscallError,
  type CborEncodable,
  type CborValue,
  type FilecoinAddress,
} from "../fil";
import type { Invocation } from "./definition";
import type { ActorKind } from "./kinds";
import { ActorAbort, Codec, type IpldBlock, type SendOutcome } from "./outcome";

const t0 = (id: bigint) => `t0${id}`;

// ------------------------------------------------------------------------------ blocks

/**
 * The value an IPLD block holds, as `IpldBlock::deserialize` reads it: CBOR and DAG-CBOR are
 * decoded, a raw block is one byte string, other codecs are refused.
 */
export function blockValue(block: IpldBlock): CborValue {
  if (block.codec === Codec.Cbor || block.codec === Codec.DagCbor) return decodeCbor(block.data);
  if (block.codec === Codec.Raw) return block.data;
  throw new CborDecodeError(`unsupported IPLD codec 0x${block.codec.toString(16)}`);
}

/** A CBOR (0x51) block: method returns and the params of sends an actor makes. */
export function cborBlock(value: CborEncodable): IpldBlock {
  return { codec: Codec.Cbor, data: encodeCbor(value) };
}

/** `read` applied to a block's value; a shape `read` rejects (CborDecodeError) is 21, like serde's errors. */
function decodeBlock<T>(block: IpldBlock, context: string, read: (value: CborValue) => T): T {
  try {
    return read(blockValue(block));
  } catch (e) {
    if (e instanceof CborDecodeError) throw new ActorAbort(ExitCode.USR_SERIALIZATION, `${context}: ${e.message}`);
    throw e;
  }
}

// ------------------------------------------------------------------------------ params (dispatch.rs)

/** For methods that take no arguments: params given are 16. */
export function expectNoParams(inv: Invocation, method: string): void {
  if (inv.params !== null) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: method expects no arguments; send codec 0 with empty params`);
}

/** For methods that take one argument: no params is 16, params `read` rejects are 21. */
export function decodeParams<T>(inv: Invocation, method: string, read: (value: CborValue) => T): T {
  if (inv.params === null) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: method expects arguments (CBOR params, codec 0x51)`);
  return decodeBlock(inv.params, `${method}: cannot decode params`, read);
}

// ------------------------------------------------------------------------------ nested sends

/** `From<SendError> for ActorError`: the code and reason a failed send syscall becomes. */
const SYSCALL_FAILURES: Partial<Record<number, [code: number, why: string]>> = {
  [SyscallError.NotFound]: [ExitCode.USR_UNSPECIFIED, "receiver not found"],
  [SyscallError.InsufficientFunds]: [ExitCode.USR_INSUFFICIENT_FUNDS, "not enough funds"],
  [SyscallError.LimitExceeded]: [ExitCode.USR_ASSERTION_FAILED, "recursion limit exceeded"],
  [SyscallError.ReadOnly]: [ExitCode.USR_READ_ONLY, "attempted to mutate state while in readonly mode"],
};

/** `ActorError::checked`: a callee that broke the rules is 23, other system codes 24, user codes pass. */
function checkedExitCode(code: number): number {
  if (code === ExitCode.SYS_MISSING_RETURN || code === ExitCode.SYS_ILLEGAL_INSTRUCTION || code === ExitCode.SYS_ILLEGAL_EXIT_CODE) return ExitCode.USR_UNSPECIFIED;
  return code < ExitCode.USR_ILLEGAL_ARGUMENT ? ExitCode.USR_ASSERTION_FAILED : code;
}

/**
 * A failed nested send as the calling actor sees it (`extract_send_result`), or undefined when
 * it succeeded. `what` names the send in the abort's message.
 */
export function sendFailure(outcome: SendOutcome, what: string): ActorAbort | undefined {
  if (outcome.kind === "syscall-error") {
    const [code, why] = SYSCALL_FAILURES[outcome.errorNumber] ?? [ExitCode.USR_ASSERTION_FAILED, `unexpected syscall error ${outcome.errorNumber}`];
    return new ActorAbort(code, `${what}: ${why}`);
  }
  if (outcome.exitCode === ExitCode.OK) return undefined;
  const code = outcome.exitCode;
  return new ActorAbort(checkedExitCode(code), `${what}: send aborted with code ${code} (${describeExitCode(code)})`, outcome.ret);
}

/** The return block of a successful send, or the abort the calling actor raises. */
export function extractSendResult(outcome: SendOutcome, what: string): IpldBlock | null {
  const failure = sendFailure(outcome, what);
  if (failure) throw failure;
  return outcome.kind === "returned" ? outcome.ret : null;
}

/** `deserialize_block`: a missing return is 24 ("return expected"), one `read` rejects 21. */
export function decodeReturn<T>(ret: IpldBlock | null, what: string, read: (value: CborValue) => T): T {
  if (ret === null) throw new ActorAbort(ExitCode.USR_ASSERTION_FAILED, `${what}: return expected`);
  return decodeBlock(ret, what, read);
}

/** `with_context_code`: an abort inside `fn` gets exit code `code`, its message as context. */
export async function withExitCode<T>(code: number, context: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ActorAbort) throw new ActorAbort(code, `${context}: ${e.message}`);
    throw e;
  }
}

// ------------------------------------------------------------------------------ addresses and callers

/**
 * `rt.resolve_address`: an ID address resolves to its id without an existence check (the FVM
 * does not look it up); other addresses through the address table.
 */
export async function resolveAddress(evm: FevmEVM, address: FilecoinAddress): Promise<bigint | undefined> {
  return address.protocol === Protocol.ID ? address.id : evm.actors.lookupId(address);
}

/** The kind of code at an id, if an actor exists there (`get_actor_code_cid`). */
export async function actorKind(evm: FevmEVM, id: bigint): Promise<ActorKind | undefined> {
  return (await evm.actors.get(id))?.kind;
}

/** `validate_immediate_caller_type`: 18 unless the caller's code is `kind`. */
export function requireCallerKind(inv: Invocation, kind: ActorKind, method: string): void {
  if (inv.caller.kind !== kind) {
    throw new ActorAbort(ExitCode.USR_FORBIDDEN, `${method} may only be called by a ${kind} actor; caller ${t0(inv.caller.id)} is a ${inv.caller.kind} actor`);
  }
}

/** `validate_immediate_caller_is`: 18 unless the caller is one of the actors `allowed`, described by `role`. */
export function requireCallerIn(inv: Invocation, allowed: readonly bigint[], method: string, role: string): void {
  if (allowed.includes(inv.caller.id)) return;
  const permitted = allowed.map(t0).join(", ");
  throw new ActorAbort(ExitCode.USR_FORBIDDEN, `${method} on ${inv.receiver.kind} ${t0(inv.receiver.id)}: caller ${t0(inv.caller.id)} is not ${role} (permitted: ${permitted})`);
}

// ------------------------------------------------------------------------------ read-only

/**
 * Closes a state transaction: a read-only invocation may not write state (the FVM refuses the new
 * state root with 25) — checked where the real actor writes, after its other checks; the
 * enclosing send rolls back whatever was written.
 */
export function requireWritable(inv: Invocation, method: string): void {
  if (inv.readOnly) {
    throw new ActorAbort(ExitCode.USR_READ_ONLY, `${method} changes the state of ${inv.receiver.kind} ${t0(inv.receiver.id)} and cannot run in a read-only call (STATICCALL or READ_ONLY flag)`);
  }
}

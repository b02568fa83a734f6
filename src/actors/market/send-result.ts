import { CborDecodeError, decodeCbor, describeExitCode, ExitCode, SyscallError, type CborValue } from "../../fil";
import { ActorAbort, Codec, type IpldBlock, type SendOutcome } from "../outcome";

/**
 * The value an IPLD block holds, as `IpldBlock::deserialize` reads it: CBOR and DAG-CBOR are
 * decoded, a raw block is one byte string, other codecs are refused.
 */
export function blockValue(block: IpldBlock): CborValue {
  if (block.codec === Codec.Cbor || block.codec === Codec.DagCbor) return decodeCbor(block.data);
  if (block.codec === Codec.Raw) return block.data;
  throw new CborDecodeError(`unsupported IPLD codec 0x${block.codec.toString(16)}`);
}

/**
 * A failed nested send as the calling builtin actor sees it (builtin-actors `extract_send_result`
 * and `ActorError::checked`): user exit codes pass through; a callee that broke the rules (missing
 * return, trapped, illegal exit code) becomes 23 and other system codes 24; syscall errors map to
 * NotFound ⇒ 23, InsufficientFunds ⇒ 19, LimitExceeded ⇒ 24, ReadOnly ⇒ 25, anything else ⇒ 24.
 */
export function sendFailure(outcome: SendOutcome, what: string): ActorAbort | undefined {
  if (outcome.kind === "syscall-error") {
    const [code, why] = (() => {
      switch (outcome.errorNumber) {
        case SyscallError.NotFound:
          return [ExitCode.USR_UNSPECIFIED, "receiver not found"];
        case SyscallError.InsufficientFunds:
          return [ExitCode.USR_INSUFFICIENT_FUNDS, "not enough funds"];
        case SyscallError.LimitExceeded:
          return [ExitCode.USR_ASSERTION_FAILED, "recursion limit exceeded"];
        case SyscallError.ReadOnly:
          return [ExitCode.USR_READ_ONLY, "attempted to mutate state while in readonly mode"];
        default:
          return [ExitCode.USR_ASSERTION_FAILED, `unexpected syscall error ${outcome.errorNumber}`];
      }
    })();
    return new ActorAbort(code, `${what}: ${why}`);
  }
  if (outcome.exitCode === ExitCode.OK) return undefined;
  const code = outcome.exitCode;
  const checked =
    code === ExitCode.SYS_MISSING_RETURN || code === ExitCode.SYS_ILLEGAL_INSTRUCTION || code === ExitCode.SYS_ILLEGAL_EXIT_CODE
      ? ExitCode.USR_UNSPECIFIED
      : code < 16
        ? ExitCode.USR_ASSERTION_FAILED
        : code;
  return new ActorAbort(checked, `${what}: send aborted with code ${code} (${describeExitCode(code)})`, outcome.ret);
}

/** The return block of a successful send, or the abort the calling actor would raise. */
export function extractSendResult(outcome: SendOutcome, what: string): IpldBlock | null {
  const failure = sendFailure(outcome, what);
  if (failure) throw failure;
  return outcome.kind === "returned" ? outcome.ret : null;
}

/**
 * `deserialize_block`: a missing return is 24 ("return expected"), undecodable CBOR 21. `read`
 * checks the shape and throws CborDecodeError on a mismatch.
 */
export function decodeReturn<T>(ret: IpldBlock | null, what: string, read: (value: CborValue) => T): T {
  if (ret === null) throw new ActorAbort(ExitCode.USR_ASSERTION_FAILED, `${what}: return expected`);
  try {
    return read(blockValue(ret));
  } catch (e) {
    if (e instanceof CborDecodeError) throw new ActorAbort(ExitCode.USR_SERIALIZATION, `${what}: ${e.message}`);
    throw e;
  }
}

/** Rewrites the exit code of an abort (`with_context_code`), keeping its message as context. */
export async function withExitCode<T>(code: number, context: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ActorAbort) throw new ActorAbort(code, `${context}: ${e.message}`);
    throw e;
  }
}

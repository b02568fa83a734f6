import { CborDecodeError, decodeCbor, ExitCode, SyscallError, type CborValue } from "../../fil";
import { ActorAbort, type IpldBlock, type SendOutcome } from "../outcome";

/**
 * What a builtin actor makes of a send it made (builtin-actors runtime `extract_send_result`):
 * the return block on success, else an abort with the callee's code (system codes mapped to
 * 23/24) or, for a failed syscall, the code `From<SendError> for ActorError` assigns.
 */
export function extractSendResult(outcome: SendOutcome, what: string): IpldBlock | null {
  if (outcome.kind === "syscall-error") {
    switch (outcome.errorNumber) {
      case SyscallError.NotFound:
        throw new ActorAbort(ExitCode.USR_UNSPECIFIED, `${what}: receiver not found`);
      case SyscallError.InsufficientFunds:
        throw new ActorAbort(ExitCode.USR_INSUFFICIENT_FUNDS, `${what}: not enough funds`);
      case SyscallError.ReadOnly:
        throw new ActorAbort(ExitCode.USR_READ_ONLY, `${what}: attempted to mutate state while in readonly mode`);
      case SyscallError.LimitExceeded:
        throw new ActorAbort(ExitCode.USR_ASSERTION_FAILED, `${what}: recursion limit exceeded`);
      default:
        throw new ActorAbort(ExitCode.USR_ASSERTION_FAILED, `${what}: unexpected syscall error ${outcome.errorNumber}`);
    }
  }
  if (outcome.exitCode === ExitCode.OK) return outcome.ret;
  const code = outcome.exitCode;
  const checked =
    code === ExitCode.SYS_MISSING_RETURN || code === ExitCode.SYS_ILLEGAL_INSTRUCTION || code === ExitCode.SYS_ILLEGAL_EXIT_CODE
      ? ExitCode.USR_UNSPECIFIED
      : code < 16
        ? ExitCode.USR_ASSERTION_FAILED
        : code;
  throw new ActorAbort(checked, `${what}: send aborted with code ${code}`, outcome.ret);
}

/** deserialize_block: a missing return is 24 ("return expected"), one that does not decode as `read` expects 21. */
export function decodeReturn<T>(ret: IpldBlock | null, what: string, read: (value: CborValue) => T): T {
  if (ret === null) throw new ActorAbort(ExitCode.USR_ASSERTION_FAILED, `${what}: return expected`);
  try {
    return read(decodeCbor(ret.data));
  } catch (e) {
    if (e instanceof CborDecodeError) throw new ActorAbort(ExitCode.USR_SERIALIZATION, `${what}: ${e.message}`);
    throw e;
  }
}

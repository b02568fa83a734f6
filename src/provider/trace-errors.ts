/**
 * The error text Lotus' tracer gives a failed frame (node/impl/eth/trace.go traceErrMsg): EVM
 * tools look for the literal "Reverted" and "out of gas"; other failures name the exit code as
 * go-state-types prints it (exitcode/names.go: "Name(code)", or the bare number).
 */
import { EAM_ACTOR_ID, EvmExitCode, ExitCode, FIRST_USER_EXIT_CODE } from "../fil";
import { FevmHalt } from "../evm/opcodes/halts";

/** A contract frame that failed in ethereumjs, by ethereumjs' error string. */
const EVM_HALTS: Record<string, string> = {
  revert: "Reverted",
  "out of gas": "out of gas",
  "invalid opcode": "invalid instruction",
  "stack underflow": "stack underflow",
  "stack overflow": "stack overflow",
  "invalid JUMP": "invalid jump destination",
  // FevmHalt.UndefinedInstruction already reads "undefined instruction", as in Lotus.
  [FevmHalt.SelfDestructFailed]: "self destruct failed",
};

export function lotusErrorOfEvmHalt(error: string): string {
  return EVM_HALTS[error] ?? error;
}

const EVM_EXIT_ERRORS: Record<number, string> = {
  [EvmExitCode.EVM_CONTRACT_REVERTED]: "Reverted",
  [EvmExitCode.EVM_CONTRACT_INVALID_INSTRUCTION]: "invalid instruction",
  [EvmExitCode.EVM_CONTRACT_UNDEFINED_INSTRUCTION]: "undefined instruction",
  [EvmExitCode.EVM_CONTRACT_STACK_UNDERFLOW]: "stack underflow",
  [EvmExitCode.EVM_CONTRACT_STACK_OVERFLOW]: "stack overflow",
  [EvmExitCode.EVM_CONTRACT_ILLEGAL_MEMORY_ACCESS]: "illegal memory access",
  [EvmExitCode.EVM_CONTRACT_BAD_JUMPDEST]: "invalid jump destination",
  [EvmExitCode.EVM_CONTRACT_SELFDESTRUCT_FAILED]: "self destruct failed",
};

/** go-state-types' names of the system and common exit codes. */
const GO_EXIT_CODE_NAMES: Record<number, string> = {
  [ExitCode.OK]: "Ok",
  [ExitCode.SYS_SENDER_INVALID]: "SysErrSenderInvalid",
  [ExitCode.SYS_SENDER_STATE_INVALID]: "SysErrSenderStateInvalid",
  3: "SysErrReserved1",
  [ExitCode.SYS_ILLEGAL_INSTRUCTION]: "SysErrIllegalInstruction",
  [ExitCode.SYS_INVALID_RECEIVER]: "SysErrInvalidReceiver",
  [ExitCode.SYS_INSUFFICIENT_FUNDS]: "SysErrInsufficientFunds",
  [ExitCode.SYS_OUT_OF_GAS]: "SysErrOutOfGas",
  8: "SysErrReserved2",
  [ExitCode.SYS_ILLEGAL_EXIT_CODE]: "SysErrIllegalExitCode",
  [ExitCode.SYS_ASSERTION_FAILED]: "SysFatal",
  [ExitCode.SYS_MISSING_RETURN]: "SysErrMissingReturn",
  12: "SysErrReserved3",
  13: "SysErrReserved4",
  14: "SysErrReserved5",
  15: "SysErrReserved6",
  [ExitCode.USR_ILLEGAL_ARGUMENT]: "ErrIllegalArgument",
  [ExitCode.USR_NOT_FOUND]: "ErrNotFound",
  [ExitCode.USR_FORBIDDEN]: "ErrForbidden",
  [ExitCode.USR_INSUFFICIENT_FUNDS]: "ErrInsufficientFunds",
  [ExitCode.USR_ILLEGAL_STATE]: "ErrIllegalState",
  [ExitCode.USR_SERIALIZATION]: "ErrSerialization",
  [ExitCode.USR_UNHANDLED_MESSAGE]: "ErrUnhandledMessage",
  [ExitCode.USR_UNSPECIFIED]: "ErrUnspecified",
  [ExitCode.USR_ASSERTION_FAILED]: "ErrAssertionFailed",
  [ExitCode.USR_READ_ONLY]: "ErrReadOnly",
  [ExitCode.USR_NOT_PAYABLE]: "ErrNotPayable",
};

function goExitCode(code: number): string {
  const name = GO_EXIT_CODE_NAMES[code];
  return name === undefined ? String(code) : `${name}(${code})`;
}

/** The error of a failed actor send with exit code `exitCode` to actor `receiverId`; undefined on success. */
export function lotusErrorOfExitCode(exitCode: number, receiverId: bigint): string | undefined {
  if (exitCode === ExitCode.OK) return undefined;
  if (exitCode === ExitCode.SYS_OUT_OF_GAS) return "out of gas";
  if (exitCode < FIRST_USER_EXIT_CODE) return `vm error: ${goExitCode(exitCode)}`;
  // Lotus' traceIsEVMOrEAM holds for every invoked actor but the EAM itself, so 33–40 read as the
  // EVM's codes whichever actor returned them.
  const evmError = EVM_EXIT_ERRORS[exitCode];
  if (evmError !== undefined && receiverId !== EAM_ACTOR_ID) return evmError;
  return `actor error: ${goExitCode(exitCode)}`;
}

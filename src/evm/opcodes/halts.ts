import { EVMError } from "@ethereumjs/evm";
import { EvmExitCode, ExitCode } from "../../fil";

type EvmErrorText = ConstructorParameters<typeof EVMError>[0];

/**
 * Ways a FEVM contract frame aborts that Ethereum has no error for. They travel as the
 * `error` text of an ethereumjs EVMError, so the frame fails (state reverted, caller sees 0)
 * exactly like any other exceptional halt.
 */
export const FevmHalt = {
  /** The FVM refused the LOG's event (ref-fvm kernel emit_event limits); the EVM actor aborts with 24. */
  EventTooLarge: "event too large: the FVM accepts at most 8192 bytes of topics and data per event",
  /** The beneficiary could not be paid, e.g. a masked-id address of no actor (builtin-actors lifecycle.rs). */
  SelfDestructFailed: "SELFDESTRUCT could not transfer the balance to the beneficiary",
  /**
   * A byte the FEVM does not define (exit 35). ethereumjs reports it, like the designated INVALID
   * 0xfe (exit 34), as "invalid opcode", so undefined bytes get their own halt.
   */
  UndefinedInstruction: "undefined instruction",
} as const;

export type FevmHaltReason = (typeof FevmHalt)[keyof typeof FevmHalt];

const EXIT_CODES = new Map<string, number>([
  [FevmHalt.EventTooLarge, ExitCode.USR_ASSERTION_FAILED],
  [FevmHalt.SelfDestructFailed, EvmExitCode.EVM_CONTRACT_SELFDESTRUCT_FAILED],
  [FevmHalt.UndefinedInstruction, EvmExitCode.EVM_CONTRACT_UNDEFINED_INSTRUCTION],
]);

/** Aborts the executing frame. */
export function haltFrame(reason: FevmHaltReason): never {
  throw new EVMError(reason as unknown as EvmErrorText);
}

/** The exit code the EVM actor aborts with for a FEVM-specific halt; undefined for Ethereum's own errors. */
export function exitCodeOfFevmHalt(error: string): number | undefined {
  return EXIT_CODES.get(error);
}

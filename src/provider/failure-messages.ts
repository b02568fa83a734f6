/**
 * Hardhat 2's (EDR's) wording for failures that are not a plain revert with return data.
 * Each text was provoked on Hardhat's own network and compared (test/unit/revert-message.test.ts).
 */
import { exitCodeOfFevmHalt, FevmHalt } from "../evm/opcodes/halts";
import { describeExitCode } from "../fil";
import { REVERTED_WITHOUT_REASON } from "./revert-message";

export const OUT_OF_GAS = "Transaction ran out of gas";
export const INVALID_OPCODE = "VM Exception while processing transaction: invalid opcode";
export const CONTRACT_TOO_LARGE = "Transaction reverted: trying to deploy a contract whose code is too large";

/**
 * The message for a transaction whose top-level frame halted, given the ethereumjs
 * `EVMError.error` string (anything but "revert", which goes through revertMessage).
 * EDR reports other exceptional halts (stack underflow/overflow, invalid JUMP, deploying
 * 0xEF code, ...) as a revert without a reason; so do we.
 */
export function haltMessage(evmError: string): string {
  switch (evmError) {
    case "out of gas":
    case "code store out of gas":
      return OUT_OF_GAS;
    case "invalid opcode":
    case FevmHalt.UndefinedInstruction: // EDR words an undefined byte like INVALID
      return INVALID_OPCODE;
    case "code size to deposit exceeds maximum code size":
      return CONTRACT_TOO_LARGE;
    default: {
      // FEVM-only halts (an event over the FVM's size limit, a SELFDESTRUCT that could not pay).
      const exitCode = exitCodeOfFevmHalt(evmError);
      return exitCode === undefined ? REVERTED_WITHOUT_REASON : `Transaction reverted: ${evmError} (${describeExitCode(exitCode, "evm")})`;
    }
  }
}

/** A transaction sent straight to a precompile that failed; EDR names it by its address as a number. */
export function precompileFailureMessage(precompile: bigint): string {
  return `Transaction reverted: call to precompile ${precompile.toString(10)} failed`;
}

/**
 * Texts Hardhat infers from the compiled contract (stack-trace heuristics), for callers that can
 * recognise the same situation from a contract's artifact. Without that knowledge EDR itself
 * falls back to REVERTED_WITHOUT_REASON.
 */
export const INFERRED_FAILURES = {
  /** A Solidity call to an address without code, to a function returning nothing. */
  nonContractAccount: "Transaction reverted: function call to a non-contract account",
  /** A Solidity call whose callee returned too little data (e.g. an account without code). */
  unexpectedReturnDataSize: "Transaction reverted: function returned an unexpected amount of data",
  /** Calldata with a selector the contract lacks, and the contract has no fallback. */
  unrecognizedSelector: "Transaction reverted: function selector was not recognized and there's no fallback function",
  /** Empty calldata to a contract with neither receive nor fallback. */
  noFallbackNorReceive:
    "Transaction reverted: function selector was not recognized and there's no fallback nor receive function",
  /** A sub-call ran out of gas and the caller reverted because of it. */
  subcallOutOfGas: "Transaction reverted: contract call run out of gas and made the transaction revert",
} as const;

/** Value sent to a non-payable function. */
export function nonPayableFunctionMessage(value: bigint): string {
  return `Transaction reverted: non-payable function was called with value ${value.toString(10)}`;
}

/** Value sent to a non-payable fallback; the wording depends on whether calldata was empty (no receive function). */
export function nonPayableFallbackMessage(value: bigint, emptyCalldata: boolean): string {
  return emptyCalldata
    ? `Transaction reverted: there's no receive function, fallback function is not payable and was called with value ${value.toString(10)}`
    : `Transaction reverted: fallback function is not payable and was called with value ${value.toString(10)}`;
}

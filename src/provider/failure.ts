import { bytesToHex } from "@ethereumjs/util";
import type { MethodContext } from "./context";
import { RevertError } from "./errors";
import { haltMessage } from "./failure-messages";
import { revertMessage } from "./revert-message";

/** What the EVM reported about a failed execution. */
export interface Failure {
  /** ethereumjs error name: "revert", "out of gas", … */
  evmError: string;
  returnValue: Uint8Array;
  /** Actor sends that failed on the way (exit codes with their meaning). */
  actorFailures?: readonly string[];
  /** Set when the failed transaction was mined. */
  transactionHash?: string;
}

/**
 * The error a failed call or transaction throws: Hardhat's wording in `message` — followed, when
 * the failure went through a Filecoin actor, by the exit codes and what they mean — the raw
 * return data in `data` (what chai matchers decode), and the hash when the tx was mined.
 */
export function executionError(ctx: MethodContext, failure: Failure): RevertError {
  const base = failure.evmError === "revert" ? revertMessage(failure.returnValue, ctx.errorAbis) : haltMessage(failure.evmError);
  const notes = (failure.actorFailures ?? []).map((f) => `\n  Filecoin: ${f}`).join("");
  return new RevertError(base + notes, bytesToHex(failure.returnValue), failure.transactionHash);
}

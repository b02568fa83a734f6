import { bytesToHex } from "@ethereumjs/util";
import type { MethodContext } from "./context";
import { RevertError } from "./errors";
import { haltMessage } from "./failure-messages";
import { revertMessage } from "./revert-message";

/**
 * The error a failed call or transaction throws: Hardhat's wording in `message`, the raw
 * return data in `data` (what chai matchers decode), the hash when the tx was mined.
 */
export function executionError(ctx: MethodContext, evmError: string, returnValue: Uint8Array, transactionHash?: string): RevertError {
  const message = evmError === "revert" ? revertMessage(returnValue, ctx.errorAbis) : haltMessage(evmError);
  return new RevertError(message, bytesToHex(returnValue), transactionHash);
}

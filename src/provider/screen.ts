import { ErrorCode, ProviderError } from "./errors";
import * as p from "./params";
import { parseTxObject } from "./tx-request";

/** Methods whose first parameter is a transaction object that Hardhat's provider wrappers edit in place. */
const TX_OBJECT_METHODS = new Set(["eth_sendTransaction", "eth_call", "eth_estimateGas"]);
/** Hardhat-style method names are short; a longer one is only echoed shortened. */
const MAX_METHOD_CHARS = 100;

/**
 * Checks a request must pass before anything else sees it: the provider's own dispatch, and the
 * server in front of Hardhat's provider wrappers (which assume a transaction object is an object
 * and would answer a malformed one with a TypeError). Depth first, so nothing after it recurses
 * over a hostile nesting.
 */
export function screenRequest(method: unknown, params: unknown): void {
  if (typeof method !== "string") throw new ProviderError("Invalid request: method must be a string", ErrorCode.InvalidRequest);
  if (method.length > MAX_METHOD_CHARS) {
    throw new ProviderError(`Method ${p.shown(method)} is not supported`, ErrorCode.MethodNotSupported);
  }
  p.checkDepth(params, "params");
  if (TX_OBJECT_METHODS.has(method)) {
    const first = Array.isArray(params) ? params[0] : params;
    if (first !== undefined) parseTxObject(first, "transaction");
  }
}

/**
 * A transaction the chain refuses before running it (bad nonce, funds, gas, fees). The provider
 * maps it to an "invalid input" JSON-RPC error with the same wording as Hardhat's network.
 */
export class InvalidTransactionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidTransactionError";
  }
}

/** A call that ran and failed (revert, invalid opcode, out of gas...). */
export class ExecutionFailure extends Error {
  constructor(
    message: string,
    readonly returnData: Uint8Array,
    readonly evmError: string,
    readonly transactionHash?: string,
  ) {
    super(message);
    this.name = "ExecutionFailure";
  }
}

/**
 * A request that would move the chain past the last epoch it can represent (int64 epochs, uint64
 * timestamps). Refused before anything changes; the provider answers it as invalid input.
 */
export class ChainLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChainLimitError";
  }
}

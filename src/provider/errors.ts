/**
 * JSON-RPC errors with the codes Hardhat's network uses. `_isProviderError` makes Hardhat's
 * wrappers and hardhat-ethers treat them like their own.
 */
export class ProviderError extends Error {
  readonly _isProviderError = true;
  constructor(
    message: string,
    readonly code: number,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

export const ErrorCode = {
  InvalidInput: -32000,
  TransactionExecution: -32003,
  MethodNotSupported: -32004,
  InvalidRequest: -32600,
  InvalidParams: -32602,
  Internal: -32603,
  /** Geth's and Hardhat 3's code for "execution reverted". */
  ExecutionReverted: 3,
} as const;

export function invalidParams(message: string): ProviderError {
  return new ProviderError(message, ErrorCode.InvalidParams);
}

export function invalidInput(message: string): ProviderError {
  return new ProviderError(message, ErrorCode.InvalidInput);
}

/**
 * A call or transaction that reverted: `data` is the raw return data (what chai matchers decode),
 * `transactionHash` is set when a failed transaction was mined.
 */
export class RevertError extends ProviderError {
  constructor(
    message: string,
    data: string,
    readonly transactionHash?: string,
  ) {
    super(message, ErrorCode.ExecutionReverted, data);
    this.name = "ProviderError";
  }
}

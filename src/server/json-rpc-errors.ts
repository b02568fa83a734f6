import type { JsonRpcErrorObject, JsonRpcId, JsonRpcResponse } from "./json-rpc-types";

export const JsonRpcErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  Internal: -32603,
  MethodNotSupported: -32004,
} as const;

/** An error the server itself raises about a message (bad JSON, bad request shape, wrong transport). */
export class JsonRpcMessageError extends Error {
  /** Marked like a provider error so that it keeps its code in the answer. */
  readonly _isProviderError = true;
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
    this.name = "JsonRpcMessageError";
  }
}

/**
 * The JSON-RPC error object for anything a request threw, shaped like Hardhat 2's server
 * (hardhat/internal/hardhat-network/jsonrpc/handler.js): provider errors keep their code, anything
 * else is an internal error (-32603) with its message; `data.data` carries revert return data
 * (what ethers and chai matchers decode) and `data.txHash` the hash of a mined failed transaction.
 */
export function errorObject(error: unknown): JsonRpcErrorObject {
  const fields = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const isProviderError = fields._isProviderError === true && typeof fields.code === "number";
  const code = isProviderError ? (fields.code as number) : JsonRpcErrorCode.Internal;
  const message = error instanceof Error ? error.message : String(error);
  const data: JsonRpcErrorObject["data"] = { message };
  const returnData = revertData(fields.data);
  if (returnData !== undefined) data.data = returnData;
  const txHash = stringField(fields, "transactionHash") ?? stringField(fields.data, "transactionHash");
  if (txHash !== undefined) data.txHash = txHash;
  return { code, message, data };
}

export function errorResponse(id: JsonRpcId, error: unknown): JsonRpcResponse {
  return { jsonrpc: "2.0", id, error: errorObject(error) };
}

/**
 * Return data is hex, either the error's `data` itself or nested one level as `data.data`. Other
 * `data` (diagnostics such as a failed method's params or a stack) stays on the server, as in
 * Hardhat, whose own errors carry data only for reverts.
 */
function revertData(data: unknown): string | undefined {
  if (isHex(data)) return data;
  const nested = typeof data === "object" && data !== null ? (data as Record<string, unknown>).data : undefined;
  return isHex(nested) ? nested : undefined;
}

function isHex(value: unknown): value is string {
  return typeof value === "string" && /^0x[0-9a-fA-F]*$/.test(value);
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" ? field : undefined;
}

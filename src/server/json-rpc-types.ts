/** JSON-RPC 2.0 message shapes (https://www.jsonrpc.org/specification) as the server sends them. */

export type JsonRpcId = string | number | null;

export interface JsonRpcRequest {
  jsonrpc: "2.0";
  /** Absent for a notification: the method runs, nothing is answered. */
  id?: JsonRpcId;
  method: string;
  params?: unknown[] | Record<string, unknown>;
}

export interface JsonRpcErrorObject {
  code: number;
  message: string;
  /** Hardhat 2's shape: the message again, plus revert return data and the failed tx's hash. */
  data: { message: string; data?: string; txHash?: string };
}

export type JsonRpcResponse =
  | { jsonrpc: "2.0"; id: JsonRpcId; result: unknown }
  | { jsonrpc: "2.0"; id: JsonRpcId; error: JsonRpcErrorObject };

/** What an eth_subscribe subscription pushes to its socket. */
export interface SubscriptionNotification {
  subscription: string;
  result: unknown;
}

/** The provider the server exposes: EIP-1193 `request` plus the "notification" events of eth_subscribe. */
export interface ServedProvider {
  request(args: { method: string; params?: unknown[] | object }): Promise<unknown>;
  on(event: "notification", listener: (notification: SubscriptionNotification) => void): unknown;
  removeListener(event: "notification", listener: (notification: SubscriptionNotification) => void): unknown;
}

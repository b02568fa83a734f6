import { JsonRpcErrorCode, JsonRpcMessageError, errorResponse } from "./json-rpc-errors";
import type { JsonRpcId, JsonRpcRequest, JsonRpcResponse, ServedProvider } from "./json-rpc-types";
import { toJsonText } from "./json-text";
import { nestsDeeperThan } from "../provider/params";
import { screenRequest } from "../provider/screen";

/**
 * Lotus' JSON-RPC server (go-jsonrpc) decodes a message with Go's encoding/json, which stops at
 * 10,000 levels of nesting: deeper messages are answered "Parse error" (-32700) as a whole.
 */
const MAX_MESSAGE_NESTING = 10_000;

/** The subscriptions of one WebSocket connection; HTTP requests have none. */
export interface SubscriptionSession {
  added(subscriptionId: string): void;
  removed(subscriptionId: string): void;
}

type CheckedRequest = { request: JsonRpcRequest } | { invalid: string; id: JsonRpcId };

/**
 * Turns one HTTP body or WebSocket message (a request or a batch) into the text to answer, by
 * calling the provider. Never throws: every failure becomes a JSON-RPC error in the answer.
 */
export class JsonRpcRequestHandler {
  constructor(private readonly provider: ServedProvider) {}

  /** The answer to send, or undefined when the message held only notifications. */
  async answer(text: string, session?: SubscriptionSession): Promise<string | undefined> {
    let payload: unknown;
    try {
      payload = parseJson(text);
    } catch (e) {
      return toJsonText(errorResponse(null, e));
    }
    if (!Array.isArray(payload)) return this.answerOne(payload, session);
    if (payload.length === 0) {
      return toJsonText(errorResponse(null, new JsonRpcMessageError("Invalid request: the batch is empty", JsonRpcErrorCode.InvalidRequest)));
    }
    // The provider runs requests one at a time in arrival order, so a batch keeps its order.
    const answers = await Promise.all(payload.map((item) => this.answerOne(item, session)));
    const sent = answers.filter((a): a is string => a !== undefined);
    return sent.length === 0 ? undefined : `[${sent.join(",")}]`;
  }

  private async answerOne(payload: unknown, session: SubscriptionSession | undefined): Promise<string | undefined> {
    const checked = checkRequest(payload);
    if ("invalid" in checked) {
      return toJsonText(errorResponse(checked.id, new JsonRpcMessageError(checked.invalid, JsonRpcErrorCode.InvalidRequest)));
    }
    const { request } = checked;
    const id = request.id ?? null;
    let response: JsonRpcResponse;
    try {
      const result = await this.call(request, session);
      // JSON-RPC requires a result member; a method with nothing to return answers null.
      response = { jsonrpc: "2.0", id, result: result === undefined ? null : result };
    } catch (e) {
      response = errorResponse(id, e);
    }
    if (request.id === undefined) return undefined; // a notification gets no answer, not even an error
    try {
      return toJsonText(response);
    } catch (e) {
      return toJsonText(errorResponse(id, new Error(`The result of ${request.method} cannot be encoded as JSON: ${(e as Error).message}`)));
    }
  }

  private async call({ method, params }: JsonRpcRequest, session: SubscriptionSession | undefined): Promise<unknown> {
    if (method === "eth_subscribe" && session === undefined) {
      throw new JsonRpcMessageError(
        "eth_subscribe needs a WebSocket connection: notifications cannot be pushed over HTTP. " +
          "Connect with ws:// to the same host and port, or poll with eth_newFilter and eth_getFilterChanges.",
        JsonRpcErrorCode.MethodNotSupported,
      );
    }
    // Before the provider: a served Hardhat provider's wrappers must not see malformed requests.
    screenRequest(method, params);
    const result = await this.provider.request({ method, params });
    if (session !== undefined && method === "eth_subscribe") session.added(String(result));
    if (session !== undefined && method === "eth_unsubscribe" && result === true && Array.isArray(params)) {
      session.removed(String(params[0]));
    }
    return result;
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === "") {
    throw new JsonRpcMessageError("Parse error: the request is empty; send a JSON-RPC 2.0 request as JSON", JsonRpcErrorCode.ParseError);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (e) {
    throw new JsonRpcMessageError(`Parse error: ${(e as Error).message}`, JsonRpcErrorCode.ParseError);
  }
  if (nestsDeeperThan(payload, MAX_MESSAGE_NESTING)) {
    throw new JsonRpcMessageError(`Parse error: the message nests deeper than ${MAX_MESSAGE_NESTING} levels (where Lotus' JSON decoder stops)`, JsonRpcErrorCode.ParseError);
  }
  return payload;
}

function checkRequest(payload: unknown): CheckedRequest {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return { invalid: "Invalid request: expected a JSON-RPC 2.0 request object", id: null };
  }
  const { jsonrpc, id, method, params } = payload as Record<string, unknown>;
  const idIsValid = id === undefined || id === null || typeof id === "string" || typeof id === "number";
  const answerId = idIsValid ? ((id ?? null) as JsonRpcId) : null;
  if (jsonrpc !== "2.0") return { invalid: 'Invalid request: "jsonrpc" must be "2.0"', id: answerId };
  if (!idIsValid) return { invalid: 'Invalid request: "id" must be a string, a number or null', id: null };
  if (typeof method !== "string") return { invalid: 'Invalid request: "method" must be a string', id: answerId };
  if (params !== undefined && (typeof params !== "object" || params === null)) {
    return { invalid: 'Invalid request: "params" must be an array or an object', id: answerId };
  }
  return { request: payload as JsonRpcRequest };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import type { ServedProvider } from "./json-rpc-types";
import { JsonRpcErrorCode, JsonRpcMessageError, errorResponse } from "./json-rpc-errors";
import { toJsonText } from "./json-text";
import { JsonRpcRequestHandler } from "./request-handler";
import { SubscriptionRouter } from "./subscriptions";

import { DEFAULT_HOSTNAME, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_PORT } from "./defaults";

export { DEFAULT_HOSTNAME, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_PORT };

export interface JsonRpcServerOptions {
  /** Largest HTTP body or WebSocket message in bytes; larger ones are refused unread. */
  maxRequestBytes?: number;
}

export interface ServerAddress {
  /** The address the server is bound to, e.g. "127.0.0.1" or "::1". */
  host: string;
  port: number;
  /** e.g. "http://127.0.0.1:8545/" */
  url: string;
  /** The same endpoint for WebSocket clients, e.g. "ws://127.0.0.1:8545/". */
  wsUrl: string;
}

/**
 * JSON-RPC 2.0 over HTTP and WebSocket on one port, in front of an EIP-1193 provider: what
 * `hardhat node` serves, without Hardhat. Answers single requests, batches and notifications;
 * eth_subscribe works over WebSocket and pushes `eth_subscription` messages to the subscriber.
 */
export class JsonRpcServer {
  private readonly handler: JsonRpcRequestHandler;
  private readonly subscriptions: SubscriptionRouter;
  private readonly http: Server;
  private readonly ws: WebSocketServer;
  private readonly maxRequestBytes: number;

  constructor(provider: ServedProvider, options: JsonRpcServerOptions = {}) {
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.handler = new JsonRpcRequestHandler(provider);
    this.subscriptions = new SubscriptionRouter(provider);
    this.http = createServer((req, res) => void this.onHttpRequest(req, res));
    // ws closes a connection whose message exceeds maxPayload with code 1009 ("message too big").
    this.ws = new WebSocketServer({ server: this.http, maxPayload: this.maxRequestBytes });
    this.ws.on("connection", (socket) => this.onWebSocket(socket));
    // ws re-emits the HTTP server's errors; listen() reports them, so this copy is not fatal.
    this.ws.on("error", () => {});
  }

  listen(host: string = DEFAULT_HOSTNAME, port: number = DEFAULT_PORT): Promise<ServerAddress> {
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
      this.http.once("error", onError);
      this.http.listen(port, host, () => {
        this.http.off("error", onError);
        resolve(serverAddress(this.http.address() as AddressInfo));
      });
    });
  }

  /** Ends every subscription, disconnects every client and stops listening. */
  async close(): Promise<void> {
    await this.subscriptions.close();
    for (const socket of this.ws.clients) socket.terminate();
    const wsClosed = new Promise<void>((resolve) => this.ws.close(() => resolve()));
    const httpClosed = new Promise<void>((resolve, reject) => {
      if (!this.http.listening) return resolve();
      this.http.close((error) => (error ? reject(error) : resolve()));
      this.http.closeAllConnections(); // idle keep-alive connections would hold close() open
    });
    await Promise.all([wsClosed, httpClosed]);
  }

  private async onHttpRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCorsHeaders(res);
    if (req.method === "OPTIONS") {
      res.writeHead(200).end();
      return;
    }
    let body: string | undefined;
    try {
      body = await readBody(req, this.maxRequestBytes);
    } catch {
      return; // the client went away mid-request: there is no one to answer
    }
    if (body === undefined) {
      const error = new JsonRpcMessageError(
        `Request too large: the body exceeds ${this.maxRequestBytes} bytes (raise the limit with \`fevm node --max-request-bytes\`)`,
        JsonRpcErrorCode.InvalidRequest,
      );
      // Close the connection: the rest of the body is never read.
      res.writeHead(413, { "Content-Type": "application/json", Connection: "close" }).end(toJsonText(errorResponse(null, error)));
      return;
    }
    const answer = await this.handler.answer(body);
    if (answer === undefined) {
      res.writeHead(204).end(); // only notifications: JSON-RPC answers nothing
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json" }).end(answer);
  }

  private onWebSocket(socket: WebSocket): void {
    const session = this.subscriptions.open(socket);
    socket.on("message", async (data) => {
      const answer = await this.handler.answer(rawText(data), session);
      if (answer !== undefined && socket.readyState === socket.OPEN) socket.send(answer);
    });
    socket.on("close", () => void session.end());
    // A client sending broken frames gets its socket closed by ws; that must not crash the server.
    socket.on("error", () => {});
  }
}

/** The CORS headers Hardhat's node sends, so browser dapps that work with it work here. */
function setCorsHeaders(res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Request-Method", "*");
  res.setHeader("Access-Control-Allow-Methods", "OPTIONS, GET");
  res.setHeader("Access-Control-Allow-Headers", "*");
}

/** The body as text, or undefined as soon as it is known to exceed `limit` bytes (then unread). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      chunks.length = 0;
      req.pause();
      resolve(undefined);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return data.toString("utf8");
}

/** Is `host` (as the server reports it once bound) reachable only from this machine? */
export function isLoopbackHost(host: string): boolean {
  return host === "::1" || host.startsWith("127.") || host.startsWith("::ffff:127.");
}

function serverAddress({ address, port }: AddressInfo): ServerAddress {
  const hostInUrl = address.includes(":") ? `[${address}]` : address;
  return { host: address, port, url: `http://${hostInUrl}:${port}/`, wsUrl: `ws://${hostInUrl}:${port}/` };
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  switch (error.code) {
    case "EADDRINUSE":
      return new Error(`Cannot listen on ${where}: the port is in use (another node running?). Stop it or choose another port.`, { cause: error });
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return new Error(
        `Cannot listen on ${where}: no network interface of this machine has that address. ` +
          `Use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).`,
        { cause: error },
      );
    case "EACCES":
      return new Error(`Cannot listen on ${where}: ports below 1024 need administrator rights; choose a port such as ${DEFAULT_PORT}.`, { cause: error });
    default:
      return new Error(`Cannot listen on ${where}: ${error.message}`, { cause: error });
  }
}

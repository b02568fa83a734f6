/**
 * What a hostile client throws at `fevm node`, shared by the bounded suite in `npm test`
 * (server.test.ts) and the long run of `npm run fuzz` (scripts/fuzz.ts). Loopback only: every
 * target is a server the caller started on 127.0.0.1.
 */
import { expect } from "chai";
import { WebSocket } from "ws";
import { FevmProvider } from "../../../src/provider/provider";
import { JsonRpcServer, type JsonRpcServerOptions, type ServerAddress } from "../../../src/server/json-rpc-server";
import type { Random } from "../fil/random";
import { ACCOUNT_BALANCE, ACCOUNTS, CHAIN_ID, MNEMONIC } from "../provider/support";

/** Methods random requests leave alone: they would flood the log or the CPU with valid input. */
const NOT_RANDOMIZED = new Set(["hardhat_setLoggingEnabled", "evm_setIntervalMining", "hardhat_reset"]);
/** No single answer may take longer than this (the node is serial: a slow answer is a wedge). */
export const ANSWER_TIMEOUT_MS = 30_000;

export interface Node {
  provider: FevmProvider;
  server: JsonRpcServer;
  address: ServerAddress;
  close(): Promise<void>;
}

/** A node on a free loopback port (the server and the provider, as `fevm node` serves them). */
export async function startNode(options: JsonRpcServerOptions = {}): Promise<Node> {
  const provider = new FevmProvider({ chainId: CHAIN_ID, networkVersion: 28, mnemonic: MNEMONIC, accountCount: 4, accountBalance: ACCOUNT_BALANCE, print: () => {} });
  const server = new JsonRpcServer(provider, options);
  const address = await server.listen("127.0.0.1", 0);
  return { provider, server, address, close: () => server.close() };
}

/** The names of every method the provider serves. */
export function methodNames(provider: FevmProvider): string[] {
  return Object.keys((provider as unknown as { methods: Record<string, unknown> }).methods).filter((m) => !NOT_RANDOMIZED.has(m));
}

export interface HttpAnswer {
  status: number;
  text: string;
}

export async function post(address: ServerAddress, body: string | Uint8Array): Promise<HttpAnswer> {
  const res = await fetch(address.url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  });
  return { status: res.status, text: await res.text() };
}

/**
 * Checks an answer is well-formed JSON-RPC with no internal error (-32603 means a bug of ours
 * surfaced) and a short error message; returns the parsed answers.
 */
export function checkAnswer(text: string, context: string): { error?: { code: number; message: string } }[] {
  const parsed = JSON.parse(text) as unknown;
  const answers = (Array.isArray(parsed) ? parsed : [parsed]) as { jsonrpc: string; error?: { code: number; message: string } }[];
  for (const a of answers) {
    expect(a.jsonrpc, context).to.equal("2.0");
    if (a.error === undefined) continue;
    expect(a.error.code, `${context}: ${a.error.message}`).to.not.equal(-32603);
    expect(a.error.message.length, context).to.be.below(2000);
  }
  return answers;
}

/** A random JSON value: numbers near every boundary, odd strings, nesting, huge digit runs. */
export function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 3 ? 9 : 11)) {
    case 0:
      return r.int(1000);
    case 1:
      return [-1, 0, 1.5, 2 ** 53, 1e308, -0, 2 ** 31, 2 ** 64][r.int(8)];
    case 2:
      return `0x${r.bigint(r.int(300)).toString(16)}`;
    case 3:
      return ["latest", "pending", "earliest", "0X1", "0x", "", "-1", "0x-5", "t01000", "f410f", ACCOUNTS[r.int(4)]][r.int(11)];
    case 4:
      return `0x${Buffer.from(r.bytes(r.int(64))).toString("hex")}`;
    case 5:
      return "9".repeat(r.int(200_000));
    case 6:
      return r.bool();
    case 7:
      return null;
    case 8:
      return r.string(r.int(40), "abcdef0123456789xXt-_/ \u0000\u00e9\ud83d");
    case 9:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default:
      return Object.fromEntries(["from", "to", "data", "value", "gas", "owner", "id", "blockHash", "__proto__"].filter(() => r.bool()).map((k) => [k, randomValue(r, depth + 1)]));
  }
}

/** One HTTP body or WebSocket message a hostile client might send. */
export function randomMessage(r: Random, methods: readonly string[]): string {
  const request = () => ({ jsonrpc: "2.0", id: r.int(1000), method: methods[r.int(methods.length)], params: Array.from({ length: r.int(4) }, () => randomValue(r)) });
  switch (r.int(8)) {
    case 0:
      return JSON.stringify(Array.from({ length: 1 + r.int(5) }, request));
    case 1:
      return JSON.stringify(request()).slice(0, r.int(60)); // truncated
    case 2:
      return JSON.stringify({ ...request(), jsonrpc: randomValue(r), id: randomValue(r) });
    case 3:
      return JSON.stringify({ jsonrpc: "2.0", id: 1, method: randomValue(r), params: randomValue(r) });
    case 4: {
      // Deep nesting, written as text: JSON.stringify itself would overflow building it.
      const depth = r.int(20_000);
      return `{"jsonrpc":"2.0","id":1,"method":"${methods[r.int(methods.length)]}","params":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    }
    default:
      return JSON.stringify(request());
  }
}

/** Sends `text` over a fresh WebSocket and resolves with the answer (or undefined on close). */
export function wsExchange(address: ServerAddress, text: string | Buffer): Promise<{ answer?: string; closeCode?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(address.wsUrl);
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no WebSocket answer within ${ANSWER_TIMEOUT_MS} ms`));
    }, ANSWER_TIMEOUT_MS);
    const done = (result: { answer?: string; closeCode?: number }) => {
      clearTimeout(timer);
      socket.terminate();
      resolve(result);
    };
    socket.on("open", () => socket.send(text));
    socket.on("message", (data) => done({ answer: data.toString() }));
    socket.on("close", (code) => done({ closeCode: code }));
    socket.on("error", () => {}); // the close event reports it
  });
}

/** The node still answers the basics, over HTTP, after whatever came before. */
export async function expectAlive(node: Node): Promise<void> {
  const answer = await post(node.address, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }));
  expect(JSON.parse(answer.text).result).to.equal(`0x${CHAIN_ID.toString(16)}`);
  const mined = await post(node.address, JSON.stringify({ jsonrpc: "2.0", id: 2, method: "evm_mine", params: [] }));
  expect(JSON.parse(mined.text).error).to.equal(undefined);
}

// Issue 8: `fevm node` against hostile clients over HTTP and WebSocket, on a node this test starts
// on a free loopback port. Bounded: a fixed number of random messages within a time budget.
import { expect } from "chai";
import { applyProviderWrappers } from "hardhat/internal/core/providers/construction";
import { BackwardsCompatibilityProviderAdapter } from "hardhat/internal/core/providers/backwards-compatibility";
import type { EIP1193Provider, HttpNetworkConfig } from "hardhat/types";
import { isLoopbackHost, JsonRpcServer } from "../../../src/server/json-rpc-server";
import { Random } from "../fil/random";
import { CHAIN_ID } from "../provider/support";
import { checkAnswer, expectAlive, methodNames, post, randomMessage, startNode, wsExchange, type Node } from "./attacks";

const LIMIT = 64 * 1024;
const RANDOM_MESSAGES = 150;
const RANDOM_BUDGET_MS = 20_000;

describe("fevm node against hostile clients", function () {
  this.timeout(120_000);
  let node: Node;
  before(async () => (node = await startNode({ maxRequestBytes: LIMIT })));
  after(() => node.close());

  it("listens on loopback by default; other addresses count as exposed (fevm node warns)", async () => {
    const server = new JsonRpcServer(node.provider);
    const bound = await server.listen(undefined, 0);
    await server.close();
    expect(bound.host).to.equal("127.0.0.1");
    expect(isLoopbackHost(bound.host)).to.equal(true);
    expect(["::1", "127.0.0.2", "::ffff:127.0.0.1"].every(isLoopbackHost)).to.equal(true);
    expect(["0.0.0.0", "::", "192.168.1.5", "10.0.0.1"].some(isLoopbackHost)).to.equal(false);
  });

  it("refuses an HTTP body over the limit with 413 and a JSON-RPC error saying how to raise it", async () => {
    const answer = await post(node.address, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: ["x".repeat(LIMIT)] }));
    expect(answer.status).to.equal(413);
    const [body] = checkAnswer(answer.text, "oversized body");
    expect(body.error!.code).to.equal(-32600);
    expect(body.error!.message).to.contain(`exceeds ${LIMIT} bytes`).and.contain("--max-request-bytes");
    await expectAlive(node);
  });

  it("closes a WebSocket whose message is over the limit (1009) and keeps serving others", async () => {
    const { closeCode } = await wsExchange(node.address, "x".repeat(LIMIT + 1));
    expect(closeCode).to.equal(1009);
    const { answer } = await wsExchange(node.address, JSON.stringify({ jsonrpc: "2.0", id: 7, method: "eth_chainId" }));
    expect(JSON.parse(answer!).result).to.equal(`0x${CHAIN_ID.toString(16)}`);
  });

  it("answers garbage WebSocket frames and bodies with JSON-RPC errors", async () => {
    for (const text of ["", "{", "[]", "[1,2]", "null", '"x"', "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":1}", "\u0000\u00ff"]) {
      checkAnswer((await post(node.address, text)).text, `HTTP ${JSON.stringify(text)}`);
      const ws = await wsExchange(node.address, text);
      if (ws.answer !== undefined) checkAnswer(ws.answer, `WS ${JSON.stringify(text)}`);
    }
    const binary = await wsExchange(node.address, Buffer.from([0xff, 0xfe, 0x00]));
    if (binary.answer !== undefined) checkAnswer(binary.answer, "binary frame");
    await expectAlive(node);
  });

  it("answers params nested 5,000 deep with -32602, over HTTP and WebSocket", async () => {
    const body = `{"jsonrpc":"2.0","id":1,"method":"eth_call","params":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    for (const text of [(await post(node.address, body)).text, (await wsExchange(node.address, body)).answer!]) {
      const [answer] = checkAnswer(text, "deep params");
      expect(answer.error!.code).to.equal(-32602);
      expect(answer.error!.message).to.contain("nested deeper than");
    }
  });

  it("answers a message nested deeper than 10,000 levels with -32700, as Lotus' server does", async () => {
    // The request object is level 1 and params level 2: 9,998 arrays inside params make 10,000 in all.
    const nested = (arrays: number) => `{"jsonrpc":"2.0","id":1,"method":"eth_call","params":[${"[".repeat(arrays)}${"]".repeat(arrays)}]}`;
    const deepest = checkAnswer((await post(node.address, nested(9_998))).text, "10,000 levels")[0];
    expect(deepest.error!.code).to.equal(-32602);
    for (const text of [(await post(node.address, nested(9_999))).text, (await wsExchange(node.address, nested(9_999))).answer!]) {
      const [answer] = checkAnswer(text, "10,001 levels");
      expect(answer.error!.code).to.equal(-32700);
      expect(answer.error!.message).to.contain("deeper than 10000 levels");
    }
    await expectAlive(node);
  });

  it(`survives ${RANDOM_MESSAGES} random messages to every method without an internal error`, async () => {
    const r = new Random(8);
    const methods = methodNames(node.provider);
    const deadline = Date.now() + RANDOM_BUDGET_MS;
    for (let i = 0; i < RANDOM_MESSAGES && Date.now() < deadline; i++) {
      const message = randomMessage(r, methods);
      const context = `message ${i}: ${message.slice(0, 120)}`;
      if (i % 2 === 0) {
        const answer = await post(node.address, message);
        if (answer.status !== 204) checkAnswer(answer.text, context);
      } else {
        const { answer } = await wsExchange(node.address, message);
        if (answer !== undefined) checkAnswer(answer, context);
      }
    }
    await expectAlive(node);
  });
});

describe("fevm node in front of Hardhat's provider wrappers", function () {
  this.timeout(60_000);
  let node: Node;
  let wrapped: JsonRpcServer;
  let url: string;
  before(async () => {
    node = await startNode();
    // What `fevm node` serves: the filecoin network as Hardhat builds it, wrappers included.
    const netConfig = { url: "http://fevm.in-process.invalid", chainId: CHAIN_ID, accounts: "remote", gas: "auto", gasPrice: "auto", gasMultiplier: 1, httpHeaders: {}, timeout: 20000 } as HttpNetworkConfig;
    const provider = new BackwardsCompatibilityProviderAdapter(applyProviderWrappers(node.provider as unknown as EIP1193Provider, netConfig, []));
    wrapped = new JsonRpcServer(provider);
    url = (await wrapped.listen("127.0.0.1", 0)).url;
  });
  after(async () => {
    await wrapped.close();
    await node.close();
  });

  it("answers malformed transaction objects with -32602 naming the parameter, not a wrapper's TypeError", async () => {
    for (const [method, tx] of [["eth_sendTransaction", "0x"], ["eth_call", 5], ["eth_estimateGas", null], ["eth_sendTransaction", { from: 7 }]] as const) {
      const res = await fetch(url, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: [tx] }) });
      const [answer] = checkAnswer(await res.text(), `${method}(${JSON.stringify(tx)})`);
      expect(answer.error!.code, answer.error!.message).to.equal(-32602);
      expect(answer.error!.message).to.contain("param transaction");
    }
  });
});

import { EventEmitter } from "node:events";
import { expect } from "chai";
import { WebSocket } from "ws";
import { FevmProvider } from "../../../src/provider/provider";
import { JsonRpcServer, type ServerAddress } from "../../../src/server/json-rpc-server";

const MNEMONIC = "test test test test test test test test test test test junk";
const CHAIN_ID_HEX = "0x1df5e76"; // 31415926

/** Init code that reverts with Error("nope"): CODECOPY the 100 bytes after it, then REVERT them. */
const REVERT_REASON_DATA =
  "0x08c379a0" +
  "0000000000000000000000000000000000000000000000000000000000000020" +
  "0000000000000000000000000000000000000000000000000000000000000004" +
  "6e6f706500000000000000000000000000000000000000000000000000000000";
const REVERTING_INIT_CODE = "0x6064600c60003960646000fd" + REVERT_REASON_DATA.slice(2);

async function post(address: ServerAddress, body: string): Promise<{ status: number; json: any }> {
  const res = await fetch(address.url, { method: "POST", headers: { "Content-Type": "application/json" }, body });
  const text = await res.text();
  return { status: res.status, json: text === "" ? undefined : JSON.parse(text) };
}

function rpc(address: ServerAddress, method: string, params: unknown[] = [], id: number | string = 1) {
  return post(address, JSON.stringify({ jsonrpc: "2.0", id, method, params })).then((r) => r.json);
}

/** A WebSocket client that separates answers (by id) from eth_subscription pushes. */
class WsClient {
  readonly notifications: any[] = [];
  private readonly waiting = new Map<unknown, (msg: any) => void>();
  private notificationWaiter: (() => void) | undefined;
  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.method === "eth_subscription") {
        this.notifications.push(msg);
        this.notificationWaiter?.();
      } else {
        this.waiting.get(msg.id)?.(msg);
      }
    });
  }

  static async connect(address: ServerAddress): Promise<WsClient> {
    const socket = new WebSocket(address.wsUrl);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    return new WsClient(socket);
  }

  call(method: string, params: unknown[], id: number): Promise<any> {
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  nextNotification(): Promise<void> {
    return new Promise((resolve) => (this.notificationWaiter = resolve));
  }

  async close(): Promise<void> {
    const closed = new Promise((resolve) => this.socket.once("close", resolve));
    this.socket.close();
    await closed;
  }
}

describe("JSON-RPC server (fevm node)", function () {
  let provider: FevmProvider;
  let server: JsonRpcServer;
  let address: ServerAddress;
  let accounts: string[];

  before(async function () {
    provider = new FevmProvider({
      chainId: 31415926,
      networkVersion: 28,
      mnemonic: MNEMONIC,
      accountCount: 20,
      accountBalance: 10000n * 10n ** 18n,
    });
    server = new JsonRpcServer(provider);
    address = await server.listen("127.0.0.1", 0);
    accounts = (await rpc(address, "eth_accounts")).result;
  });

  after(async function () {
    await server.close();
  });

  it("listens on loopback on the port the OS picked and reports http and ws URLs", function () {
    expect(address.host).to.equal("127.0.0.1");
    expect(address.port).to.be.greaterThan(0);
    expect(address.url).to.equal(`http://127.0.0.1:${address.port}/`);
    expect(address.wsUrl).to.equal(`ws://127.0.0.1:${address.port}/`);
  });

  describe("over HTTP", function () {
    it("answers a single request with the same id", async function () {
      expect(await rpc(address, "eth_chainId", [], "abc")).to.deep.equal({ jsonrpc: "2.0", id: "abc", result: CHAIN_ID_HEX });
    });

    it("answers a batch in order, leaving out its notifications", async function () {
      const { json } = await post(
        address,
        JSON.stringify([
          { jsonrpc: "2.0", id: 1, method: "eth_chainId" },
          { jsonrpc: "2.0", method: "evm_mine" },
          { jsonrpc: "2.0", id: 2, method: "net_version" },
          { jsonrpc: "2.0", id: 3, method: "foo" },
        ]),
      );
      expect(json.map((r: any) => r.id)).to.deep.equal([1, 2, 3]);
      expect(json[0].result).to.equal(CHAIN_ID_HEX);
      expect(json[1].result).to.equal("31415926");
      expect(json[2].error.code).to.equal(-32004);
    });

    it("runs a notification but answers nothing", async function () {
      const before = BigInt((await rpc(address, "eth_blockNumber")).result);
      const { status, json } = await post(address, JSON.stringify({ jsonrpc: "2.0", method: "evm_mine" }));
      expect(status).to.equal(204);
      expect(json).to.equal(undefined);
      expect(BigInt((await rpc(address, "eth_blockNumber")).result)).to.equal(before + 1n);
    });

    it("sends a transaction and returns its receipt", async function () {
      const to = accounts[1];
      const balanceBefore = BigInt((await rpc(address, "eth_getBalance", [to, "latest"])).result);
      const sent = await rpc(address, "eth_sendTransaction", [{ from: accounts[0], to, value: "0x3e8" }]);
      expect(sent.result).to.match(/^0x[0-9a-f]{64}$/);
      const receipt = (await rpc(address, "eth_getTransactionReceipt", [sent.result])).result;
      expect(receipt.status).to.equal("0x1");
      expect(receipt.transactionHash).to.equal(sent.result);
      expect(BigInt((await rpc(address, "eth_getBalance", [to, "latest"])).result)).to.equal(balanceBefore + 1000n);
    });

    it("reports a reverted transaction like Hardhat's node: message, return data and tx hash in error.data", async function () {
      const { error, id } = await rpc(address, "eth_sendTransaction", [{ from: accounts[0], data: REVERTING_INIT_CODE }], 7);
      expect(id).to.equal(7);
      expect(error.message).to.include("reverted with reason string 'nope'");
      expect(error.data.message).to.equal(error.message);
      expect(error.data.data).to.equal(REVERT_REASON_DATA);
      expect(error.data.txHash).to.match(/^0x[0-9a-f]{64}$/);
      expect(Object.keys(error.data).sort()).to.deep.equal(["data", "message", "txHash"]);
    });

    it("reports a reverted eth_call with its return data and no tx hash", async function () {
      const { error } = await rpc(address, "eth_call", [{ from: accounts[0], data: REVERTING_INIT_CODE }, "latest"]);
      expect(error.data).to.deep.equal({ message: error.message, data: REVERT_REASON_DATA });
    });

    it("answers malformed JSON with a parse error (-32700) and id null", async function () {
      const { json } = await post(address, '{"jsonrpc":"2.0","id":1,');
      expect(json.id).to.equal(null);
      expect(json.error.code).to.equal(-32700);
      expect(json.error.message).to.match(/^Parse error: /);
    });

    it("answers a request without a method with an invalid request error (-32600) that keeps its id", async function () {
      const { json } = await post(address, JSON.stringify({ jsonrpc: "2.0", id: 5, params: [] }));
      expect(json).to.deep.include({ id: 5 });
      expect(json.error.code).to.equal(-32600);
      expect(json.error.message).to.include('"method" must be a string');
    });

    it("answers an empty batch with one invalid request error", async function () {
      const { json } = await post(address, "[]");
      expect(json.error.code).to.equal(-32600);
    });

    it('answers an unknown method with -32004 "Method foo is not supported"', async function () {
      const { error } = await rpc(address, "foo");
      expect(error).to.deep.equal({ code: -32004, message: "Method foo is not supported", data: { message: "Method foo is not supported" } });
    });

    it("refuses eth_subscribe, which needs a WebSocket to deliver anything", async function () {
      const { error } = await rpc(address, "eth_subscribe", ["newHeads"]);
      expect(error.code).to.equal(-32004);
      expect(error.message).to.include("WebSocket");
    });

    it("sends Hardhat's CORS headers and answers preflight requests", async function () {
      const res = await fetch(address.url, { method: "OPTIONS" });
      expect(res.status).to.equal(200);
      expect(res.headers.get("access-control-allow-origin")).to.equal("*");
      expect(res.headers.get("access-control-allow-headers")).to.equal("*");
      expect(res.headers.get("access-control-allow-methods")).to.equal("OPTIONS, GET");
      const post = await fetch(address.url, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId" }) });
      expect(post.headers.get("access-control-allow-origin")).to.equal("*");
      expect(post.headers.get("content-type")).to.equal("application/json");
    });
  });

  describe("over WebSocket", function () {
    it("pushes a newHeads notification to the subscriber after evm_mine", async function () {
      this.timeout(5000); // a notification that never comes fails the test here
      const client = await WsClient.connect(address);
      try {
        const { result: subscription } = await client.call("eth_subscribe", ["newHeads"], 1);
        const arrived = client.nextNotification();
        await rpc(address, "evm_mine");
        await arrived;
        const head = (await rpc(address, "eth_getBlockByNumber", ["latest", false])).result;
        expect(client.notifications).to.have.length(1);
        expect(client.notifications[0]).to.deep.include({ jsonrpc: "2.0", method: "eth_subscription" });
        expect(client.notifications[0].params.subscription).to.equal(subscription);
        expect(client.notifications[0].params.result.number).to.equal(head.number);
        expect(client.notifications[0].params.result.hash).to.equal(head.hash);
      } finally {
        await client.close();
      }
    });

    it("does not push one socket's notifications to another", async function () {
      this.timeout(5000); // a notification that never comes fails the test here
      const subscriber = await WsClient.connect(address);
      const bystander = await WsClient.connect(address);
      try {
        await subscriber.call("eth_subscribe", ["newHeads"], 1);
        const arrived = subscriber.nextNotification();
        await bystander.call("evm_mine", [], 2);
        await arrived;
        expect(bystander.notifications).to.have.length(0);
      } finally {
        await Promise.all([subscriber.close(), bystander.close()]);
      }
    });

    it("answers requests and batches like HTTP", async function () {
      const client = await WsClient.connect(address);
      try {
        expect((await client.call("eth_chainId", [], 9)).result).to.equal(CHAIN_ID_HEX);
        const batch = await new Promise<any>((resolve) => {
          client.socket.once("message", (data) => resolve(JSON.parse(data.toString())));
          client.socket.send(JSON.stringify([{ jsonrpc: "2.0", id: 1, method: "net_version" }, { jsonrpc: "2.0", id: 2, method: "eth_chainId" }]));
        });
        expect(batch.map((r: any) => r.result)).to.deep.equal(["31415926", CHAIN_ID_HEX]);
      } finally {
        await client.close();
      }
    });

    it("unsubscribes a socket's subscriptions when the socket closes", async function () {
      this.timeout(5000); // fails by timing out if the server never unsubscribes
      const client = await WsClient.connect(address);
      const { result: subscription } = await client.call("eth_subscribe", ["newHeads"], 1);
      const request = provider.request.bind(provider);
      const unsubscribedByServer = new Promise<unknown>((resolve) => {
        provider.request = (args) => {
          const answer = request(args);
          if (args.method === "eth_unsubscribe" && (args.params as unknown[])[0] === subscription) resolve(answer);
          return answer;
        };
      });
      try {
        await client.close();
        expect(await unsubscribedByServer).to.equal(true);
      } finally {
        provider.request = request;
      }
      expect(await provider.request({ method: "eth_unsubscribe", params: [subscription] })).to.equal(false);
    });
  });
});

describe("JSON-RPC server with a provider that misbehaves", function () {
  /** Stands in for a provider with a bug: answers bigints and throws plain errors. */
  class FaultyProvider extends EventEmitter {
    async request({ method }: { method: string }): Promise<unknown> {
      if (method === "big") return { balance: 10n ** 20n };
      throw new TypeError("cannot read properties of undefined");
    }
  }

  let server: JsonRpcServer;
  let address: ServerAddress;

  before(async function () {
    server = new JsonRpcServer(new FaultyProvider());
    address = await server.listen("127.0.0.1", 0);
  });

  after(async function () {
    await server.close();
  });

  it("turns a non-provider error into an internal error (-32603) with its message", async function () {
    const { error } = await rpc(address, "anything");
    expect(error).to.deep.equal({
      code: -32603,
      message: "cannot read properties of undefined",
      data: { message: "cannot read properties of undefined" },
    });
  });

  it("sends a bigint as a hex quantity instead of failing to encode it", async function () {
    expect((await rpc(address, "big")).result).to.deep.equal({ balance: "0x56bc75e2d63100000" });
  });
});

describe("JSON-RPC server lifecycle", function () {
  const idle = Object.assign(new EventEmitter(), { request: async () => "0x1" });

  it("closes with clients still connected, and then refuses connections", async function () {
    const server = new JsonRpcServer(idle);
    const address = await server.listen("127.0.0.1", 0);
    const client = await WsClient.connect(address);
    await rpc(address, "eth_chainId"); // leaves an idle keep-alive connection
    const socketClosed = new Promise((resolve) => client.socket.once("close", resolve));
    await server.close();
    await socketClosed;
    let refused: unknown;
    await fetch(address.url, { method: "POST", body: "{}" }).catch((e) => (refused = e));
    expect(refused, "a request after close() must fail").to.be.instanceOf(Error);
    expect(idle.listenerCount("notification")).to.equal(0);
  });

  it("says which port is taken when it cannot listen", async function () {
    const first = new JsonRpcServer(idle);
    const { port } = await first.listen("127.0.0.1", 0);
    const second = new JsonRpcServer(idle);
    try {
      let failure: Error | undefined;
      await second.listen("127.0.0.1", port).catch((e: Error) => (failure = e));
      expect(failure?.message).to.equal(
        `Cannot listen on 127.0.0.1:${port}: the port is in use (another node running?). Stop it or choose another port.`,
      );
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});

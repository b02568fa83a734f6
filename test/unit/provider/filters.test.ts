// Logs and filters as ethers and users query them: eth_getLogs by address, topics (positions,
// OR-lists, wildcards), block range and block hash gives what Hardhat's network gives; polling
// filters report what is new since the last poll; subscriptions push "notification" events.
import { expect } from "chai";
import { toBeHex, zeroPadValue } from "ethers";
import { fixtures } from "./fixtures";
import { ACCOUNTS, block, deploy, fevmNetwork, hardhatNetwork, hex, send, type Rpc } from "./support";

interface LogJson {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string;
  blockHash: string;
  transactionHash: string;
  logIndex: string;
  transactionIndex: string;
  removed: boolean;
}

interface History {
  rpc: Rpc;
  first: string;
  second: string;
  /** The block holding second's `inc` from ACCOUNTS[1]. */
  markedBlock: string;
  latest: bigint;
}

async function makeHistory(rpc: Rpc): Promise<History> {
  const { Counter } = fixtures();
  const first = await deploy(rpc, Counter);
  const second = await deploy(rpc, Counter);
  await send(rpc, Counter, first, "inc");
  await send(rpc, Counter, first, "inc", [], { from: ACCOUNTS[1] });
  const marked = await send(rpc, Counter, second, "inc", [], { from: ACCOUNTS[1] });
  await send(rpc, Counter, first, "note", [7]);
  await send(rpc, Counter, second, "add", [5]);
  const { blockHash } = await rpc.call<{ blockHash: string }>("eth_getTransactionReceipt", marked);
  return { rpc, first, second, markedBlock: blockHash, latest: BigInt(await rpc.call<string>("eth_blockNumber")) };
}

/** What must agree between networks: everything but hashes. */
const comparable = (logs: LogJson[]) => logs.map(({ blockHash: _b, transactionHash: _t, ...rest }) => rest);

describe("logs and filters", function () {
  let hardhat: History;
  let filecoin: History;
  const { Counter } = fixtures();
  const INCREMENTED = Counter.iface.getEvent("Incremented")!.topicHash;
  const NOTED = Counter.iface.getEvent("Noted")!.topicHash;
  const topicOf = (address: string) => zeroPadValue(address, 32);
  const countTopic = (n: number) => toBeHex(n, 32);

  before(async function () {
    hardhat = await makeHistory(await hardhatNetwork());
    filecoin = await makeHistory(fevmNetwork());
  });

  const QUERIES: Array<[string, (h: History) => Record<string, unknown>, number]> = [
    ["every log from genesis", () => ({ fromBlock: "0x0" }), 5],
    ["one contract's logs", (h) => ({ fromBlock: "0x0", address: h.first }), 3],
    ["a list of contracts", (h) => ({ fromBlock: "0x0", address: [h.second, h.first] }), 5],
    ["an event signature", () => ({ fromBlock: "0x0", topics: [INCREMENTED] }), 4],
    ["a wildcard then an indexed argument", () => ({ fromBlock: "0x0", topics: [null, topicOf(ACCOUNTS[1])] }), 2],
    ["an OR-list of senders", () => ({ fromBlock: "0x0", topics: [INCREMENTED, [topicOf(ACCOUNTS[0]), topicOf(ACCOUNTS[1])]] }), 4],
    ["an OR-list of event signatures", (h) => ({ fromBlock: "0x0", address: h.first, topics: [[NOTED, INCREMENTED]] }), 3],
    ["a wildcard in the middle", () => ({ fromBlock: "0x0", topics: [INCREMENTED, null, countTopic(2)] }), 1],
    ["more topics than the log has", () => ({ fromBlock: "0x0", topics: [INCREMENTED, null, null, countTopic(1)] }), 0],
    ["a block hash", (h) => ({ blockHash: h.markedBlock }), 1],
    ["a block range", () => ({ fromBlock: "0x3", toBlock: "0x4" }), 2],
    ["a range past the latest block", () => ({ fromBlock: "0x0", toBlock: "0x1000" }), 5],
    ["a range starting after the latest block", (h) => ({ fromBlock: hex(h.latest + 100n) }), 0],
    ["no range: the latest block", () => ({}), 1],
  ];

  for (const [what, query, count] of QUERIES) {
    it(`eth_getLogs by ${what} answers what Hardhat answers`, async function () {
      const theirs = await hardhat.rpc.call<LogJson[]>("eth_getLogs", query(hardhat));
      const ours = await filecoin.rpc.call<LogJson[]>("eth_getLogs", query(filecoin));
      expect(ours).to.have.length(count);
      expect(comparable(ours)).to.deep.equal(comparable(theirs));
    });
  }

  it("eth_getLogs refuses an unknown block hash, as Hardhat does", async function () {
    for (const { rpc } of [hardhat, filecoin]) {
      const error = await rpc.error("eth_getLogs", { blockHash: `0x${"12".repeat(32)}` });
      expect(error.code).to.equal(-32602);
      expect(error.message).to.include("blockHash cannot be found");
    }
  });

  it("a log filter reports new matching logs once, and all of them through eth_getFilterLogs", async function () {
    const { rpc, first, second } = filecoin;
    const id = await rpc.call<string>("eth_newFilter", { fromBlock: "0x0", address: first, topics: [INCREMENTED] });
    expect(id).to.match(/^0x[0-9a-f]+$/);
    expect(await rpc.call("eth_getFilterChanges", id)).to.deep.equal([]);
    await send(rpc, Counter, first, "inc");
    await send(rpc, Counter, second, "inc");
    await send(rpc, Counter, first, "note", [1]);
    const changes = await rpc.call<LogJson[]>("eth_getFilterChanges", id);
    expect(changes.map((l) => l.topics[2])).to.deep.equal([countTopic(3)]);
    expect(await rpc.call("eth_getFilterChanges", id)).to.deep.equal([]);
    const all = await rpc.call<LogJson[]>("eth_getFilterLogs", id);
    expect(all.map((l) => l.topics[2])).to.deep.equal([countTopic(1), countTopic(2), countTopic(3)]);
    expect(await rpc.call("eth_uninstallFilter", id)).to.equal(true);
    expect(await rpc.call("eth_uninstallFilter", id)).to.equal(false);
  });

  it("a block filter reports the hashes of the blocks mined since the last poll", async function () {
    const { rpc } = filecoin;
    const id = await rpc.call<string>("eth_newBlockFilter");
    await rpc.call("evm_mine");
    await rpc.call("hardhat_mine", "0x2");
    const latest = BigInt((await block(rpc)).number);
    const expected = [];
    for (let n = latest - 2n; n <= latest; n++) expected.push((await block(rpc, n)).hash);
    expect(await rpc.call("eth_getFilterChanges", id)).to.deep.equal(expected);
    expect(await rpc.call("eth_getFilterChanges", id)).to.deep.equal([]);
  });

  it("a pending-transaction filter reports every accepted transaction, as Hardhat's does", async function () {
    for (const { rpc } of [hardhat, filecoin]) {
      const id = await rpc.call<string>("eth_newPendingTransactionFilter");
      const mined = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[2], to: ACCOUNTS[3], value: "0x1" });
      await rpc.call("evm_setAutomine", false);
      const queued = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[2], to: ACCOUNTS[3], value: "0x1" });
      expect(await rpc.call("eth_getFilterChanges", id)).to.deep.equal([mined, queued]);
      expect(await rpc.call("eth_getFilterChanges", id)).to.deep.equal([]);
      await rpc.call("evm_mine");
      await rpc.call("evm_setAutomine", true);
    }
  });

  it("an uninstalled or unknown filter answers null, as on Hardhat's network", async function () {
    for (const { rpc } of [hardhat, filecoin]) {
      const id = await rpc.call<string>("eth_newBlockFilter");
      await rpc.call("eth_uninstallFilter", id);
      expect(await rpc.call("eth_getFilterChanges", id)).to.equal(null);
      expect(await rpc.call("eth_getFilterLogs", "0x999")).to.equal(null);
    }
  });

  it("eth_subscribe pushes newHeads and logs as 'notification' (and EIP-1193 'message') events until unsubscribed", async function () {
    const { rpc, first } = filecoin;
    const provider = rpc.provider as import("node:events").EventEmitter;
    const notifications: { subscription: string; result: { number?: string; topics?: string[] } }[] = [];
    const messages: unknown[] = [];
    const onNotification = (n: (typeof notifications)[number]) => notifications.push(n);
    const onMessage = (m: unknown) => messages.push(m);
    provider.on("notification", onNotification);
    provider.on("message", onMessage);
    try {
      const heads = await rpc.call<string>("eth_subscribe", "newHeads");
      const logs = await rpc.call<string>("eth_subscribe", "logs", { address: first });
      await send(rpc, Counter, first, "note", [9]);
      const latest = await block(rpc);
      expect(notifications).to.have.length(2);
      const head = notifications.find((n) => n.subscription === heads)!;
      expect(head.result).to.deep.equal(latest);
      const log = notifications.find((n) => n.subscription === logs)!;
      expect(log.result.topics).to.deep.equal([NOTED]);
      expect(messages).to.deep.equal(notifications.map((data) => ({ type: "eth_subscription", data })));

      expect(await rpc.call("eth_unsubscribe", heads)).to.equal(true);
      expect(await rpc.call("eth_unsubscribe", logs)).to.equal(true);
      await rpc.call("evm_mine");
      expect(notifications).to.have.length(2);
    } finally {
      provider.off("notification", onNotification);
      provider.off("message", onMessage);
    }
  });
});

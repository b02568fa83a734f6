// Block parameters name the state a request reads, as on Hardhat's network: tags, numbers and
// EIP-1898 objects, with every past block's state (balances, nonces, code, storage, calls)
// still readable after later transactions — chai-matchers' changeEtherBalance relies on it.
import { expect } from "chai";
import { fixtures } from "./fixtures";
import { ACCOUNTS, block, deploy, fevmNetwork, hardhatNetwork, hex, read, send, type Rpc } from "./support";

const [SENDER, , , RECIPIENT] = ACCOUNTS;
const ONE_FIL = 10n ** 18n;

interface History {
  rpc: Rpc;
  counter: string;
  /** Block numbers: after the deploy, after one inc, after a transfer, after a second inc. */
  deployed: bigint;
  incremented: bigint;
  transferred: bigint;
  latest: bigint;
  recipientBalance: bigint;
}

async function makeHistory(rpc: Rpc): Promise<History> {
  const { Counter } = fixtures();
  const recipientBalance = BigInt(await rpc.call<string>("eth_getBalance", RECIPIENT, "latest"));
  const counter = await deploy(rpc, Counter, SENDER);
  const deployed = BigInt(await rpc.call<string>("eth_blockNumber"));
  await send(rpc, Counter, counter, "inc");
  const incremented = BigInt(await rpc.call<string>("eth_blockNumber"));
  await rpc.call("hardhat_mine", "0x5");
  await rpc.call("eth_sendTransaction", { from: SENDER, to: RECIPIENT, value: hex(ONE_FIL) });
  const transferred = BigInt(await rpc.call<string>("eth_blockNumber"));
  await send(rpc, Counter, counter, "inc");
  const latest = BigInt(await rpc.call<string>("eth_blockNumber"));
  return { rpc, counter, deployed, incremented, transferred, latest, recipientBalance };
}

describe("block tags and historical state", function () {
  let hardhat: History;
  let filecoin: History;

  before(async function () {
    hardhat = await makeHistory(await hardhatNetwork());
    filecoin = await makeHistory(fevmNetwork());
  });

  for (const network of ["Hardhat's network", "the filecoin network"] as const) {
    const h = () => (network === "Hardhat's network" ? hardhat : filecoin);

    describe(`on ${network}`, function () {
      it("reads the counter as it was after each block", async function () {
        const { rpc, counter, deployed, incremented, transferred, latest } = h();
        const { Counter } = fixtures();
        const count = async (tag: unknown) => (await read(rpc, Counter, counter, "count", [], tag))[0];
        expect(await count(hex(deployed))).to.equal(0n);
        expect(await count(hex(incremented))).to.equal(1n);
        expect(await count(hex(transferred))).to.equal(1n);
        expect(await count(hex(latest))).to.equal(2n);
        expect(await count("latest")).to.equal(2n);
        expect(await count({ blockNumber: hex(incremented) })).to.equal(1n);
        const { hash } = await block(rpc, incremented);
        expect(await count({ blockHash: hash })).to.equal(1n);
        expect(await count({ blockHash: hash, requireCanonical: true })).to.equal(1n);
      });

      it("reads storage, code and nonces at past blocks", async function () {
        const { rpc, counter, deployed, incremented, latest } = h();
        const word = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
        expect(await rpc.call("eth_getStorageAt", counter, "0x0", hex(deployed))).to.equal(word(0));
        expect(await rpc.call("eth_getStorageAt", counter, "0x0", hex(incremented))).to.equal(word(1));
        expect(await rpc.call("eth_getStorageAt", counter, "0x0", "latest")).to.equal(word(2));
        expect(await rpc.call("eth_getCode", counter, hex(deployed - 1n))).to.equal("0x");
        expect(await rpc.call("eth_getCode", counter, "earliest")).to.equal("0x");
        expect(await rpc.call<string>("eth_getCode", counter, hex(deployed))).to.have.length.greaterThan(100);
        expect(await rpc.call("eth_getTransactionCount", SENDER, "earliest")).to.equal("0x0");
        expect(await rpc.call("eth_getTransactionCount", SENDER, hex(deployed))).to.equal("0x1");
        expect(await rpc.call("eth_getTransactionCount", SENDER, hex(latest))).to.equal("0x4");
        expect(await rpc.call("eth_getTransactionCount", SENDER, "pending")).to.equal("0x4");
      });

      it("reads balances before and after a transfer, as changeEtherBalance does", async function () {
        const { rpc, transferred, recipientBalance } = h();
        const balance = async (tag: unknown) => BigInt(await rpc.call<string>("eth_getBalance", RECIPIENT, tag));
        expect(await balance(hex(transferred - 1n))).to.equal(recipientBalance);
        expect(await balance(hex(transferred))).to.equal(recipientBalance + ONE_FIL);
        expect(await balance("latest")).to.equal(recipientBalance + ONE_FIL);
        expect(await balance("earliest")).to.equal(recipientBalance);
      });

      it("takes a block number given as a JSON number where Hardhat does: block and transaction lookups", async function () {
        const { rpc, incremented, latest } = h();
        const at = Number(incremented);
        expect((await rpc.call<{ number: string }>("eth_getBlockByNumber", at, false)).number).to.equal(hex(incremented));
        expect(await rpc.call("eth_getBlockTransactionCountByNumber", at)).to.equal("0x1");
        expect(await rpc.call<{ blockNumber: string }>("eth_getTransactionByBlockNumberAndIndex", at, "0x0")).to.include({ blockNumber: hex(incremented) });
        expect(await rpc.call("eth_getBlockByNumber", Number(latest) + 100, false)).to.equal(null);
        expect((await rpc.error("eth_getBlockByNumber", 1.5, false)).code).to.equal(-32602);
        expect((await rpc.error("eth_getBlockByNumber", -1, false)).code).to.equal(-32602);
        expect((await rpc.error("eth_getBalance", RECIPIENT, at)).code).to.equal(-32602);
      });

      it("treats safe and finalized as the latest block", async function () {
        const { rpc } = h();
        for (const tag of ["safe", "finalized"]) {
          expect(await rpc.call("eth_getBalance", SENDER, tag), tag).to.equal(await rpc.call("eth_getBalance", SENDER, "latest"));
          expect((await block(rpc, tag)).hash, tag).to.equal((await block(rpc)).hash);
        }
        expect(Number((await block(rpc, "earliest")).number)).to.equal(0);
      });

      it("runs eth_call at 'latest' in the latest block and at 'pending' in the next one", async function () {
        const { rpc, counter, latest, incremented } = h();
        const { Counter } = fixtures();
        const latestBlock = await block(rpc);
        const [number, timestamp] = await read(rpc, Counter, counter, "when", [], "latest");
        expect(number).to.equal(latest);
        expect(timestamp).to.equal(BigInt(latestBlock.timestamp));
        const [pendingNumber, pendingTimestamp] = await read(rpc, Counter, counter, "when", [], "pending");
        expect(pendingNumber).to.equal(latest + 1n);
        expect(pendingTimestamp as bigint > BigInt(latestBlock.timestamp)).to.equal(true);
        const [pastNumber, pastTimestamp] = await read(rpc, Counter, counter, "when", [], hex(incremented));
        expect(pastNumber).to.equal(incremented);
        expect(pastTimestamp).to.equal(BigInt((await block(rpc, incremented)).timestamp));
      });

      it("refuses a block number past the latest with Hardhat's message", async function () {
        const { rpc, latest } = h();
        for (const method of ["eth_getBalance", "eth_getCode", "eth_getTransactionCount"]) {
          const error = await rpc.error(method, SENDER, hex(latest + 10n));
          expect(error.code, method).to.equal(-32000);
          expect(error.message).to.equal(`Received invalid block tag ${latest + 10n}. Latest block number is ${latest}`);
        }
        const unknownHash = await rpc.error("eth_getBalance", SENDER, { blockHash: `0x${"12".repeat(32)}` });
        expect(unknownHash.code).to.equal(-32000);
        expect(await rpc.call("eth_getBlockByNumber", hex(latest + 10n), false)).to.equal(null);
      });
    });
  }

  it("keeps epochs as block numbers: the empty epochs mined in between read the state before them", async function () {
    const { rpc, counter, incremented, transferred, recipientBalance } = filecoin;
    const { Counter } = fixtures();
    expect(transferred - incremented).to.equal(6n);
    for (let n = incremented; n < transferred; n++) {
      expect((await read(rpc, Counter, counter, "count", [], hex(n)))[0], `block ${n}`).to.equal(1n);
      expect(BigInt(await rpc.call<string>("eth_getBalance", RECIPIENT, hex(n)))).to.equal(recipientBalance);
    }
  });
});

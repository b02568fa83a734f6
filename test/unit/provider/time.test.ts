// Time on the filecoin network moves in 30-second epochs: block number = epoch and
// timestamp = genesis + 30 s × epoch. evm_increaseTime, evm_setNextBlockTimestamp, evm_mine and
// hardhat_mine keep Hardhat's meaning within that model (a time jump skips epochs).
import { expect } from "chai";
import { fixtures } from "./fixtures";
import { ACCOUNTS, block, deploy, fevmNetwork, hex, read, type BlockJson, type Rpc } from "./support";

const EPOCH = 30n;

describe("time and epochs", function () {
  let rpc: Rpc;
  let genesis: bigint;
  let snapshot: unknown;

  before(async function () {
    rpc = fevmNetwork();
    genesis = BigInt((await block(rpc, "earliest")).timestamp);
  });
  beforeEach(async function () {
    snapshot = await rpc.call("evm_snapshot");
  });
  afterEach(async function () {
    expect(await rpc.call("evm_revert", snapshot)).to.equal(true);
  });

  const latest = async () => {
    const b = await block(rpc);
    return { number: BigInt(b.number), timestamp: BigInt(b.timestamp) };
  };

  /** Filecoin's consensus rule, checked on every block a test looks at. */
  const expectEpochTime = (b: BlockJson) => expect(BigInt(b.timestamp), `block ${b.number}`).to.equal(genesis + EPOCH * BigInt(b.number));

  it("mines one epoch, 30 seconds, per block", async function () {
    const before = await latest();
    await rpc.call("evm_mine");
    await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: ACCOUNTS[1], value: "0x1" });
    const after = await latest();
    expect(after.number).to.equal(before.number + 2n);
    expect(after.timestamp).to.equal(before.timestamp + 2n * EPOCH);
    expectEpochTime(await block(rpc));
  });

  it("evm_increaseTime skips the epochs the time covers and answers the total offset, as Hardhat does", async function () {
    const before = await latest();
    expect(await rpc.call("evm_increaseTime", 10)).to.equal("10");
    expect(await rpc.call("evm_increaseTime", "0x50")).to.equal("90");
    await rpc.call("evm_mine");
    const after = await latest();
    expect(after.timestamp - before.timestamp).to.equal(90n);
    expect(after.number - before.number).to.equal(3n);
    await rpc.call("evm_mine");
    expect((await latest()).timestamp - after.timestamp).to.equal(EPOCH);
  });

  it("evm_setNextBlockTimestamp lands the next block on the first epoch at or after that time", async function () {
    const before = await latest();
    await rpc.call("evm_setNextBlockTimestamp", hex(before.timestamp + 31n));
    const hash = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[0], to: ACCOUNTS[1], value: "0x1" });
    const receipt = await rpc.call<{ blockNumber: string }>("eth_getTransactionReceipt", hash);
    const mined = await block(rpc, receipt.blockNumber);
    expect(BigInt(mined.timestamp)).to.equal(before.timestamp + 2n * EPOCH);
    expect(BigInt(mined.number)).to.equal(before.number + 2n);
    expectEpochTime(mined);

    await rpc.call("evm_setNextBlockTimestamp", Number(before.timestamp + 5n * EPOCH));
    await rpc.call("evm_mine");
    expect((await latest()).timestamp).to.equal(before.timestamp + 5n * EPOCH);
  });

  it("the time a contract sees is its block's timestamp", async function () {
    const { Counter } = fixtures();
    const counter = await deploy(rpc, Counter);
    const now = await latest();
    await rpc.call("evm_setNextBlockTimestamp", hex(now.timestamp + 3600n));
    await rpc.call("evm_mine");
    const [number, timestamp] = await read(rpc, Counter, counter, "when");
    expect(timestamp).to.equal(now.timestamp + 3600n);
    expect(number).to.equal(now.number + 120n);
  });

  it("network-helpers' time.increase(3600) moves the latest timestamp by exactly an hour", async function () {
    const before = await latest();
    await rpc.call("evm_setNextBlockTimestamp", hex(before.timestamp + 3600n));
    await rpc.call("hardhat_mine", "0x1", "0x1");
    expect((await latest()).timestamp).to.equal(before.timestamp + 3600n);
  });

  it("refuses a timestamp in the past with Hardhat's message", async function () {
    const { timestamp } = await latest();
    const past = await rpc.error("evm_setNextBlockTimestamp", hex(timestamp - 1n));
    expect(past.code).to.equal(-32000);
    expect(past.message).to.equal(`Timestamp ${timestamp - 1n} is lower than the previous block's timestamp ${timestamp}`);
    const same = await rpc.error("evm_mine", Number(timestamp));
    expect(same.code).to.equal(-32000);
    expect(same.message).to.match(new RegExp(`^Timestamp ${timestamp} is equal to the previous block's timestamp`));
  });

  it("evm_mine with a timestamp mines at that time, rounded up to its epoch", async function () {
    const before = await latest();
    expect(await rpc.call("evm_mine", Number(before.timestamp + 61n))).to.equal("0");
    const after = await latest();
    expect(after.timestamp).to.equal(before.timestamp + 90n);
    expect(after.number).to.equal(before.number + 3n);
  });

  it("hardhat_mine(n) mines n epochs; with an interval, blocks that many seconds apart", async function () {
    const start = await latest();
    await rpc.call("hardhat_mine", "0x5");
    expect((await latest()).number).to.equal(start.number + 5n);
    await rpc.call("hardhat_mine", "0x3", hex(90n));
    // The first block comes one epoch later, the next ones 90 s (3 epochs) apart: +1, +4, +7.
    const end = await latest();
    expect(end.number).to.equal(start.number + 5n + 7n);
    expect(end.timestamp).to.equal(start.timestamp + 12n * EPOCH);
    for (let n = start.number; n <= end.number; n++) expectEpochTime(await block(rpc, n));
  });

  it("hardhat_mine(0x100000) is instant, and every block in the range is readable by number and hash, linked to its parent", async function () {
    const start = await latest();
    const began = Date.now();
    expect(await rpc.call("hardhat_mine", "0x100000")).to.equal(true);
    expect(Date.now() - began).to.be.below(500);
    const end = start.number + 0x100000n;
    expect((await latest()).number).to.equal(end);
    // A transaction after the range, so that the range is no longer the chain's tip.
    await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: ACCOUNTS[1], value: "0x1" });
    const samples = [start.number + 1n, start.number + 2n, start.number + 0x7ffffn, start.number + 0x80007n, end - 1n, end, end + 1n];
    for (const n of samples) {
      const b = await block(rpc, n);
      expect(BigInt(b.number), `block ${n}`).to.equal(n);
      expectEpochTime(b);
      const parent = await block(rpc, n - 1n);
      expect(b.parentHash, `parent of ${n}`).to.equal(parent.hash);
      const byHash = await rpc.call<BlockJson>("eth_getBlockByHash", b.hash, false);
      expect(byHash, `block ${n} by hash`).to.deep.equal(b);
    }
    expect(await rpc.call("eth_getBlockByHash", `0x${"00".repeat(24)}${"00".repeat(5)}0abcde`, false)).to.equal(null);
  });
});

describe("the notice when a time target is rounded up to the epoch grid", function () {
  const onGrid = async (rpc: Rpc) => BigInt((await block(rpc)).timestamp);

  it("says once per run that time.increase(10) lands 30 s later, and how to silence it", async function () {
    const rpc = fevmNetwork();
    const start = await onGrid(rpc);
    await rpc.call("evm_increaseTime", 10);
    await rpc.call("evm_mine");
    expect(rpc.printed).to.deep.equal([
      `hardhat-fevm: timestamp ${start + 10n} is not on Filecoin's 30 s epoch grid, so the next block gets ${start + EPOCH} (epoch 1); ` +
        `tests written for one-second blocks may differ (see "Porting an Ethereum test suite" in hardhat-fevm's README). ` +
        "Shown once; silence it with fevm: { warnOnTimeRounding: false }.",
    ]);
    await rpc.call("evm_setNextBlockTimestamp", hex(start + 100n));
    await rpc.call("hardhat_reset");
    await rpc.call("evm_increaseTime", 1);
    expect(rpc.printed).to.have.length(1);
  });

  it("stays silent for targets on the grid: time.increase(3600), increaseTo(latest + 60), mine()", async function () {
    const rpc = fevmNetwork();
    await rpc.call("evm_increaseTime", 3600);
    await rpc.call("evm_mine");
    await rpc.call("evm_setNextBlockTimestamp", hex((await onGrid(rpc)) + 60n));
    await rpc.call("evm_mine", hex((await onGrid(rpc)) + 30n * 5n));
    await rpc.call("hardhat_mine", "0x10");
    expect(rpc.printed).to.deep.equal([]);
  });

  it("notices increaseTo and evm_mine targets off the grid too", async function () {
    for (const request of [["evm_setNextBlockTimestamp"], ["evm_mine"]] as const) {
      const rpc = fevmNetwork();
      await rpc.call(request[0], hex((await onGrid(rpc)) + 31n));
      expect(rpc.printed).to.have.length(1);
      expect(rpc.printed[0]).to.contain("(epoch 2)");
    }
  });

  it("prints nothing with warnOnTimeRounding: false", async function () {
    const rpc = fevmNetwork({ warnOnTimeRounding: false });
    await rpc.call("evm_increaseTime", 10);
    await rpc.call("evm_mine");
    expect(rpc.printed).to.deep.equal([]);
  });
});

// Snapshots behave as on Hardhat's network, which loadFixture and takeSnapshot rely on: ids
// increase, evm_revert restores blocks, state, time and the mempool, and consumes that snapshot
// and every later one. hardhat_reset starts over from a new genesis.
import { expect } from "chai";
import { fixtures } from "./fixtures";
import { ACCOUNTS, block, deploy, fevmNetwork, hardhatNetwork, read, send, type Rpc } from "./support";

describe("snapshots and reset", function () {
  let rpc: Rpc & { provider: import("../../../src/provider/provider").FevmProvider };

  before(function () {
    rpc = fevmNetwork();
  });

  it("hands out increasing ids and consumes a snapshot and every later one on revert, like Hardhat", async function () {
    const hardhat = await hardhatNetwork();
    for (const network of [hardhat, fevmNetwork()]) {
      const ids = [await network.call("evm_snapshot"), await network.call("evm_snapshot"), await network.call("evm_snapshot")];
      expect(ids).to.deep.equal(["0x1", "0x2", "0x3"]);
      expect(await network.call("evm_revert", "0x2")).to.equal(true);
      expect(await network.call("evm_revert", "0x2"), "a snapshot reverts once").to.equal(false);
      expect(await network.call("evm_revert", "0x3"), "later snapshots are gone").to.equal(false);
      expect(await network.call("evm_snapshot"), "ids are never reused").to.equal("0x4");
      expect(await network.call("evm_revert", "0x1")).to.equal(true);
      expect(await network.call("evm_revert", "0x4"), "reverting to 0x1 consumed 0x4").to.equal(false);
      expect(await network.call("evm_revert", "0x99"), "unknown id").to.equal(false);
    }
  });

  it("restores blocks, balances, nonces, code and storage", async function () {
    const { Counter } = fixtures();
    const counter = await deploy(rpc, Counter);
    await send(rpc, Counter, counter, "inc");
    const before = await block(rpc);
    const balance = await rpc.call("eth_getBalance", ACCOUNTS[0], "latest");
    const id = await rpc.call("evm_snapshot");

    const later = await send(rpc, Counter, counter, "inc");
    await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: ACCOUNTS[1], value: "0x100" });
    const other = await deploy(rpc, Counter);
    await rpc.call("hardhat_mine", "0x10");
    await rpc.call("hardhat_setStorageAt", counter, "0x0", `0x${"00".repeat(31)}ff`);

    expect(await rpc.call("evm_revert", id)).to.equal(true);
    expect(await block(rpc)).to.deep.equal(before);
    expect(await rpc.call("eth_getBalance", ACCOUNTS[0], "latest")).to.equal(balance);
    expect(await rpc.call("eth_getTransactionCount", ACCOUNTS[0], "latest")).to.equal("0x2");
    expect(await read(rpc, Counter, counter, "count")).to.deep.equal([1n]);
    expect(await rpc.call("eth_getCode", other, "latest")).to.equal("0x");
    expect(await rpc.call("eth_getTransactionReceipt", later)).to.equal(null);
    expect(await rpc.call("eth_getBlockByNumber", `0x${(BigInt(before.number) + 1n).toString(16)}`, false)).to.equal(null);
    // The chain grows again from the restored block.
    const again = await send(rpc, Counter, counter, "inc");
    const receipt = await rpc.call<{ blockNumber: string; blockHash: string }>("eth_getTransactionReceipt", again);
    expect(BigInt(receipt.blockNumber)).to.equal(BigInt(before.number) + 1n);
    expect((await block(rpc)).parentHash).to.equal(before.hash);
    expect(await read(rpc, Counter, counter, "count")).to.deep.equal([2n]);
  });

  it("restores time: pending evm_increaseTime and evm_setNextBlockTimestamp are undone", async function () {
    const id = await rpc.call("evm_snapshot");
    const start = await block(rpc);
    await rpc.call("evm_mine");
    const next = await block(rpc);
    expect(await rpc.call("evm_revert", id)).to.equal(true);

    const id2 = await rpc.call("evm_snapshot");
    await rpc.call("evm_increaseTime", 3600);
    await rpc.call("evm_setNextBlockTimestamp", Number(start.timestamp) + 7200);
    expect(await rpc.call("evm_revert", id2)).to.equal(true);
    await rpc.call("evm_mine");
    const mined = await block(rpc);
    expect(mined.timestamp).to.equal(next.timestamp);
    expect(mined.number).to.equal(next.number);
  });

  it("restores the mempool", async function () {
    await rpc.call("evm_setAutomine", false);
    const queued = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[2], to: ACCOUNTS[1], value: "0x1" });
    const id = await rpc.call("evm_snapshot");
    await rpc.call("eth_sendTransaction", { from: ACCOUNTS[3], to: ACCOUNTS[1], value: "0x1" });
    await rpc.call("evm_mine");
    expect(await rpc.call("evm_revert", id)).to.equal(true);
    const pending = await rpc.call<{ hash: string }[]>("eth_pendingTransactions");
    expect(pending.map((t) => t.hash)).to.deep.equal([queued]);
    expect(await rpc.call("eth_getTransactionReceipt", queued)).to.equal(null);
    await rpc.call("evm_mine");
    await rpc.call("evm_setAutomine", true);
    expect(await rpc.call("eth_getTransactionReceipt", queued)).to.not.equal(null);
  });

  it("supports loadFixture's pattern: revert then snapshot again, many times", async function () {
    const { Counter } = fixtures();
    const counter = await deploy(rpc, Counter);
    let id = await rpc.call<string>("evm_snapshot");
    for (let i = 0; i < 5; i++) {
      await send(rpc, Counter, counter, "add", [i + 1]);
      expect(await read(rpc, Counter, counter, "count")).to.deep.equal([BigInt(i + 1)]);
      expect(await rpc.call("evm_revert", id)).to.equal(true);
      const next = await rpc.call<string>("evm_snapshot");
      expect(Number(next)).to.be.greaterThan(Number(id));
      id = next;
    }
    expect(await read(rpc, Counter, counter, "count")).to.deep.equal([0n]);
  });

  it("tells listeners about reverts and resets, as Hardhat's provider does", async function () {
    const events: string[] = [];
    rpc.provider.on("hardhatNetworkRevertSnapshot", () => events.push("revert"));
    rpc.provider.on("hardhatNetworkReset", () => events.push("reset"));
    await rpc.call("evm_revert", await rpc.call("evm_snapshot"));
    await rpc.call("evm_revert", "0x999");
    await rpc.call("hardhat_reset");
    expect(events).to.deep.equal(["revert", "reset"]);
  });

  it("hardhat_reset starts a new chain: genesis block, funded accounts, new instance id, no snapshots or impersonations", async function () {
    await rpc.call("hardhat_setBalance", ACCOUNTS[0], "0x1");
    await rpc.call("evm_mine");
    const impersonated = "0x00000000000000000000000000000000000000aa";
    await rpc.call("hardhat_impersonateAccount", impersonated);
    const id = await rpc.call("evm_snapshot");
    const { instanceId } = await rpc.call<{ instanceId: string }>("hardhat_metadata");

    expect(await rpc.call("hardhat_reset")).to.equal(true);
    expect(await rpc.call("eth_blockNumber")).to.equal("0x0");
    expect(BigInt(await rpc.call<string>("eth_getBalance", ACCOUNTS[0], "latest"))).to.equal(10000n * 10n ** 18n);
    expect((await rpc.call<{ instanceId: string }>("hardhat_metadata")).instanceId).to.not.equal(instanceId);
    expect(await rpc.call("evm_revert", id)).to.equal(false);
    const error = await rpc.error("eth_sendTransaction", { from: impersonated, to: ACCOUNTS[0] });
    expect(error.message).to.match(/^Unknown account 0x0+aa/);
  });
});

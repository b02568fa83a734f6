import { expect } from "chai";
import { ethers, network } from "hardhat";
import { mine } from "@nomicfoundation/hardhat-toolbox/network-helpers";

type RpcBlock = { number: string | null; parentHash: string; transactions: string[]; timestamp: string };

async function rawBlock(tag: string): Promise<RpcBlock> {
  return (await network.provider.request({ method: "eth_getBlockByNumber", params: [tag, false] })) as RpcBlock;
}

describe("block tags and block context", function () {
  it("a contract sees block.number, block.timestamp and block.chainid of the block it is mined in", async function () {
    const info = await ethers.deployContract("BlockInfo");
    const receipt = (await (await info.record()).wait())!;
    const block = (await receipt.getBlock())!;
    const { chainId } = await ethers.provider.getNetwork();

    expect(await info.recordedNumber()).to.equal(BigInt(block.number));
    expect(await info.recordedTimestamp()).to.equal(BigInt(block.timestamp));
    expect(await info.recordedChainId()).to.equal(chainId);
    const event = info.interface.parseLog(receipt.logs[0])!;
    expect(event.args.toArray()).to.deep.equal([BigInt(block.number), BigInt(block.timestamp), chainId]);
  });

  it("block.chainid equals eth_chainId", async function () {
    const info = await ethers.deployContract("BlockInfo");
    const [, , chainId] = await info.current();
    expect(chainId).to.equal(BigInt((await network.provider.request({ method: "eth_chainId" })) as string));
  });

  it("a call at 'latest' runs in the context of the latest block", async function () {
    const info = await ethers.deployContract("BlockInfo");
    await mine(2);
    const latest = (await ethers.provider.getBlock("latest"))!;
    const [number, timestamp] = await info.current({ blockTag: "latest" });
    expect(number).to.equal(BigInt(latest.number));
    expect(timestamp).to.equal(BigInt(latest.timestamp));
  });

  it("a call at 'pending' runs in the context of the next block", async function () {
    const info = await ethers.deployContract("BlockInfo");
    const latest = (await ethers.provider.getBlock("latest"))!;
    const [number, timestamp] = await info.current({ blockTag: "pending" });
    expect(number).to.equal(BigInt(latest.number + 1));
    expect(timestamp).to.be.greaterThan(BigInt(latest.timestamp));
  });

  it("a call at a past block number sees that block and the state it had", async function () {
    const counter = await ethers.deployContract("Counter", [3n]);
    await counter.waitForDeployment();
    const past = (await ethers.provider.getBlock("latest"))!;
    const info = await ethers.deployContract("BlockInfo");
    await (await counter.incrementBy(4n)).wait();

    expect(await counter.count({ blockTag: past.number })).to.equal(3n);
    expect(await counter.count({ blockTag: "latest" })).to.equal(7n);
    const infoDeployed = (await info.deploymentTransaction()!.wait())!.blockNumber;
    const [number, timestamp] = await info.current({ blockTag: infoDeployed });
    const block = (await ethers.provider.getBlock(infoDeployed))!;
    expect(number).to.equal(BigInt(block.number));
    expect(timestamp).to.equal(BigInt(block.timestamp));
  });

  it("reads balances and nonces at 'earliest', a past number and 'latest'", async function () {
    const [, alice, bob] = await ethers.getSigners();
    const before = await ethers.provider.getBlockNumber();
    const balanceBefore = await ethers.provider.getBalance(bob.address);
    await (await alice.sendTransaction({ to: bob.address, value: 12_345n })).wait();

    expect(await ethers.provider.getBalance(bob.address, before)).to.equal(balanceBefore);
    expect(await ethers.provider.getBalance(bob.address, "latest")).to.equal(balanceBefore + 12_345n);
    expect(await ethers.provider.getTransactionCount(alice.address, "earliest")).to.equal(0);
  });

  it("the pending block builds on the latest block and is empty while automining", async function () {
    const latest = await rawBlock("latest");
    const pending = await rawBlock("pending");
    expect(pending.parentHash).to.equal((await ethers.provider.getBlock("latest"))!.hash);
    expect(pending.transactions).to.deep.equal([]);
    expect(BigInt(pending.timestamp)).to.be.greaterThanOrEqual(BigInt(latest.timestamp));
  });

  it("with automine off, a sent transaction is pending until a block is mined", async function () {
    const [, alice, bob] = await ethers.getSigners();
    const latestNonce = await ethers.provider.getTransactionCount(alice.address, "latest");
    const blockBefore = await ethers.provider.getBlockNumber();
    await network.provider.request({ method: "evm_setAutomine", params: [false] });
    try {
      const tx = await alice.sendTransaction({ to: bob.address, value: 1n });

      expect(await ethers.provider.getBlockNumber()).to.equal(blockBefore);
      expect(await ethers.provider.getTransactionCount(alice.address, "pending")).to.equal(latestNonce + 1);
      expect(await ethers.provider.getTransactionCount(alice.address, "latest")).to.equal(latestNonce);
      expect((await rawBlock("pending")).transactions).to.deep.equal([tx.hash]);

      await mine();
      const receipt = (await tx.wait())!;
      expect(receipt.blockNumber).to.equal(blockBefore + 1);
      expect(await ethers.provider.getTransactionCount(alice.address, "latest")).to.equal(latestNonce + 1);
    } finally {
      await network.provider.request({ method: "evm_setAutomine", params: [true] });
    }
  });
});

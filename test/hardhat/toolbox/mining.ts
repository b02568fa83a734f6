import { expect } from "chai";
import { ethers, network } from "hardhat";
import { mine, mineUpTo, time } from "@nomicfoundation/hardhat-toolbox/network-helpers";

describe("mining helpers", function () {
  it("mine() adds exactly one block", async function () {
    const before = await ethers.provider.getBlockNumber();
    await mine();
    expect(await ethers.provider.getBlockNumber()).to.equal(before + 1);
  });

  it("mine(n) adds n blocks", async function () {
    const before = await ethers.provider.getBlockNumber();
    await mine(25);
    expect(await ethers.provider.getBlockNumber()).to.equal(before + 25);
  });

  it("mine(10_000) is accepted and moves the block number by that much, quickly", async function () {
    const before = await ethers.provider.getBlockNumber();
    const started = Date.now();
    await mine(10_000);
    const elapsedMs = Date.now() - started;

    expect(await ethers.provider.getBlockNumber()).to.equal(before + 10_000);
    expect(elapsedMs, "mining 10,000 empty blocks should not replay them one by one").to.be.lessThan(5_000);
  });

  it("makes the blocks mined in bulk readable, with increasing timestamps", async function () {
    const before = (await ethers.provider.getBlock("latest"))!;
    await mine(1_000);
    const middle = (await ethers.provider.getBlock(before.number + 500))!;
    const last = (await ethers.provider.getBlock(before.number + 1_000))!;

    expect(middle.number).to.equal(before.number + 500);
    expect(middle.transactions).to.deep.equal([]);
    expect(middle.timestamp).to.be.greaterThan(before.timestamp);
    expect(last.timestamp).to.be.greaterThan(middle.timestamp);
  });

  it("mineUpTo() stops at exactly the requested block number", async function () {
    const target = (await time.latestBlock()) + 1_234;
    await mineUpTo(target);
    expect(await time.latestBlock()).to.equal(target);
  });

  it("mineUpTo() refuses a block number that is not ahead of the chain", async function () {
    const latest = await time.latestBlock();
    await expect(mineUpTo(latest)).to.be.rejectedWith(/block number/i);
  });

  it("lets contracts see the block number reached by mining", async function () {
    const info = await ethers.deployContract("BlockInfo");
    await mine(500);
    const receipt = (await (await info.record()).wait())!;
    expect(await info.recordedNumber()).to.equal(BigInt(receipt.blockNumber));
    expect(receipt.blockNumber).to.equal(await ethers.provider.getBlockNumber());
  });

  it("mines one block per transaction while automining", async function () {
    const [, alice, bob] = await ethers.getSigners();
    expect(await network.provider.request({ method: "hardhat_getAutomine" })).to.equal(true);
    const before = await ethers.provider.getBlockNumber();
    const first = (await (await alice.sendTransaction({ to: bob.address, value: 1n })).wait())!;
    const second = (await (await alice.sendTransaction({ to: bob.address, value: 1n })).wait())!;

    expect(first.blockNumber).to.equal(before + 1);
    expect(second.blockNumber).to.equal(before + 2);
    expect((await first.getBlock()).transactions).to.deep.equal([first.hash]);
  });
});

import { expect } from "chai";
import { ethers } from "hardhat";
import { mine, takeSnapshot, time } from "@nomicfoundation/hardhat-toolbox/network-helpers";

describe("snapshots", function () {
  it("restore() rewinds contract state, balances, nonces, block number and time", async function () {
    const [owner, alice] = await ethers.getSigners();
    const counter = await ethers.deployContract("Counter", [1n]);
    await counter.waitForDeployment();
    const snapshot = await takeSnapshot();
    const before = {
      block: await ethers.provider.getBlockNumber(),
      time: await time.latest(),
      aliceBalance: await ethers.provider.getBalance(alice.address),
      ownerNonce: await ethers.provider.getTransactionCount(owner.address),
    };

    await (await counter.incrementBy(9n)).wait();
    await (await owner.sendTransaction({ to: alice.address, value: ethers.parseEther("5") })).wait();
    await time.increase(3600);
    await mine(100);
    await snapshot.restore();

    expect(await counter.count()).to.equal(1n);
    expect(await ethers.provider.getBlockNumber()).to.equal(before.block);
    expect(await time.latest()).to.equal(before.time);
    expect(await ethers.provider.getBalance(alice.address)).to.equal(before.aliceBalance);
    expect(await ethers.provider.getTransactionCount(owner.address)).to.equal(before.ownerNonce);
  });

  it("restore() can be called more than once on the same snapshot", async function () {
    const counter = await ethers.deployContract("Counter", [0n]);
    await counter.waitForDeployment();
    const snapshot = await takeSnapshot();

    await (await counter.increment("one")).wait();
    await snapshot.restore();
    expect(await counter.count()).to.equal(0n);

    await (await counter.increment("two")).wait();
    await (await counter.increment("three")).wait();
    await snapshot.restore();
    expect(await counter.count()).to.equal(0n);
  });

  it("keeps an earlier snapshot usable after restoring a later one", async function () {
    const counter = await ethers.deployContract("Counter", [0n]);
    await counter.waitForDeployment();
    const outer = await takeSnapshot();
    await (await counter.incrementBy(1n)).wait();
    const inner = await takeSnapshot();
    await (await counter.incrementBy(2n)).wait();

    await inner.restore();
    expect(await counter.count()).to.equal(1n);
    await outer.restore();
    expect(await counter.count()).to.equal(0n);
  });

  it("forgets later snapshots once an earlier one is restored", async function () {
    const counter = await ethers.deployContract("Counter", [0n]);
    await counter.waitForDeployment();
    const outer = await takeSnapshot();
    await (await counter.incrementBy(1n)).wait();
    const inner = await takeSnapshot();

    await outer.restore();
    await expect(inner.restore()).to.be.rejectedWith(/Trying to restore an invalid snapshot/);
  });

  it("lets transactions continue normally after a restore", async function () {
    const [, alice, bob] = await ethers.getSigners();
    const snapshot = await takeSnapshot();
    await (await alice.sendTransaction({ to: bob.address, value: 1n })).wait();
    await snapshot.restore();

    const nonce = await ethers.provider.getTransactionCount(alice.address);
    const receipt = (await (await alice.sendTransaction({ to: bob.address, value: 2n })).wait())!;
    expect(receipt.status).to.equal(1);
    expect(receipt.blockNumber).to.equal((await ethers.provider.getBlockNumber()));
    expect((await ethers.provider.getTransaction(receipt.hash))!.nonce).to.equal(nonce);
  });
});

import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { INITIAL_COUNT, TOKEN_SUPPLY, deployCounter, deployToken } from "./support/fixtures";

describe("loadFixture", function () {
  it("deploys the fixture state the first time", async function () {
    const { counter, token, owner } = await loadFixture(deployBoth);
    expect(await counter.count()).to.equal(INITIAL_COUNT);
    expect(await token.balanceOf(owner.address)).to.equal(TOKEN_SUPPLY);
  });

  it("lets a test change contract state, balances and the chain freely", async function () {
    const { counter, token, owner, alice } = await loadFixture(deployBoth);
    await (await counter.incrementBy(50n)).wait();
    await (await token.transfer(alice.address, 123n)).wait();
    await (await owner.sendTransaction({ to: alice.address, value: ethers.parseEther("1") })).wait();
    expect(await counter.count()).to.equal(INITIAL_COUNT + 50n);
  });

  it("restores contract state, balances, nonces and block number in the next test", async function () {
    const before = await loadFixture(recordFixtureState);
    const { counter, token, owner, alice } = await loadFixture(deployBoth);
    await (await counter.incrementBy(1n)).wait();

    const restored = await loadFixture(deployBoth);
    expect(await restored.counter.getAddress()).to.equal(await counter.getAddress());
    expect(await counter.count()).to.equal(INITIAL_COUNT);
    expect(await token.balanceOf(alice.address)).to.equal(0n);
    expect(await token.balanceOf(owner.address)).to.equal(TOKEN_SUPPLY);
    expect(await ethers.provider.getTransactionCount(owner.address)).to.equal(before.ownerNonce);
    expect(await ethers.provider.getBlockNumber()).to.equal(before.blockNumber);
  });

  it("returns the same contracts without redeploying them", async function () {
    const first = await loadFixture(deployBoth);
    const second = await loadFixture(deployBoth);
    expect(await second.counter.getAddress()).to.equal(await first.counter.getAddress());
    expect(await second.token.getAddress()).to.equal(await first.token.getAddress());
  });

  it("keeps separate snapshots for different fixtures", async function () {
    const { counter } = await loadFixture(deployCounter);
    const { token } = await loadFixture(deployToken);
    expect(await counter.count()).to.equal(INITIAL_COUNT);
    expect(await token.totalSupply()).to.equal(TOKEN_SUPPLY);
  });

  it("refuses anonymous fixture functions", async function () {
    await expect(loadFixture(async () => ({}))).to.be.rejectedWith(/Anonymous functions cannot be used as fixtures/);
  });
});

async function deployBoth() {
  const { counter, owner, alice } = await deployCounter();
  const { token } = await deployToken();
  return { counter, token, owner, alice };
}

/** Chain facts right after `deployBoth`, to compare against after a restore. */
async function recordFixtureState() {
  const { owner } = await loadFixture(deployBoth);
  return {
    ownerNonce: await ethers.provider.getTransactionCount(owner.address),
    blockNumber: await ethers.provider.getBlockNumber(),
  };
}

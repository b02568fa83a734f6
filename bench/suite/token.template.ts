// Template of the generated benchmark suite (bench/suite/generate.ts copies it with __ID__
// replaced): the toolbox Token tested with fixtures, events, reverts and time travel.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, mine, time } from "@nomicfoundation/hardhat-network-helpers";

describe("Token __ID__", function () {
  async function deployFixture() {
    const [owner, alice, bob] = await ethers.getSigners();
    const token = await ethers.deployContract("Token", ["Bench __ID__", "B__ID__", 1_000_000n]);
    await token.transfer(alice.address, 1_000n);
    return { token, owner, alice, bob };
  }

  it("gives the deployer the remaining supply", async function () {
    const { token, owner } = await loadFixture(deployFixture);
    expect(await token.balanceOf(owner.address)).to.equal(999_000n);
  });

  it("transfers and emits Transfer", async function () {
    const { token, alice, bob } = await loadFixture(deployFixture);
    await expect(token.connect(alice).transfer(bob.address, 10n)).to.emit(token, "Transfer").withArgs(alice.address, bob.address, 10n);
  });

  it("changes token balances", async function () {
    const { token, alice, bob } = await loadFixture(deployFixture);
    await expect(token.connect(alice).transfer(bob.address, 25n)).to.changeTokenBalances(token, [alice, bob], [-25n, 25n]);
  });

  it("reverts a transfer above the balance", async function () {
    const { token, bob, alice } = await loadFixture(deployFixture);
    await expect(token.connect(bob).transfer(alice.address, 1n)).to.be.reverted;
  });

  it("approves and transfers from", async function () {
    const { token, alice, bob } = await loadFixture(deployFixture);
    await token.connect(alice).approve(bob.address, 50n);
    await token.connect(bob).transferFrom(alice.address, bob.address, 50n);
    expect(await token.allowance(alice.address, bob.address)).to.equal(0n);
  });

  it("survives time travel and mined blocks", async function () {
    const { token, alice, bob } = await loadFixture(deployFixture);
    await time.increase(86_400);
    await mine(100);
    await token.connect(alice).transfer(bob.address, 1n);
    expect(await token.balanceOf(bob.address)).to.equal(1n);
  });
});

// A deliberately small test run in a child process by ../gas-reporter.ts with REPORT_GAS=1:
// the gas reporter's table must list the methods these transactions call.
import { expect } from "chai";
import { ethers } from "hardhat";

describe("gas reporter probe", function () {
  it("runs a counter and a token through a few method calls", async function () {
    const [, alice] = await ethers.getSigners();
    const counter = await ethers.deployContract("Counter", [0n]);
    await (await counter.increment("gas")).wait();
    await (await counter.incrementBy(2n)).wait();
    const token = await ethers.deployContract("Token", ["Gas", "GAS", 1_000n]);
    await (await token.transfer(alice.address, 10n)).wait();
    await (await token.approve(alice.address, 5n)).wait();

    expect(await counter.count()).to.equal(3n);
    expect(await token.balanceOf(alice.address)).to.equal(10n);
  });
});

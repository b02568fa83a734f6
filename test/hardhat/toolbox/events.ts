import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { anyValue } from "@nomicfoundation/hardhat-chai-matchers/withArgs";
import { INITIAL_COUNT, deployCounter, deployToken } from "./support/fixtures";

describe("events", function () {
  it("matches an event with indexed and non-indexed arguments", async function () {
    const { counter, owner } = await loadFixture(deployCounter);
    await expect(counter.increment("first"))
      .to.emit(counter, "Incremented")
      .withArgs(owner.address, INITIAL_COUNT + 1n, "first");
  });

  it("matches arguments with a wildcard and with a predicate", async function () {
    const { counter } = await loadFixture(deployCounter);
    await expect(counter.increment("any"))
      .to.emit(counter, "Incremented")
      .withArgs(anyValue, (value: bigint) => value === INITIAL_COUNT + 1n, "any");
  });

  it("fails when the arguments differ", async function () {
    const { counter, owner } = await loadFixture(deployCounter);
    await expect(
      expect(counter.increment("note")).to.emit(counter, "Incremented").withArgs(owner.address, 999n, "note"),
    ).to.be.rejectedWith(/999/);
  });

  it("checks that an event was not emitted", async function () {
    const { counter } = await loadFixture(deployCounter);
    await expect(counter.increment("x")).not.to.emit(counter, "Deposited");
  });

  it("matches payable events carrying the sent value", async function () {
    const { counter, alice } = await loadFixture(deployCounter);
    const value = ethers.parseEther("1.5");
    await expect(counter.connect(alice).deposit({ value }))
      .to.emit(counter, "Deposited")
      .withArgs(alice.address, value, value);
  });

  it("matches every event of a transaction that emits several", async function () {
    const { token, owner, alice, bob } = await loadFixture(deployToken);
    const tx = token.transferMany([alice.address, bob.address], 10n);
    await expect(tx).to.emit(token, "Transfer").withArgs(owner.address, alice.address, 10n);
    await expect(tx).to.emit(token, "Transfer").withArgs(owner.address, bob.address, 10n);
  });

  it("decodes the receipt logs with the contract interface", async function () {
    const { counter, owner } = await loadFixture(deployCounter);
    const receipt = await (await counter.increment("decoded")).wait();
    const [log] = receipt!.logs;
    const parsed = counter.interface.parseLog(log)!;

    expect(receipt!.logs).to.have.length(1);
    expect(parsed.name).to.equal("Incremented");
    expect(parsed.args.by).to.equal(owner.address);
    expect(parsed.args.newCount).to.equal(INITIAL_COUNT + 1n);
    expect(parsed.args.note).to.equal("decoded");
    expect(log.topics[0]).to.equal(counter.interface.getEvent("Incremented")!.topicHash);
    expect(log.topics[1]).to.equal(ethers.zeroPadValue(owner.address, 32).toLowerCase());
  });

  it("delivers events to contract listeners", async function () {
    this.timeout(15_000); // a listener that never fires should fail fast, not at the suite timeout
    const { counter, owner } = await loadFixture(deployCounter);
    let deliver: (args: [string, bigint, string]) => void = () => {};
    const received = new Promise<[string, bigint, string]>((resolve) => (deliver = resolve));
    await counter.on(counter.getEvent("Incremented"), (by, newCount, note) => deliver([by, newCount, note]));
    try {
      await (await counter.increment("heard")).wait();
      expect(await received).to.deep.equal([owner.address, INITIAL_COUNT + 1n, "heard"]);
    } finally {
      await counter.removeAllListeners();
    }
  });
});

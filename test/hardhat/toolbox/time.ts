import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, mine, time } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { anyValue } from "@nomicfoundation/hardhat-chai-matchers/withArgs";
import { LOCKED_VALUE, ONE_DAY, deployTimeLock } from "./support/fixtures";

// Every offset here is a multiple of 30 s, so the tests hold on chains whose blocks are
// 30-second epochs as well as on Hardhat's one-second clock.
describe("time helpers", function () {
  it("reports the latest block's timestamp and number", async function () {
    await mine();
    const block = (await ethers.provider.getBlock("latest"))!;
    expect(await time.latest()).to.equal(block.timestamp);
    expect(await time.latestBlock()).to.equal(block.number);
    expect(await time.latestBlock()).to.equal(await ethers.provider.getBlockNumber());
  });

  it("increase() mines a block exactly the given number of seconds later", async function () {
    const before = await time.latest();
    const returned = await time.increase(3600);
    expect(returned).to.equal(before + 3600);
    expect(await time.latest()).to.equal(before + 3600);
    expect((await ethers.provider.getBlock("latest"))!.timestamp).to.equal(before + 3600);
  });

  it("increase() accepts durations built with time.duration", async function () {
    expect(time.duration.days(1)).to.equal(86_400);
    expect(time.duration.hours(2)).to.equal(7_200);
    const before = await time.latest();
    await time.increase(time.duration.days(2));
    expect(await time.latest()).to.equal(before + 2 * 86_400);
  });

  it("increaseTo() mines a block at exactly the given timestamp", async function () {
    const target = (await time.latest()) + 7200;
    await time.increaseTo(target);
    expect(await time.latest()).to.equal(target);
  });

  it("setNextBlockTimestamp() fixes the timestamp of the next transaction's block", async function () {
    const info = await ethers.deployContract("BlockInfo");
    const target = (await time.latest()) + 600;
    await time.setNextBlockTimestamp(target);
    const receipt = (await (await info.record()).wait())!;

    expect((await receipt.getBlock()).timestamp).to.equal(target);
    expect(await info.recordedTimestamp()).to.equal(BigInt(target));
    expect(await time.latest()).to.equal(target);
  });

  it("refuses to move time backwards", async function () {
    const latest = await time.latest();
    await expect(time.setNextBlockTimestamp(latest - 30)).to.be.rejectedWith(/timestamp/i);
    await expect(time.increaseTo(latest - 30)).to.be.rejectedWith(/timestamp/i);
  });

  it("keeps timestamps strictly increasing across mined blocks", async function () {
    await mine(3);
    const latest = await ethers.provider.getBlockNumber();
    const stamps = await Promise.all(
      [latest - 2, latest - 1, latest].map(async (n) => (await ethers.provider.getBlock(n))!.timestamp),
    );
    expect(stamps[1]).to.be.greaterThan(stamps[0]);
    expect(stamps[2]).to.be.greaterThan(stamps[1]);
  });

  describe("a time-locked contract", function () {
    it("refuses release before the release time", async function () {
      const { lock, releaseTime } = await loadFixture(deployTimeLock);
      await expect(lock.release()).to.be.revertedWithCustomError(lock, "TooEarly").withArgs(anyValue, releaseTime);
      await time.increase(ONE_DAY - 3600n);
      await expect(lock.release()).to.be.revertedWithCustomError(lock, "TooEarly").withArgs(anyValue, releaseTime);
    });

    it("releases the funds once increaseTo() reaches the release time", async function () {
      const { lock, releaseTime, owner } = await loadFixture(deployTimeLock);
      await time.increaseTo(releaseTime);
      await expect(lock.release()).to.changeEtherBalances([lock, owner], [-LOCKED_VALUE, LOCKED_VALUE]);
    });

    it("sees the exact block time that setNextBlockTimestamp() chose", async function () {
      const { lock, releaseTime } = await loadFixture(deployTimeLock);
      const when = releaseTime + 900n;
      await time.setNextBlockTimestamp(when);
      await expect(lock.release()).to.emit(lock, "Released").withArgs(LOCKED_VALUE, when);
    });

    it("rejects a release time in the past at deployment", async function () {
      const past = BigInt(await time.latest()) - 60n;
      const factory = await ethers.getContractFactory("TimeLock");
      await expect(factory.deploy(past)).to.be.revertedWithCustomError(factory, "ReleaseTimeNotInFuture").withArgs(past);
    });
  });
});

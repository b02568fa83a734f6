// Template of the generated benchmark suite (bench/suite/generate.ts copies it with __ID__
// replaced): a vault tested the way real projects test theirs.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";

describe("BenchVault __ID__", function () {
  const ONE = ethers.parseEther("1");

  async function deployFixture() {
    const [owner, alice, bob] = await ethers.getSigners();
    const unlockTime = (await time.latest()) + 3_600;
    const vault = await ethers.deployContract("BenchVault", [unlockTime]);
    await vault.connect(alice).deposit({ value: ONE });
    return { vault, owner, alice, bob, unlockTime };
  }

  it("records the owner and the unlock time", async function () {
    const { vault, owner, unlockTime } = await loadFixture(deployFixture);
    expect(await vault.owner()).to.equal(owner.address);
    expect(await vault.unlockTime()).to.equal(unlockTime);
  });

  it("emits Deposited and counts deposits", async function () {
    const { vault, bob } = await loadFixture(deployFixture);
    await expect(vault.connect(bob).deposit({ value: 5n })).to.emit(vault, "Deposited").withArgs(bob.address, 5n);
    expect(await vault.depositCount(bob.address)).to.equal(1n);
  });

  it("refuses a zero deposit with a custom error", async function () {
    const { vault, bob } = await loadFixture(deployFixture);
    await expect(vault.connect(bob).deposit({ value: 0n })).to.be.revertedWithCustomError(vault, "ZeroAmount");
  });

  it("moves balances in many small transfers", async function () {
    const { vault, alice, bob } = await loadFixture(deployFixture);
    for (let i = 0; i < 5; i++) await vault.connect(alice).transfer(bob.address, 1_000n);
    expect(await vault.balanceOf(bob.address)).to.equal(5_000n);
  });

  it("emits Transferred with its arguments", async function () {
    const { vault, alice, bob } = await loadFixture(deployFixture);
    await expect(vault.connect(alice).transfer(bob.address, 7n)).to.emit(vault, "Transferred").withArgs(alice.address, bob.address, 7n);
  });

  it("refuses to transfer more than the balance", async function () {
    const { vault, bob, alice } = await loadFixture(deployFixture);
    await expect(vault.connect(bob).transfer(alice.address, 1n))
      .to.be.revertedWithCustomError(vault, "InsufficientBalance")
      .withArgs(bob.address, 0n, 1n);
  });

  it("refuses a withdrawal before the unlock time", async function () {
    const { vault, alice } = await loadFixture(deployFixture);
    await expect(vault.connect(alice).withdraw(1n)).to.be.revertedWithCustomError(vault, "Locked");
  });

  it("pays out after the unlock time", async function () {
    const { vault, alice, unlockTime } = await loadFixture(deployFixture);
    await time.increaseTo(unlockTime + 60);
    await expect(vault.connect(alice).withdraw(ONE)).to.changeEtherBalances([alice, vault], [ONE, -ONE]);
  });

  it("lets only the owner move the unlock time", async function () {
    const { vault, owner, bob, unlockTime } = await loadFixture(deployFixture);
    await expect(vault.connect(bob).setUnlockTime(1n)).to.be.revertedWithCustomError(vault, "NotOwner").withArgs(bob.address);
    await expect(vault.connect(owner).setUnlockTime(unlockTime + 1)).to.emit(vault, "UnlockTimeChanged");
  });

  it("keeps the total of deposits", async function () {
    const { vault, bob } = await loadFixture(deployFixture);
    await vault.connect(bob).deposit({ value: 3n });
    expect(await vault.totalDeposits()).to.equal(ONE + 3n);
  });
});

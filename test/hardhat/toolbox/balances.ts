import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { deployCounter, deployToken } from "./support/fixtures";

describe("balance changes", function () {
  describe("native currency", function () {
    it("tracks a plain transfer between two accounts", async function () {
      const [, alice, bob] = await ethers.getSigners();
      const value = ethers.parseEther("2");
      await expect(alice.sendTransaction({ to: bob.address, value })).to.changeEtherBalances(
        [alice, bob],
        [-value, value],
      );
    });

    it("leaves the gas fee out of the sender's change unless asked to include it", async function () {
      const [, alice, bob] = await ethers.getSigners();
      const value = 1000n;
      const tx = await alice.sendTransaction({ to: bob.address, value });
      const receipt = (await tx.wait())!;
      const fee = receipt.gasUsed * receipt.gasPrice;

      expect(fee).to.be.greaterThan(0n);
      await expect(tx).to.changeEtherBalance(alice, -value);
      await expect(tx).to.changeEtherBalance(alice, -(value + fee), { includeFee: true });
    });

    it("tracks value sent into a payable function", async function () {
      const { counter, alice } = await loadFixture(deployCounter);
      const value = ethers.parseEther("0.25");
      await expect(counter.connect(alice).deposit({ value })).to.changeEtherBalances(
        [alice, counter],
        [-value, value],
      );
    });

    it("tracks value a contract forwards to several accounts", async function () {
      const { counter, alice, bob } = await loadFixture(deployCounter);
      await expect(counter.split(alice.address, bob.address, { value: 1001n })).to.changeEtherBalances(
        [counter, alice, bob],
        [0n, 500n, 501n],
      );
    });

    it("tracks plain transfers to a contract's receive function and withdrawals from it", async function () {
      const { counter, owner } = await loadFixture(deployCounter);
      await (await owner.sendTransaction({ to: await counter.getAddress(), value: 5000n })).wait();
      expect(await ethers.provider.getBalance(counter)).to.equal(5000n);
      await expect(counter.withdraw(2000n)).to.changeEtherBalance(counter, -2000n);
    });

    it("fails when the change differs", async function () {
      const [, alice, bob] = await ethers.getSigners();
      await expect(
        expect(alice.sendTransaction({ to: bob.address, value: 10n })).to.changeEtherBalance(bob, 11n),
      ).to.be.rejectedWith(/changed by 10 wei|balance of .* to change by 11/i);
    });
  });

  describe("ERC-20 tokens", function () {
    it("tracks a token transfer on both sides", async function () {
      const { token, owner, alice } = await loadFixture(deployToken);
      await expect(token.transfer(alice.address, 250n)).to.changeTokenBalances(token, [owner, alice], [-250n, 250n]);
    });

    it("tracks a single account's token change", async function () {
      const { token, alice } = await loadFixture(deployToken);
      await expect(token.transfer(alice.address, 99n)).to.changeTokenBalance(token, alice, 99n);
    });

    it("tracks transfers made on someone's behalf with an allowance", async function () {
      const { token, owner, alice, bob } = await loadFixture(deployToken);
      await (await token.approve(alice.address, 1000n)).wait();
      await expect(token.connect(alice).transferFrom(owner.address, bob.address, 400n)).to.changeTokenBalances(
        token,
        [owner, alice, bob],
        [-400n, 0n, 400n],
      );
      expect(await token.allowance(owner.address, alice.address)).to.equal(600n);
    });

    it("tracks one transaction paying several recipients", async function () {
      const { token, owner, alice, bob, carol } = await loadFixture(deployToken);
      await expect(token.transferMany([alice.address, bob.address, carol.address], 7n)).to.changeTokenBalances(
        token,
        [owner, alice, bob, carol],
        [-21n, 7n, 7n, 7n],
      );
    });

    it("rejects an overdraft with the token's custom error and moves nothing", async function () {
      const { token, alice, bob } = await loadFixture(deployToken);
      await expect(token.connect(alice).transfer(bob.address, 1n))
        .to.be.revertedWithCustomError(token, "InsufficientBalance")
        .withArgs(alice.address, 0n, 1n);
      expect(await token.balanceOf(bob.address)).to.equal(0n);
    });
  });
});

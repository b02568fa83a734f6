import { expect } from "chai";
import { ethers, network } from "hardhat";
import {
  getStorageAt,
  impersonateAccount,
  loadFixture,
  setBalance,
  setCode,
  setNonce,
  setStorageAt,
  stopImpersonatingAccount,
} from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { INITIAL_COUNT, deployCounter, deployToken } from "./support/fixtures";

// Slot of `count` in Counter.sol (first state variable); `history` is the array in slot 1.
const COUNT_SLOT = 0n;
const HISTORY_SLOT = 1n;

describe("state manipulation helpers", function () {
  describe("impersonation", function () {
    it("sends a transaction from an address nobody holds a key for", async function () {
      const { token, owner } = await loadFixture(deployToken);
      const whale = ethers.Wallet.createRandom().address;
      await (await token.transfer(whale, 1_000n)).wait();

      await impersonateAccount(whale);
      await setBalance(whale, ethers.parseEther("10"));
      const signer = await ethers.getSigner(whale);
      await expect(token.connect(signer).transfer(owner.address, 400n)).to.changeTokenBalances(
        token,
        [whale, owner],
        [-400n, 400n],
      );
      await stopImpersonatingAccount(whale);
    });

    it("acts as a contract that owns another contract", async function () {
      const factory = await ethers.deployContract("Create2Factory");
      const salt = ethers.id("owned-by-factory");
      const receipt = (await (await factory.deployCounter(salt, 9n)).wait())!;
      const [deployed] = receipt.logs.map((log) => factory.interface.parseLog(log)!.args.addr as string);
      const counter = await ethers.getContractAt("Counter", deployed);
      const factoryAddress = await factory.getAddress();
      expect(await counter.owner()).to.equal(factoryAddress);
      await expect(counter.reset()).to.be.revertedWithCustomError(counter, "NotOwner");

      await impersonateAccount(factoryAddress);
      await setBalance(factoryAddress, ethers.parseEther("1"));
      await (await counter.connect(await ethers.getSigner(factoryAddress)).reset()).wait();
      expect(await counter.count()).to.equal(0n);
      await stopImpersonatingAccount(factoryAddress);
    });

    it("refuses to send from an address after impersonation stops", async function () {
      const stranger = ethers.Wallet.createRandom().address;
      await impersonateAccount(stranger);
      await setBalance(stranger, ethers.parseEther("1"));
      await stopImpersonatingAccount(stranger);
      await expect(
        network.provider.request({
          method: "eth_sendTransaction",
          params: [{ from: stranger, to: stranger, value: "0x1", gas: "0x5208" }],
        }),
      ).to.be.rejectedWith(/unknown account|not.*(owned|impersonat)/i);
    });
  });

  describe("balances and nonces", function () {
    it("setBalance() sets an exact balance, including zero", async function () {
      const account = ethers.Wallet.createRandom().address;
      await setBalance(account, 123_456_789n);
      expect(await ethers.provider.getBalance(account)).to.equal(123_456_789n);
      await setBalance(account, 0n);
      expect(await ethers.provider.getBalance(account)).to.equal(0n);
    });

    it("setNonce() makes the next transaction use the new nonce and deploy at the matching address", async function () {
      const [, , , deployer] = await ethers.getSigners();
      const current = await ethers.provider.getTransactionCount(deployer.address);
      const nonce = current + 100;
      await setNonce(deployer.address, nonce);
      expect(await ethers.provider.getTransactionCount(deployer.address)).to.equal(nonce);

      const counter = await ethers.deployContract("Counter", [1n], deployer);
      const tx = counter.deploymentTransaction()!;
      expect(tx.nonce).to.equal(nonce);
      expect(await counter.getAddress()).to.equal(ethers.getCreateAddress({ from: deployer.address, nonce }));
    });
  });

  describe("code and storage", function () {
    it("setCode() installs runtime code that behaves like the original contract", async function () {
      const { counter } = await loadFixture(deployCounter);
      const target = ethers.Wallet.createRandom().address;
      await setCode(target, await ethers.provider.getCode(counter));

      expect(await ethers.provider.getCode(target)).to.equal(await ethers.provider.getCode(counter));
      const clone = await ethers.getContractAt("Counter", target);
      // Storage is not copied: the clone starts from zero, its immutable owner comes with the code.
      expect(await clone.count()).to.equal(0n);
      expect(await clone.owner()).to.equal(await counter.owner());
      await expect(clone.increment("clone")).to.emit(clone, "Incremented");
      expect(await clone.count()).to.equal(1n);
    });

    it("setCode() with empty code turns a contract back into a plain account", async function () {
      const { counter } = await loadFixture(deployCounter);
      await setCode(await counter.getAddress(), "0x");
      expect(await ethers.provider.getCode(counter)).to.equal("0x");
    });

    it("getStorageAt() reads a contract's state variable slot", async function () {
      const { counter } = await loadFixture(deployCounter);
      expect(BigInt(await getStorageAt(await counter.getAddress(), COUNT_SLOT))).to.equal(INITIAL_COUNT);
      expect(await ethers.provider.getStorage(counter, COUNT_SLOT)).to.equal(ethers.toBeHex(INITIAL_COUNT, 32));
    });

    it("setStorageAt() changes what the contract reads", async function () {
      const { counter } = await loadFixture(deployCounter);
      const address = await counter.getAddress();
      await setStorageAt(address, COUNT_SLOT, 77n);
      expect(await counter.count()).to.equal(77n);
      expect(await getStorageAt(address, COUNT_SLOT)).to.equal(ethers.toBeHex(77n, 32));
    });

    it("setStorageAt() can grow a dynamic array through its length slot and element slots", async function () {
      const { counter } = await loadFixture(deployCounter);
      const address = await counter.getAddress();
      const firstElementSlot = BigInt(ethers.keccak256(ethers.toBeHex(HISTORY_SLOT, 32)));
      await setStorageAt(address, HISTORY_SLOT, 1n);
      await setStorageAt(address, firstElementSlot, 4242n);
      expect(await counter.historyAt(0n)).to.equal(4242n);
    });

    it("reads storage at a past block", async function () {
      const { counter } = await loadFixture(deployCounter);
      const blockBefore = await ethers.provider.getBlockNumber();
      await (await counter.incrementBy(10n)).wait();
      const address = await counter.getAddress();

      expect(BigInt(await getStorageAt(address, COUNT_SLOT, blockBefore))).to.equal(INITIAL_COUNT);
      expect(BigInt(await getStorageAt(address, COUNT_SLOT, "latest"))).to.equal(INITIAL_COUNT + 10n);
    });
  });
});

// Behaviour specific to the `filecoin` network, where it deliberately differs from Hardhat's:
// blocks are 30-second epochs, and the chain id and block gas limit are Filecoin's.
import { expect } from "chai";
import { ethers, network } from "hardhat";
import { mine, time } from "@nomicfoundation/hardhat-toolbox/network-helpers";

const EPOCH_SECONDS = 30;
const CHAIN_ID = 31415926n;
const BLOCK_GAS_LIMIT = 10_000_000_000n;
const DEFAULT_MNEMONIC = "test test test test test test test test test test test junk";
const INITIAL_BALANCE = ethers.parseEther("10000");

describe("the filecoin network's chain model", function () {
  before(function () {
    if (network.name !== "filecoin") this.skip();
  });

  async function genesisTimestamp(): Promise<number> {
    return (await ethers.provider.getBlock(0))!.timestamp;
  }

  async function expectOnEpochGrid(blockTag: number | "latest") {
    const block = (await ethers.provider.getBlock(blockTag))!;
    expect(block.timestamp - (await genesisTimestamp())).to.equal(EPOCH_SECONDS * block.number);
  }

  it("uses chain id 31415926 for eth_chainId, the network and block.chainid", async function () {
    expect(await network.provider.request({ method: "eth_chainId" })).to.equal(ethers.toQuantity(CHAIN_ID));
    expect((await ethers.provider.getNetwork()).chainId).to.equal(CHAIN_ID);
    const info = await ethers.deployContract("BlockInfo");
    const [, , chainId] = await info.current();
    expect(chainId).to.equal(CHAIN_ID);
  });

  it("has a block gas limit of 10,000,000,000", async function () {
    expect((await ethers.provider.getBlock("latest"))!.gasLimit).to.equal(BLOCK_GAS_LIMIT);
  });

  it("funds the 20 accounts of Hardhat's default mnemonic with 10000 FIL at genesis", async function () {
    const signers = await ethers.getSigners();
    expect(signers).to.have.length(20);
    for (const [index, signer] of signers.entries()) {
      const wallet = ethers.HDNodeWallet.fromPhrase(DEFAULT_MNEMONIC, undefined, `m/44'/60'/0'/0/${index}`);
      expect(signer.address).to.equal(wallet.address);
      expect(await ethers.provider.getBalance(signer.address, 0)).to.equal(INITIAL_BALANCE);
    }
  });

  it("stamps every block at genesis + 30 s × epoch", async function () {
    await mine(3);
    const latest = await ethers.provider.getBlockNumber();
    for (const n of [1, latest - 1, latest]) await expectOnEpochGrid(n);
  });

  it("moves 30 s per block when mining", async function () {
    const before = await time.latest();
    await mine();
    expect(await time.latest()).to.equal(before + EPOCH_SECONDS);
    await mine(10);
    expect(await time.latest()).to.equal(before + 11 * EPOCH_SECONDS);
  });

  it("rounds time.increase up to the next epoch boundary", async function () {
    const before = await time.latest();
    expect(await time.increase(10)).to.equal(before + EPOCH_SECONDS);
    await expectOnEpochGrid("latest");
  });

  it("lands time.increase(3600) exactly, 120 epochs later", async function () {
    const before = (await ethers.provider.getBlock("latest"))!;
    await time.increase(3600);
    const after = (await ethers.provider.getBlock("latest"))!;
    expect(after.timestamp).to.equal(before.timestamp + 3600);
    expect(after.number).to.equal(before.number + 3600 / EPOCH_SECONDS);
  });

  it("keeps block timestamps on the epoch grid after mining 10,000 blocks", async function () {
    const before = await time.latest();
    await mine(10_000);
    expect(await time.latest()).to.equal(before + 10_000 * EPOCH_SECONDS);
    await expectOnEpochGrid("latest");
  });

  it("mines a failed transaction with status 0 when the gas limit is given explicitly", async function () {
    const counter = await ethers.deployContract("Counter", [0n]);
    await counter.waitForDeployment();
    const block = await ethers.provider.getBlockNumber();

    await expect(counter.incrementBy(1_000n, { gasLimit: 1_000_000n }))
      .to.be.revertedWithCustomError(counter, "TooLarge")
      .withArgs(1_000n, 100n);

    const mined = (await ethers.provider.getBlock(block + 1))!;
    expect(mined.transactions).to.have.length(1);
    expect((await ethers.provider.getTransactionReceipt(mined.transactions[0]))!.status).to.equal(0);
  });
});

// Sends behave as on Hardhat's network: a send without a gas limit gets a fixed one (Hardhat's
// default, 16,777,216) instead of an estimate, so it runs once, parallel sends see each other's
// effects, and a reverting send is mined with status 0.
import { expect } from "chai";
import { ethers, network } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { deployCounter } from "./support/fixtures";

const HARDHAT_DEFAULT_GAS = 16_777_216n;

async function delegatedAndTransferredInParallel() {
  const [owner, alice] = await ethers.getSigners();
  const token = await ethers.deployContract("VotingToken", [1_000n]);
  await token.waitForDeployment();
  // The transfer costs more once `delegate` is mined: an estimate made before would run out of gas.
  const [delegated, transferred] = await Promise.all([token.delegate(owner.address), token.transfer(alice.address, 10n)]);
  const receipts = await Promise.all([delegated.wait(), transferred.wait()]);
  return { token, owner, alice, receipts };
}

/** The JSON-RPC methods hardhat-ethers sends to the network while `run` executes. */
async function methodsCalledDuring(run: () => Promise<unknown>): Promise<string[]> {
  const provider = network.provider as unknown as { send(method: string, params?: unknown[]): Promise<unknown> };
  const methods: string[] = [];
  provider.send = (method, params) => {
    methods.push(method);
    return Object.getPrototypeOf(provider).send.call(provider, method, params);
  };
  try {
    await run();
  } finally {
    delete (provider as { send?: unknown }).send;
  }
  return methods;
}

describe("sends", function () {
  it("mines two dependent sends made in parallel in a fixture", async function () {
    const { token, owner, alice, receipts } = await loadFixture(delegatedAndTransferredInParallel);
    expect(receipts.map((r) => r?.status)).to.deep.equal([1, 1]);
    expect(await token.delegates(owner.address)).to.equal(owner.address);
    expect(await token.balanceOf(alice.address)).to.equal(10n);
    // Parallel sends may reach the node in either order (on Hardhat's network they race): the
    // transfer checkpoints the votes only when it is mined after the delegation.
    const delegatedFirst = receipts[0]!.blockNumber < receipts[1]!.blockNumber;
    expect(await token.checkpointCount(owner.address)).to.equal(delegatedFirst ? 2n : 0n);
  });

  it("sends a contract call once, without estimating its gas first", async function () {
    const { counter } = await loadFixture(deployCounter);
    const methods = await methodsCalledDuring(async () => (await counter.incrementBy(2n)).wait());
    expect(methods).to.include("eth_sendTransaction");
    expect(methods).not.to.include("eth_estimateGas");
  });

  it("gives an ethers send without gasLimit Hardhat's default gas limit", async function () {
    const { counter } = await loadFixture(deployCounter);
    const tx = await counter.incrementBy(2n);
    expect(tx.gasLimit).to.equal(HARDHAT_DEFAULT_GAS);
    expect((await ethers.provider.getTransaction(tx.hash))!.gasLimit).to.equal(HARDHAT_DEFAULT_GAS);
  });

  it("gives a raw eth_sendTransaction without gas Hardhat's default gas limit", async function () {
    const [owner, alice] = await ethers.getSigners();
    const hash = (await network.provider.request({
      method: "eth_sendTransaction",
      params: [{ from: owner.address, to: alice.address, value: "0x1" }],
    })) as string;
    expect((await ethers.provider.getTransaction(hash))!.gasLimit).to.equal(HARDHAT_DEFAULT_GAS);
  });

  it("keeps an explicit gasLimit", async function () {
    const { counter } = await loadFixture(deployCounter);
    const tx = await counter.incrementBy(2n, { gasLimit: 200_000n });
    expect((await ethers.provider.getTransaction(tx.hash))!.gasLimit).to.equal(200_000n);
  });

  it("mines a reverting send with status 0, spending the sender's nonce", async function () {
    const { counter, owner } = await loadFixture(deployCounter);
    const block = await ethers.provider.getBlockNumber();
    const nonce = await ethers.provider.getTransactionCount(owner.address);

    await expect(counter.incrementBy(1_000n)).to.be.revertedWithCustomError(counter, "TooLarge").withArgs(1_000n, 100n);

    const mined = (await ethers.provider.getBlock(block + 1))!;
    expect(mined.transactions).to.have.length(1);
    expect((await ethers.provider.getTransactionReceipt(mined.transactions[0]))!.status).to.equal(0);
    expect(await ethers.provider.getTransactionCount(owner.address)).to.equal(nonce + 1);
  });
});

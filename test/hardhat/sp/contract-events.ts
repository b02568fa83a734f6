// Events a contract emits while a storage provider's message or a test-control operation runs it
// (DealClient's DealPublished, emitted in its MarketNotifyDeal handler) are found the way Lotus
// shows a native message's events: through eth_getLogs (queryFilter) and log filters, in the
// block of the epoch the message ran at, under a transaction hash of their own with a receipt.
import { expect } from "chai";
import { ethers, fevm, network } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { dealProposal, dealRequest, marketFixture, onlyOnFilecoin, publishContractRequest } from "../market/support/fixtures";
import { serveWith } from "./support/serve";

const SYSTEM_ACTOR = "0xff00000000000000000000000000000000000000";

/** The DealClient asking for a deal on a piece of `text`, with escrow to pay for it. */
async function requestingClient(text: string) {
  const scene = await marketFixture();
  await (await scene.dealClient.addBalance({ value: ethers.parseEther("0.5") })).wait();
  const p = await dealProposal(await scene.dealClient.getAddress(), scene.provider.address, text);
  const request = dealRequest(text, p.startEpoch);
  return { ...scene, request, requestId: ethers.keccak256(request.pieceCid) };
}

const publishedByControl = () => requestingClient("published by a test-control operation");
const publishedByProvider = () => requestingClient("published by the simulated provider");

describe("contract events emitted during provider messages and test-control operations", function () {
  onlyOnFilecoin();

  it("fevm.market.publishDeal: the client's DealPublished is in eth_getLogs at the head epoch, with a receipt of its own", async function () {
    const { dealClient, provider, request, requestId } = await loadFixture(publishedByControl);
    await (await dealClient.makeDealProposal(request)).wait();
    const filter = await ethers.provider.send("eth_newFilter", [{ address: await dealClient.getAddress() }]);
    const head = await ethers.provider.getBlock("latest");

    const id = await publishContractRequest(dealClient, requestId, provider.address);

    const [event, ...others] = await dealClient.queryFilter(dealClient.filters.DealPublished());
    expect(others).to.be.empty;
    expect([...event.args]).to.deep.equal([requestId, id, provider.id]);
    // The head block keeps the hash it was served with; the event is listed after its transactions.
    expect(event.blockNumber).to.equal(head!.number);
    expect(event.blockHash).to.equal(head!.hash);
    expect(event.transactionIndex).to.equal(head!.transactions.length);
    expect((await ethers.provider.getBlock("latest"))!.hash).to.equal(head!.hash);
    expect(await dealClient.queryFilter(dealClient.filters.DealPublished(requestId), head!.number, head!.number)).to.have.length(1);
    expect(await dealClient.queryFilter(dealClient.filters.DealPublished(ethers.ZeroHash))).to.be.empty;

    // A filter installed before the operation reports the event once.
    const changes = await ethers.provider.send("eth_getFilterChanges", [filter]);
    expect(changes.map((l: { transactionHash: string }) => l.transactionHash)).to.deep.equal([event.transactionHash]);
    expect(await ethers.provider.send("eth_getFilterChanges", [filter])).to.be.empty;

    const receipt = await ethers.provider.send("eth_getTransactionReceipt", [event.transactionHash]);
    expect(receipt).to.deep.include({ status: "0x1", type: "0x2", from: SYSTEM_ACTOR, to: SYSTEM_ACTOR, blockHash: head!.hash });
    expect(receipt.logs.map((l: { topics: string[] }) => l.topics[0])).to.include(event.topics[0]);
    const tx = await ethers.provider.send("eth_getTransactionByHash", [event.transactionHash]);
    expect(tx).to.deep.include({ hash: event.transactionHash, from: SYSTEM_ACTOR, blockNumber: ethers.toQuantity(head!.number) });

    // Mining on leaves it where it is; the next transaction's events come after it.
    await (await dealClient.addBalance({ value: 1n })).wait();
    expect((await dealClient.queryFilter(dealClient.filters.DealPublished()))[0].blockNumber).to.equal(head!.number);
  });

  it("after bulk mining the event belongs to the empty epoch at the head, whose hash and the next blocks' stay as served", async function () {
    const { dealClient, provider, request, requestId } = await loadFixture(publishedByControl);
    await (await dealClient.makeDealProposal(request)).wait();
    await fevm.mineEpochs(5n);
    const head = await ethers.provider.getBlock("latest");
    await publishContractRequest(dealClient, requestId, provider.address);
    const [event] = await dealClient.queryFilter(dealClient.filters.DealPublished(), head!.number);
    expect([event.blockNumber, event.blockHash, event.transactionIndex]).to.deep.equal([head!.number, head!.hash, 0]);
    expect((await ethers.provider.getBlock(head!.number))!.hash).to.equal(head!.hash);
    await fevm.mineEpochs(1n);
    expect((await ethers.provider.getBlock("latest"))!.parentHash).to.equal(head!.hash);
  });

  it("a logs subscription hears the event as soon as the operation returns, without a block being mined", async function () {
    const { dealClient, provider, request, requestId } = await loadFixture(publishedByControl);
    await (await dealClient.makeDealProposal(request)).wait();
    const heard: { subscription: string; result: { topics: string[] } }[] = [];
    const listener = (n: (typeof heard)[number]) => heard.push(n);
    network.provider.on("notification", listener);
    try {
      const subscription = await network.provider.send("eth_subscribe", ["logs", { address: await dealClient.getAddress(), topics: [dealClient.filters.DealPublished().fragment.topicHash] }]);
      await publishContractRequest(dealClient, requestId, provider.address);
      expect(heard.map((n) => [n.subscription, n.result.topics[1]])).to.deep.equal([[subscription, requestId]]);
      await network.provider.send("eth_unsubscribe", [subscription]);
    } finally {
      network.provider.off("notification", listener);
    }
  });

  it("fevm.datacap.mint to a contract: its receiver hook's ReceivedDataCap is in eth_getLogs", async function () {
    const { dealClient } = await loadFixture(publishedByControl);
    await fevm.datacap.mint(await dealClient.getAddress(), ethers.parseEther("1024")); // 1 KiB of DataCap
    const [event, ...others] = await dealClient.queryFilter(dealClient.filters.ReceivedDataCap());
    expect(others).to.be.empty;
    expect([...event.args]).to.deep.equal(["DataCap Received!"]);
    expect(event.blockNumber).to.equal(await ethers.provider.getBlockNumber());
  });

  it("evm_revert takes the event, its receipt and its transaction away with the deal", async function () {
    const { dealClient, provider, request, requestId } = await loadFixture(publishedByControl);
    await (await dealClient.makeDealProposal(request)).wait();
    const snapshot = await ethers.provider.send("evm_snapshot", []);
    await publishContractRequest(dealClient, requestId, provider.address);
    const [event] = await dealClient.queryFilter(dealClient.filters.DealPublished());

    await ethers.provider.send("evm_revert", [snapshot]);
    expect(await dealClient.queryFilter(dealClient.filters.DealPublished())).to.be.empty;
    expect(await ethers.provider.send("eth_getTransactionReceipt", [event.transactionHash])).to.equal(null);
    expect(await ethers.provider.send("eth_getTransactionByHash", [event.transactionHash])).to.equal(null);
  });

  it("the simulated storage provider: DealPublished from its PublishStorageDeals is found by queryFilter", async function () {
    const { dealClient, provider, request, requestId } = await loadFixture(publishedByProvider);
    // Reverted at the end, so the deal it publishes is not left for the provider to serve in later suites.
    const snapshot = await ethers.provider.send("evm_snapshot", []);
    await serveWith([provider.id], 20n);
    try {
      // The block with DealProposalCreate is mined; the provider publishes right after it, at that epoch.
      const receipt = await (await dealClient.makeDealProposal(request)).wait();
      const [, dealId] = await dealClient.deals(requestId);
      expect(dealId).to.be.greaterThan(0n);
      const [event, ...others] = await dealClient.queryFilter(dealClient.filters.DealPublished(requestId));
      expect(others).to.be.empty;
      expect([...event.args]).to.deep.equal([requestId, dealId, provider.id]);
      expect(event.blockNumber).to.equal(receipt!.blockNumber);
      expect(event.transactionHash).to.not.equal(receipt!.hash);
    } finally {
      await ethers.provider.send("evm_revert", [snapshot]);
    }
  });
});

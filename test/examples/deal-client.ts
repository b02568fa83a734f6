// The example DealClient (contracts/examples/DealClient.sol), the kit- and Boost-compatible
// starting point, through whole deal lifetimes with the simulated storage provider: the provider
// picks the proposal up from DealProposalCreate, publishes it, seals it, and is paid every month
// to the end of the deal, 180 days of chain time mined in bulk. Verified (FIL+) and not.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { serveWith } from "../hardhat/sp/support/serve";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import type { DealClient } from "../../typechain-types";
import { CLIENT_COLLATERAL, dealRequest, MIN_DURATION, onlyOnFilecoin, piece, PRICE_PER_EPOCH } from "../hardhat/market/support/fixtures";

const Status = { None: 0n, Requested: 1n, Published: 2n, Active: 3n, Ended: 4n };
const SEALING_DELAY = 50n;
/** The market's deal-update interval: a provider settles its deals every 30 days. */
const MONTH = 86_400n;
const TOKENS_PER_BYTE = 10n ** 18n;

/** A storage provider (one miner with collateral in escrow) serving a funded DealClient. */
async function servedDealClient() {
  const [owner] = await ethers.getSigners();
  const dealClient = await ethers.deployContract("DealClient");
  await (await dealClient.addBalance({ value: ethers.parseEther("2") })).wait();
  const miner = await fevm.miners.create({ owner: owner.address });
  await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
  await serveWith([miner.id], SEALING_DELAY);
  await fevm.storageProvider.setPolicy({ maxPricePerEpoch: PRICE_PER_EPOCH });
  return { dealClient, miner };
}

/** The contract asks for the shortest deal on a piece of `text`, starting in 1000 epochs. */
async function propose(dealClient: DealClient, text: string, verifiedDeal = false) {
  const request = { ...dealRequest(text, (await fevm.epoch()) + 1000n), verifiedDeal };
  await expect(dealClient.makeDealProposal(request)).to.emit(dealClient, "DealProposalCreate");
  return { requestId: ethers.keccak256(request.pieceCid), startEpoch: BigInt(request.startEpoch), endEpoch: BigInt(request.endEpoch) };
}

const historyOf = async (dealId: bigint) => (await fevm.storageProvider.history()).filter((e) => e.dealId === dealId);

/** Mines past the deal's end; the provider settles it for the last time and the market removes it. */
async function liveToTheEnd(endEpoch: bigint) {
  await fevm.mineEpochs(endEpoch - (await fevm.epoch()) + 1n);
}

describe("DealClient example: whole deal lifetimes with the simulated storage provider", function () {
  onlyOnFilecoin();
  after(() => fevm.storageProvider.stop());

  it("is picked up, published, sealed, paid every month and completed after 180 days", async function () {
    const { dealClient, miner } = await loadFixture(servedDealClient);
    const providerBefore = await fevm.market.getBalance(miner.address);
    const { requestId, startEpoch, endEpoch } = await propose(dealClient, "kept for 180 days");

    // The provider published in the block after the proposal: the market told the contract the deal id.
    const [status, dealId, provider] = await dealClient.deals(requestId);
    expect([status, provider]).to.deep.equal([Status.Published, miner.id]);
    expect(await fevm.market.getBalance(await dealClient.getAddress())).to.deep.include({ locked: PRICE_PER_EPOCH * MIN_DURATION + CLIENT_COLLATERAL });

    await fevm.mineEpochs(SEALING_DELAY);
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Active);

    await liveToTheEnd(endEpoch);
    const settled = (await historyOf(dealId)).filter((e) => e.kind === "settled").map((e) => e.epoch);
    // Once a month from the start, then at the end.
    expect(settled.length).to.equal(Number(MIN_DURATION / MONTH) + 1);
    expect(settled[1] - settled[0]).to.equal(MONTH);
    expect(settled.at(-1)).to.be.greaterThan(endEpoch - 1n);
    expect(settled[0]).to.be.greaterThan(startEpoch - 1n);

    // Every epoch of the deal was paid to the provider, whose collateral came back; nothing stays locked.
    const providerAfter = await fevm.market.getBalance(miner.address);
    expect(providerAfter.balance - providerBefore.balance).to.equal(PRICE_PER_EPOCH * MIN_DURATION);
    expect(providerAfter.locked).to.equal(0n);
    expect(await fevm.market.getBalance(await dealClient.getAddress())).to.deep.equal({ balance: ethers.parseEther("2") - PRICE_PER_EPOCH * MIN_DURATION, locked: 0n });
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Ended);
    expect((await dealClient.getDealActivation(dealId))[0]).to.equal(32n);
  });

  it("makes a verified deal with DataCap granted to the contract: the allocation is claimed when sealed", async function () {
    const { dealClient, miner } = await loadFixture(servedDealClient);
    const address = await dealClient.getAddress();
    // Longer than 127 bytes: a 256-byte piece, the smallest verified allocation.
    const text = "verified data for the example client ".repeat(4);
    const size = piece(text).size;
    await fevm.verifreg.addVerifiedClient(address, size);
    expect(await fevm.datacap.balanceOf(address)).to.equal(size * TOKENS_PER_BYTE);

    const { requestId, endEpoch } = await propose(dealClient, text, true);
    const [status, dealId] = await dealClient.deals(requestId);
    expect(status).to.equal(Status.Published);
    expect(await dealClient.getDealVerified(dealId)).to.deep.equal([0n, true]);
    // Publishing spent the contract's DataCap on an allocation for the provider.
    expect(await fevm.datacap.balanceOf(address)).to.equal(0n);
    const [allocation] = await fevm.verifreg.listAllocations(address);
    expect(allocation).to.include({ provider: miner.address, data: piece(text).cid, size });

    await fevm.mineEpochs(SEALING_DELAY);
    expect(await fevm.verifreg.getAllocation(address, allocation.id)).to.equal(null);
    const claim = await fevm.verifreg.getClaim(miner.address, allocation.id);
    expect(claim).to.include({ client: `t0${await fevm.address.actorId(address)}`, data: piece(text).cid, size });

    await liveToTheEnd(endEpoch);
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Ended);
    expect((await historyOf(dealId)).map((e) => e.kind)).to.include.members(["published", "activated", "settled"]);
  });

  it("without DataCap a verified request is not published: the market refuses it and the request stays open", async function () {
    const { dealClient } = await loadFixture(servedDealClient);
    const { requestId } = await propose(dealClient, "verified data nobody granted DataCap for ".repeat(4), true);
    expect(await dealClient.deals(requestId)).to.deep.equal([Status.Requested, 0n, 0n]);
    const [failure] = (await fevm.storageProvider.history()).filter((e) => e.kind === "publishFailed");
    expect(failure.message).to.contain("insufficient DataCap");
  });

  it("takes back the client's money when the provider misses the activation deadline", async function () {
    const { dealClient } = await loadFixture(servedDealClient);
    const { requestId, startEpoch } = await propose(dealClient, "never sealed");
    const [, dealId] = await dealClient.deals(requestId);
    await fevm.storageProvider.missActivation(dealId);
    await fevm.mineEpochs(startEpoch - (await fevm.epoch()) + 1n);
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Ended);
    expect(await fevm.market.getBalance(await dealClient.getAddress())).to.deep.equal({ balance: ethers.parseEther("2"), locked: 0n });
  });
});

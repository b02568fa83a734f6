// A contract as deal client (contracts/examples/DealClient.sol on filecoin-solidity-api): the market
// asks it to authenticate each proposal (AuthenticateMessage) and tells it the deal id
// (MarketNotifyDeal), whether a storage provider publishes the deal or the contract itself does.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import {
  CLIENT_COLLATERAL,
  dealProposal,
  dealRequest,
  marketFixture,
  onlyOnFilecoin,
  PRICE_PER_EPOCH,
  publishContractRequest,
  refusal,
  storageFee,
} from "./support/fixtures";

const Status = { None: 0n, Requested: 1n, Published: 2n, Active: 3n, Ended: 4n };
const CONTRACT_ESCROW = ethers.parseEther("0.5");

/** The DealClient with a deal requested for a piece and escrow to pay for it. */
async function requestedDeal() {
  const scene = await marketFixture();
  const text = "a piece the contract wants stored";
  const p = await dealProposal(await scene.dealClient.getAddress(), scene.provider.address, text);
  const request = dealRequest(text, p.startEpoch);
  const requestId = ethers.keccak256(request.pieceCid);
  await expect(scene.dealClient.makeDealProposal(request))
    .to.emit(scene.dealClient, "DealProposalCreate")
    .withArgs(requestId, p.pieceSize, false, PRICE_PER_EPOCH);
  await (await scene.dealClient.addBalance({ value: CONTRACT_ESCROW })).wait();
  return { ...scene, p, request, requestId };
}

describe("DealClient: a contract that makes storage deals", function () {
  onlyOnFilecoin();

  it("holds its escrow in the market: addBalance from the contract (nothing attached: 16), read back through MarketAPI.getBalance", async function () {
    const { dealClient } = await loadFixture(requestedDeal);
    const self = await fevm.address.toBytes(await dealClient.getAddress());
    // MarketAPI reads the market's zero bigint (an empty byte string) as 0x00.
    expect(await dealClient.getBalance(self)).to.deep.equal([0n, [[ethers.toBeHex(CONTRACT_ESCROW), false], ["0x00", false]]]);
    expect(await fevm.market.getBalance(await dealClient.getAddress())).to.deep.equal({ balance: CONTRACT_ESCROW, locked: 0n });
    await expect(dealClient.addBalance()).to.be.revertedWithCustomError(dealClient, "NonZeroExitCode").withArgs(16n, "USR_ILLEGAL_ARGUMENT");
  });

  it("authenticates the proposal it made when a provider publishes it, and records the deal id the market notifies", async function () {
    const { dealClient, provider, p, requestId } = await loadFixture(requestedDeal);
    const id = await publishContractRequest(dealClient, requestId, provider.address);
    expect(await dealClient.deals(requestId)).to.deep.equal([Status.Published, id, provider.id]);
    expect(await fevm.market.getBalance(await dealClient.getAddress())).to.deep.equal({ balance: CONTRACT_ESCROW, locked: storageFee(p) + CLIENT_COLLATERAL });

    // The contract follows its deal through GetDealActivation: Active once sealed, Ended once removed.
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Published);
    await fevm.market.activateDeal(id);
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Active);
    await fevm.market.terminateDeal(id);
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Ended);
  });

  it("answers false to AuthenticateMessage for terms it did not ask for, so the market publishes nothing (16)", async function () {
    const { dealClient, provider, p, requestId } = await loadFixture(requestedDeal);
    const deals = await fevm.market.listDeals();
    const cheaper = { ...p, storagePricePerEpoch: PRICE_PER_EPOCH - 1n };
    const refused = await refusal(fevm.market.publishDeal(cheaper));
    expect(refused.exitCode).to.equal(16);
    expect(refused.message).to.contain("All deal proposals invalid");
    expect(refused.message).to.contain("answered false to AuthenticateMessage");
    expect(await dealClient.deals(requestId)).to.deep.equal([Status.Requested, 0n, 0n]);
    // A piece it never requested is refused the same way.
    const stranger = await dealProposal(await dealClient.getAddress(), provider.address, "someone else's piece");
    expect((await refusal(fevm.market.publishDeal(stranger))).exitCode).to.equal(16);
    expect(await fevm.market.listDeals()).to.deep.equal(deals);
  });

  it("publishes its own deal as a control address of the provider, through both callbacks into itself", async function () {
    const { dealClient, provider, requestId } = await loadFixture(requestedDeal);
    const expectedId = await dealClient.publishDeal.staticCall(requestId, provider.id);
    // PublishStorageDeals from a contract runs AuthenticateMessage and MarketNotifyDeal inside the
    // transaction; eth_estimateGas counts the gas of those callbacks, so no gas limit is needed.
    await expect(dealClient.publishDeal(requestId, provider.id))
      .to.emit(dealClient, "DealPublished")
      .withArgs(requestId, expectedId, provider.id);
    expect(await dealClient.deals(requestId)).to.deep.equal([Status.Published, expectedId, provider.id]);
    const deal = await fevm.market.getDeal(expectedId);
    expect(deal.proposal.client).to.equal(`t0${await fevm.address.actorId(await dealClient.getAddress())}`);
    expect(deal.proposal.provider).to.equal(provider.address);
    // A second publish of the same request is a duplicate the contract no longer authenticates.
    await expect(dealClient.publishDeal(requestId, provider.id))
      .to.be.revertedWithCustomError(dealClient, "NonZeroExitCode")
      .withArgs(16n, "USR_ILLEGAL_ARGUMENT");
  });

  it("takes requests only from its owner, one per piece, and callbacks only from the market", async function () {
    const { dealClient, owner, request, requestId } = await loadFixture(requestedDeal);
    expect(await dealClient.getDealRequest(requestId)).to.deep.equal(Object.values(request));
    const [, stranger] = await ethers.getSigners();
    await expect(dealClient.connect(stranger).makeDealProposal(request)).to.be.revertedWithCustomError(dealClient, "NotOwner").withArgs(stranger.address);
    await expect(dealClient.makeDealProposal(request)).to.be.revertedWithCustomError(dealClient, "PieceAlreadyRequested").withArgs(requestId);
    await expect(dealClient.getDealProposal(ethers.ZeroHash)).to.be.revertedWithCustomError(dealClient, "NoSuchRequest").withArgs(ethers.ZeroHash);
    await expect(dealClient.handle_filecoin_method(2643134072n, 0x51n, "0x")).to.be.revertedWithCustomError(dealClient, "NotFromMarket").withArgs(owner.address);
  });
});

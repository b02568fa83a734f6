// The StorageBounty example (contracts/examples/StorageBounty.sol): someone lists a piece with a
// FIL reward; the simulated storage provider takes a DealClient's deal for it and seals it; the
// bounty pays the provider's owner once, refuses unproven deals and other pieces, and goes back
// to the lister once its deadline passed unclaimed.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { serveWith } from "../hardhat/sp/support/serve";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import type { DealClient, StorageBounty } from "../../typechain-types";
import { dealRequest, onlyOnFilecoin, piece, PRICE_PER_EPOCH } from "../hardhat/market/support/fixtures";

const Status = { None: 0n, Open: 1n, Paid: 2n, Refunded: 3n };
const Health = { Pending: 0n, Active: 1n, Faulty: 2n };
const REWARD = ethers.parseEther("3");
const SEALING_DELAY = 20n;
const CLAIM_WINDOW = 10_000n;
const TEXT = "a dataset someone wants on Filecoin";

/**
 * A bounty on the piece of TEXT listed by `lister`, a storage provider whose owner is a fresh
 * account (so its balance moves only by what it is paid), serving a funded DealClient.
 */
async function listedBounty() {
  const [deployer, lister, hunter] = await ethers.getSigners();
  const owner = ethers.Wallet.createRandom(ethers.provider);
  await (await deployer.sendTransaction({ to: owner.address, value: ethers.parseEther("1") })).wait();
  const miner = await fevm.miners.create({ owner: owner.address });
  await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
  const dealClient = await ethers.deployContract("DealClient");
  await (await dealClient.addBalance({ value: ethers.parseEther("2") })).wait();
  await serveWith([miner.id], SEALING_DELAY);
  await fevm.storageProvider.setPolicy({ maxPricePerEpoch: PRICE_PER_EPOCH });

  const bounty = await ethers.deployContract("StorageBounty");
  const p = piece(TEXT);
  const deadline = (await fevm.epoch()) + CLAIM_WINDOW;
  await (await bounty.connect(lister).list(p.bytes, p.size, deadline, { value: REWARD })).wait();
  return { bounty, dealClient, miner, owner, lister, hunter, p, deadline, pieceId: ethers.keccak256(p.bytes) };
}

/** The DealClient asks for a deal on `text`; the simulated provider publishes it at once. */
async function dealFor(dealClient: DealClient, text: string): Promise<bigint> {
  const request = dealRequest(text, (await fevm.epoch()) + 200n);
  await (await dealClient.makeDealProposal(request)).wait();
  const [, dealId] = await dealClient.deals(ethers.keccak256(request.pieceCid));
  return dealId;
}

async function claimed(bounty: StorageBounty, dealId: bigint) {
  return bounty.connect((await ethers.getSigners())[2]).claim(dealId);
}

describe("StorageBounty example: pays once for a proven deal of a listed piece", function () {
  onlyOnFilecoin();
  after(() => fevm.storageProvider.stop());

  it("pays the provider's owner once the deal is sealed, and only once", async function () {
    const { bounty, dealClient, miner, owner, pieceId } = await loadFixture(listedBounty);
    const dealId = await dealFor(dealClient, TEXT);
    // Published, not yet sealed: nothing is proven.
    await expect(claimed(bounty, dealId)).to.be.revertedWithCustomError(bounty, "DealNotProven").withArgs(dealId, Health.Pending);

    await fevm.mineEpochs(SEALING_DELAY);
    const before = await ethers.provider.getBalance(owner.address);
    const ownerId = await fevm.address.actorId(owner.address);
    await expect(claimed(bounty, dealId))
      .to.emit(bounty, "BountyPaid")
      .withArgs(pieceId, dealId, miner.id, await fevm.address.toBytes(`t0${ownerId}`), REWARD);
    expect(await ethers.provider.getBalance(owner.address)).to.equal(before + REWARD);
    expect((await bounty.bounties(pieceId)).status).to.equal(Status.Paid);
    expect(await ethers.provider.getBalance(await bounty.getAddress())).to.equal(0n);

    // The kit's DealRewarder would pay again; this one refuses.
    await expect(claimed(bounty, dealId)).to.be.revertedWithCustomError(bounty, "BountyNotOpen").withArgs(pieceId, Status.Paid);
    expect(await ethers.provider.getBalance(owner.address)).to.equal(before + REWARD);
  });

  it("pays the miner's beneficiary instead of its owner while the beneficiary's FIP-0029 term runs", async function () {
    const { bounty, dealClient, pieceId } = await loadFixture(listedBounty);
    // A miner owned by a contract (MinerAPI from its actor), which names another contract its beneficiary.
    const owner = await ethers.deployContract("MinerCallerPL");
    const beneficiary = await ethers.deployContract("MinerCallerPL");
    const miner = await fevm.miners.create({ owner: await owner.getAddress() });
    await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
    const nomineeId = await fevm.address.toBytes(`t0${await fevm.address.actorId(await beneficiary.getAddress())}`);
    const term = [nomineeId, ethers.toBeHex(REWARD * 10n), (await fevm.epoch()) + 100_000n] as const;
    await (await owner.changeBeneficiary(miner.id, ...term)).wait();
    await (await beneficiary.changeBeneficiary(miner.id, ...term)).wait();
    expect((await owner.getBeneficiary(miner.id))[1].active.beneficiary.data).to.equal(nomineeId);

    await fevm.storageProvider.start({ miners: [miner.id] });
    const dealId = await dealFor(dealClient, TEXT);
    await fevm.mineEpochs(SEALING_DELAY);
    const before = await ethers.provider.getBalance(await beneficiary.getAddress());
    await expect(claimed(bounty, dealId)).to.emit(bounty, "BountyPaid").withArgs(pieceId, dealId, miner.id, nomineeId, REWARD);
    expect(await ethers.provider.getBalance(await beneficiary.getAddress())).to.equal(before + REWARD);
  });

  it("refuses a deal for another piece, and a deal whose sector is faulty", async function () {
    const { bounty, dealClient } = await loadFixture(listedBounty);
    const other = await dealFor(dealClient, "a piece nobody offered a bounty for");
    await fevm.mineEpochs(SEALING_DELAY);
    await expect(claimed(bounty, other))
      .to.be.revertedWithCustomError(bounty, "NoBountyForPiece")
      .withArgs(other, ethers.keccak256(piece("a piece nobody offered a bounty for").bytes));

    const dealId = await dealFor(dealClient, TEXT);
    await fevm.mineEpochs(SEALING_DELAY);
    await fevm.storageProvider.fault(dealId);
    await expect(claimed(bounty, dealId)).to.be.revertedWithCustomError(bounty, "DealNotProven").withArgs(dealId, Health.Faulty);
    await expect(claimed(bounty, 424242n)).to.be.revertedWithCustomError(bounty, "DealUnreadable").withArgs(424242n, 17n);
  });

  it("refuses a deal whose piece has another size than the one listed", async function () {
    const { dealClient, p } = await loadFixture(listedBounty);
    const misListed = await ethers.deployContract("StorageBounty");
    await (await misListed.list(p.bytes, p.size * 2n, (await fevm.epoch()) + CLAIM_WINDOW, { value: REWARD })).wait();
    const dealId = await dealFor(dealClient, TEXT);
    await fevm.mineEpochs(SEALING_DELAY);
    await expect(claimed(misListed, dealId)).to.be.revertedWithCustomError(misListed, "WrongPieceSize").withArgs(dealId, p.size, p.size * 2n);
  });

  it("gives the reward back to the lister once the deadline passed unclaimed", async function () {
    const { bounty, dealClient, lister, p, pieceId, deadline } = await loadFixture(listedBounty);
    await expect(bounty.refund(p.bytes)).to.be.revertedWithCustomError(bounty, "NotExpired").withArgs(pieceId, deadline);
    await fevm.mineEpochs(deadline - (await fevm.epoch()));
    // A deal sealed too late does not win the bounty.
    const late = await dealFor(dealClient, TEXT);
    await fevm.mineEpochs(SEALING_DELAY);
    await expect(claimed(bounty, late)).to.be.revertedWithCustomError(bounty, "BountyExpired").withArgs(pieceId, deadline);

    const before = await ethers.provider.getBalance(lister.address);
    await expect(bounty.refund(p.bytes)).to.emit(bounty, "BountyRefunded").withArgs(pieceId, lister.address, REWARD);
    expect(await ethers.provider.getBalance(lister.address)).to.equal(before + REWARD);
    await expect(bounty.refund(p.bytes)).to.be.revertedWithCustomError(bounty, "BountyNotOpen").withArgs(pieceId, Status.Refunded);
  });

  it("takes listings with a reward and a future deadline, one open bounty per piece", async function () {
    const { bounty, p, pieceId } = await loadFixture(listedBounty);
    const soon = (await fevm.epoch()) + 100n;
    await expect(bounty.list(p.bytes, p.size, soon)).to.be.revertedWithCustomError(bounty, "NoReward");
    await expect(bounty.list(p.bytes, p.size, 1n, { value: 1n })).to.be.revertedWithCustomError(bounty, "DeadlinePassed").withArgs(1n);
    await expect(bounty.list(p.bytes, p.size, soon, { value: 1n })).to.be.revertedWithCustomError(bounty, "AlreadyListed").withArgs(pieceId);
    await expect(bounty.refund(piece("never listed").bytes)).to.be.revertedWithCustomError(bounty, "BountyNotOpen");
  });
});

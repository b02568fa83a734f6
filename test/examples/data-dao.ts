// The DataDAO example (contracts/examples/DataDAO*.sol): DATA holders vote on which pieces to
// store; a passed proposal is queued in the timelock, which then pays DataDAOVault.storePiece from
// the treasury; the simulated storage provider takes the request, publishes, seals and is paid
// over the deal's life. Voting periods are in epochs, the timelock's delay in seconds (30 per epoch).
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import type { Signer } from "ethers";
import type { DataDAOGovernor, DataDAOVault } from "../../typechain-types";
import { mineTo, onlyOnFilecoin, piece } from "../hardhat/market/support/fixtures";
import { dealKinds, paidFor, SEALING_DELAY, startProvider } from "./support/provider";

const Vote = { Against: 0, For: 1 };
const State = { Active: 1n, Defeated: 3n, Succeeded: 4n, Queued: 5n, Executed: 7n };
const Status = { None: 0n, Requested: 1n, Published: 2n };
const PRICE_PER_EPOCH = 1_000_000n;
const TERM = 518_400n;
const FEE = PRICE_PER_EPOCH * TERM;

async function dao() {
  const [deployer, alice, bob, carol] = await ethers.getSigners();
  const token = await ethers.deployContract("DataDAOToken", [ethers.parseEther("1000000")]);
  // Anyone may execute a passed proposal once queued; only the Governor proposes and cancels.
  const timelock = await ethers.deployContract("DataDAOTimelock", [[ethers.ZeroAddress], deployer.address]);
  const governor = await ethers.deployContract("DataDAOGovernor", [await token.getAddress(), await timelock.getAddress()]);
  const vault = await ethers.deployContract("DataDAOVault", [await timelock.getAddress()]);
  await (await timelock.grantRole(await timelock.PROPOSER_ROLE(), await governor.getAddress())).wait();
  await (await timelock.grantRole(await timelock.CANCELLER_ROLE(), await governor.getAddress())).wait();
  await (await timelock.renounceRole(await timelock.DEFAULT_ADMIN_ROLE(), deployer.address)).wait();
  // 40%, 35% and 25% of the votes; voting power counts once delegated.
  for (const [member, share] of [[alice, "400000"], [bob, "350000"], [carol, "250000"]] as const) {
    await (await token.transfer(member.address, ethers.parseEther(share))).wait();
    await (await token.connect(member).delegate(member.address)).wait();
  }
  await (await deployer.sendTransaction({ to: await timelock.getAddress(), value: ethers.parseEther("2") })).wait();
  const miner = await startProvider();
  return { token, timelock, governor, vault, miner, alice, bob, carol };
}

/** A proposal to store a piece of `text` for one minimum term, paid from the treasury. */
async function storeProposal(vault: DataDAOVault, text: string) {
  const p = piece(text);
  const request: DataDAOVault.PieceStruct = {
    pieceCid: p.bytes, pieceSize: p.size, verifiedDeal: false, label: text,
    termEpochs: TERM, storagePricePerEpoch: PRICE_PER_EPOCH, providerCollateral: 0n,
  };
  const description = `Store "${text}" for 180 days`;
  const targets = [await vault.getAddress()], values = [FEE], calldatas = [vault.interface.encodeFunctionData("storePiece", [request])];
  return { request, description, operation: [targets, values, calldatas, ethers.id(description)] as [string[], bigint[], string[], string] };
}

type Proposal = Awaited<ReturnType<typeof storeProposal>>;

/** `proposer` proposes; once voting opens each member votes as given; returns when voting has closed. */
async function decide(governor: DataDAOGovernor, proposal: Proposal, proposer: Signer, votes: [Signer, number][]): Promise<bigint> {
  const [targets, values, calldatas] = proposal.operation;
  await (await governor.connect(proposer).propose(targets, values, calldatas, proposal.description)).wait();
  const proposalId = await governor.hashProposal(...proposal.operation);
  await mineTo((await governor.proposalSnapshot(proposalId)) + 1n);
  expect(await governor.state(proposalId)).to.equal(State.Active);
  for (const [member, support] of votes) await (await governor.connect(member).castVote(proposalId, support)).wait();
  await mineTo((await governor.proposalDeadline(proposalId)) + 1n);
  return proposalId;
}

describe("DataDAO: token holders vote on pieces to store, the timelock pays for the deals", function () {
  onlyOnFilecoin();
  after(() => fevm.storageProvider.stop());

  it("counts votes and periods in epochs: the token's clock is the block number", async function () {
    const { token, governor } = await loadFixture(dao);
    expect(await token.CLOCK_MODE()).to.equal("mode=blocknumber&from=default");
    expect(await token.clock()).to.equal(await fevm.epoch());
    expect(await governor.votingDelay()).to.equal(2_880n); // a day of 30-second epochs
    expect(await governor.votingPeriod()).to.equal(7n * 2_880n);
  });

  it("stores a piece the members voted for: propose, vote, queue, wait out the timelock, execute; the provider seals it and is paid over its life", async function () {
    const { governor, timelock, vault, miner, alice, bob, carol } = await loadFixture(dao);
    const proposal = await storeProposal(vault, "the DAO's climate dataset");
    const proposalId = await decide(governor, proposal, alice, [[alice, Vote.For], [bob, Vote.For], [carol, Vote.Against]]);
    expect(await governor.state(proposalId)).to.equal(State.Succeeded);

    const queued = await (await governor.queue(...proposal.operation)).wait();
    expect(await governor.state(proposalId)).to.equal(State.Queued);
    // Two days are exactly 5,760 epochs: executed in the epoch before, the timelock still refuses.
    const ready = BigInt(queued!.blockNumber) + (await timelock.MIN_DELAY()) / 30n;
    await mineTo(ready - 2n);
    // The refused execution is mined in epoch ready − 1; the next one lands in epoch `ready`.
    await expect(governor.execute(...proposal.operation)).to.be.revertedWithCustomError(timelock, "TimelockUnexpectedOperationState");
    expect(await fevm.epoch()).to.equal(ready - 1n);
    const treasury = await ethers.provider.getBalance(await timelock.getAddress());
    const execution = await (await governor.execute(...proposal.operation)).wait();
    expect(BigInt(execution!.blockNumber)).to.equal(ready);
    expect(await governor.state(proposalId)).to.equal(State.Executed);
    expect(await ethers.provider.getBalance(await timelock.getAddress())).to.equal(treasury - FEE);

    // The vault's DealProposalCreate is in the execution's block; the provider publishes right after it.
    const created = execution!.logs.map((l) => vault.interface.parseLog(l)).find((l) => l?.name === "DealProposalCreate")!;
    const [status, dealId, provider] = await vault.dealOf(created.args.id);
    expect([status, provider]).to.deep.equal([Status.Published, miner.id]);
    const { startEpoch, endEpoch } = await vault.getDealRequest(created.args.id);
    expect(startEpoch).to.equal(BigInt(execution!.blockNumber) + (await vault.START_LEAD()));

    await fevm.mineEpochs(SEALING_DELAY);
    expect(await dealKinds(dealId)).to.deep.equal(["published", "activated"]);
    await mineTo(endEpoch + 1n);
    expect((await dealKinds(dealId)).at(-1)).to.equal("settled");
    expect(await paidFor(dealId)).to.equal(FEE);
    expect(await fevm.market.getBalance(await vault.getAddress())).to.deep.equal({ balance: 0n, locked: 0n });
    expect(endEpoch - startEpoch).to.equal(TERM);
  });

  it("stores nothing when the proposal is defeated", async function () {
    const { governor, timelock, vault, alice, bob, carol } = await loadFixture(dao);
    const seen = await fevm.storageProvider.history();
    const proposal = await storeProposal(vault, "a dataset the members turn down");
    const proposalId = await decide(governor, proposal, alice, [[alice, Vote.For], [bob, Vote.Against], [carol, Vote.Against]]);
    expect(await governor.state(proposalId)).to.equal(State.Defeated);
    await expect(governor.queue(...proposal.operation)).to.be.revertedWithCustomError(governor, "GovernorUnexpectedProposalState");
    expect(await ethers.provider.getBalance(await timelock.getAddress())).to.equal(ethers.parseEther("2"));
    expect(await fevm.storageProvider.history()).to.deep.equal(seen); // no proposal seen
    expect(await fevm.market.getBalance(await vault.getAddress())).to.deep.equal({ balance: 0n, locked: 0n });
  });

  it("refuses storePiece from anyone but the timelock, members included", async function () {
    const { vault, alice } = await loadFixture(dao);
    const { request } = await storeProposal(vault, "smuggled past the vote");
    await expect(vault.connect(alice).storePiece(request, { value: FEE }))
      .to.be.revertedWithCustomError(vault, "NotTimelock")
      .withArgs(alice.address);
  });

  // A vault whose "timelock" is a plain account, to reach storePiece's checks directly.
  async function executorVault() {
    const [executor] = await ethers.getSigners();
    await startProvider();
    return ethers.deployContract("DataDAOVault", [executor.address]);
  }

  it("refuses a storePiece that does not carry exactly the deal's storage fee", async function () {
    const vault = await loadFixture(executorVault);
    const { request } = await storeProposal(vault, "underpaid");
    await expect(vault.storePiece(request, { value: FEE - 1n }))
      .to.be.revertedWithCustomError(vault, "WrongPayment")
      .withArgs(FEE, FEE - 1n);
  });

  it("stores a free piece (price 0) with nothing paid into escrow", async function () {
    const vault = await loadFixture(executorVault);
    const { request } = await storeProposal(vault, "stored for free");
    const receipt = await (await vault.storePiece({ ...request, storagePricePerEpoch: 0n })).wait();
    const created = receipt!.logs.map((l) => vault.interface.parseLog(l)).find((l) => l?.name === "DealProposalCreate")!;
    expect((await vault.dealOf(created.args.id))[0]).to.equal(Status.Published);
    expect(await fevm.market.getBalance(await vault.getAddress())).to.deep.equal({ balance: 0n, locked: 0n });
  });
});

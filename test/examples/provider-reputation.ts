// ProviderReputation (contracts/examples/ProviderReputation.sol): providers scored from what their
// deals did on chain — activated, faulted, terminated, missed, completed — for deals of registered
// client contracts (here the Boost-style DealClient, and a ReplicationWorker that consults the
// scores), with the simulated storage provider serving three miners over whole deal lifetimes.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import type { DealClient, ProviderReputation } from "../../typechain-types";
import { dealRequest, mineTo, onlyOnFilecoin } from "../hardhat/market/support/fixtures";
import { countedWorker, countsOf, FAULT_GRACE, publishFailures, RENEW_WINDOW, replicas, SEALING_DELAY, servedMiners, terms } from "./support/replication-scene";

const Outcome = { None: 0n, Activated: 1n, Faulted: 2n, Terminated: 3n, Missed: 4n, Completed: 5n };
const POINTS = { activated: 2n, completed: 3n, faulted: -3n, missed: -4n, terminated: -6n };

/** Three served miners, a reputation contract, and a funded DealClient it counts. */
async function registeredClient() {
  const miners = await servedMiners(3);
  const reputation = await ethers.deployContract("ProviderReputation");
  const dealClient = await ethers.deployContract("DealClient");
  await (await dealClient.addBalance({ value: ethers.parseEther("1") })).wait();
  await (await reputation.registerClient(await dealClient.getAddress(), true)).wait();
  return { miners, reputation, dealClient };
}

/** The DealClient requests a deal for a piece of `text`; the simulated provider publishes it. */
async function deal(dealClient: DealClient, text: string) {
  const request = dealRequest(text, (await fevm.epoch()) + 100n);
  await (await dealClient.makeDealProposal(request)).wait();
  const [, dealId, provider] = await dealClient.deals(ethers.keccak256(request.pieceCid));
  return { dealId, provider, startEpoch: BigInt(request.startEpoch), endEpoch: BigInt(request.endEpoch) };
}

/** Sends record(dealId) and returns the outcome it learnt. */
async function record(reputation: ProviderReputation, dealId: bigint) {
  const outcome = await reputation.record.staticCall(dealId);
  await (await reputation.record(dealId)).wait();
  return outcome;
}

describe("ProviderReputation", function () {
  onlyOnFilecoin();
  after(() => fevm.storageProvider.stop());

  it("scores a deal activated on time and completed, each outcome once however often it is recorded", async function () {
    const { reputation, dealClient } = await loadFixture(registeredClient);
    const { dealId, provider, endEpoch } = await deal(dealClient, "kept to the end");
    expect(await record(reputation, dealId)).to.equal(Outcome.None); // published, not sealed yet
    await fevm.mineEpochs(SEALING_DELAY);
    await expect(reputation.record(dealId)).to.emit(reputation, "OutcomeRecorded").withArgs(provider, dealId, Outcome.Activated);
    expect(await record(reputation, dealId)).to.equal(Outcome.None);
    expect(await reputation.scoreOf(provider)).to.equal(POINTS.activated);

    await mineTo(endEpoch + 1n); // 180 days; the provider settles the deal to completion
    expect(await record(reputation, dealId)).to.equal(Outcome.Completed);
    expect(await record(reputation, dealId)).to.equal(Outcome.None);
    expect(await countsOf(reputation, provider)).to.deep.equal({ activated: 1n, faulted: 0n, terminated: 0n, missed: 0n, completed: 1n });
    expect(await reputation.scoreOf(provider)).to.equal(POINTS.activated + POINTS.completed);
  });

  it("counts a fault once per deal, and a termination after it", async function () {
    const { reputation, dealClient } = await loadFixture(registeredClient);
    const { dealId, provider } = await deal(dealClient, "faulted twice, then terminated");
    await fevm.mineEpochs(SEALING_DELAY);
    expect(await record(reputation, dealId)).to.equal(Outcome.Activated);
    await fevm.storageProvider.fault(dealId, { epochs: 100n });
    expect(await record(reputation, dealId)).to.equal(Outcome.Faulted);
    await fevm.mineEpochs(200n);
    expect(await record(reputation, dealId)).to.equal(Outcome.None); // recovered
    await fevm.storageProvider.fault(dealId);
    expect(await record(reputation, dealId)).to.equal(Outcome.None); // the same deal faulting again
    await fevm.storageProvider.terminate(dealId);
    await fevm.mineEpochs(1n);
    expect(await record(reputation, dealId)).to.equal(Outcome.Terminated);
    expect(await countsOf(reputation, provider)).to.deep.equal({ activated: 1n, faulted: 1n, terminated: 1n, missed: 0n, completed: 0n });
    expect(await reputation.scoreOf(provider)).to.equal(POINTS.activated + POINTS.faulted + POINTS.terminated);
  });

  it("counts a deal its provider never sealed as missed", async function () {
    const { reputation, dealClient } = await loadFixture(registeredClient);
    const { dealId, provider, startEpoch } = await deal(dealClient, "never sealed");
    expect(await record(reputation, dealId)).to.equal(Outcome.None);
    await fevm.storageProvider.missActivation(dealId);
    await mineTo(startEpoch + 1n); // the market times it out
    expect(await record(reputation, dealId)).to.equal(Outcome.Missed);
    expect(await reputation.scoreOf(provider)).to.equal(POINTS.missed);
  });

  it("ranks providers: best of a list, and whether one meets a minimum score", async function () {
    const { reputation, dealClient, miners } = await loadFixture(registeredClient);
    const good = await deal(dealClient, "good provider");
    const bad = await deal(dealClient, "bad provider");
    await fevm.mineEpochs(SEALING_DELAY);
    await record(reputation, good.dealId);
    await record(reputation, bad.dealId);
    await fevm.storageProvider.terminate(bad.dealId);
    await fevm.mineEpochs(1n);
    await record(reputation, bad.dealId);
    const ids = miners.map((m) => m.id);
    const fresh = ids.find((id) => id !== good.provider && id !== bad.provider)!;
    expect(await reputation.best(ids)).to.deep.equal([good.provider, POINTS.activated]);
    expect(await reputation.best([bad.provider, fresh])).to.deep.equal([fresh, 0n]);
    expect(await reputation.isAcceptable(good.provider, 2n)).to.equal(true);
    expect(await reputation.isAcceptable(fresh, 0n)).to.equal(true);
    expect(await reputation.isAcceptable(bad.provider, 0n)).to.equal(false);
  });

  it("steers a ReplicationWorker away from a provider below its minimum score", async function () {
    const { reputation, dealClient, miners } = await loadFixture(registeredClient);
    const bad = await deal(dealClient, "terminated early");
    await fevm.mineEpochs(SEALING_DELAY);
    await record(reputation, bad.dealId);
    await fevm.storageProvider.terminate(bad.dealId);
    await fevm.mineEpochs(1n);
    await record(reputation, bad.dealId);

    const steered = await countedWorker(reputation);
    await (await steered.addDataset(terms("stored by the reputable"), 2, RENEW_WINDOW, FAULT_GRACE)).wait();
    const providers = (await replicas(steered)).map((r) => r.current.provider);
    expect(new Set(providers)).to.deep.equal(new Set(miners.map((m) => m.id).filter((id) => id !== bad.provider)));
    const refused = (await publishFailures(steered)).map((e) => e.miner);
    expect(refused).to.include(bad.provider);
  });

  it("names what it refuses: strangers, accounts, unknown deals, unregistered clients, empty lists", async function () {
    const { reputation, dealClient } = await loadFixture(registeredClient);
    const [, stranger] = await ethers.getSigners();
    await expect(reputation.connect(stranger).registerClient(await dealClient.getAddress(), false))
      .to.be.revertedWithCustomError(reputation, "NotAdmin").withArgs(stranger.address);
    await expect(reputation.registerClient(stranger.address, true)).to.be.revertedWithCustomError(reputation, "NotAContract").withArgs(stranger.address);
    await expect(reputation.record(424242n)).to.be.revertedWithCustomError(reputation, "DealNotFound").withArgs(424242n, 17n);
    await expect(reputation.best([])).to.be.revertedWithCustomError(reputation, "NoCandidates");

    // A deal of a client nobody registered cannot move a score.
    const other = await ethers.deployContract("DealClient");
    await (await other.addBalance({ value: ethers.parseEther("1") })).wait();
    const { dealId } = await deal(other, "self-dealing");
    const client = await fevm.address.actorId(await other.getAddress());
    await expect(reputation.record(dealId)).to.be.revertedWithCustomError(reputation, "ClientNotRegistered").withArgs(dealId, client);

    // A deal first recorded after the market removed it can tell nothing.
    const gone = await deal(dealClient, "gone before anyone looked");
    await fevm.storageProvider.missActivation(gone.dealId);
    await mineTo(gone.startEpoch + 1n);
    await expect(reputation.record(gone.dealId)).to.be.revertedWithCustomError(reputation, "DealNotFound").withArgs(gone.dealId, 32n);
  });
});

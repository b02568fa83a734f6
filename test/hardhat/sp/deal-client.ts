// The simulated storage provider serving the unchanged DealClient (contracts/examples/DealClient.sol)
// the way Boost serves contract deal clients: it sees DealProposalCreate, reads getDealProposal,
// publishes with the contract as client (AuthenticateMessage, MarketNotifyDeal), seals after its
// sealing delay, settles, and fails when told to. Months of chain time are mined in bulk.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import type { DealClient } from "../../../typechain-types";
import { dealRequest, marketFixture, MIN_DURATION, onlyOnFilecoin, PRICE_PER_EPOCH, storageFee } from "../market/support/fixtures";
import { serveWith } from "./support/serve";

const Status = { None: 0n, Requested: 1n, Published: 2n, Active: 3n, Ended: 4n };
const SEALING_DELAY = 20n;

/**
 * A DealClient with escrow, and the simulated provider serving one miner. The provider's history
 * may hold what earlier suites in the process did: `seen` is where this scene's begins.
 */
async function servedClient() {
  const scene = await marketFixture();
  await (await scene.dealClient.addBalance({ value: ethers.parseEther("0.5") })).wait();
  await serveWith([scene.provider.id], SEALING_DELAY);
  return { ...scene, seen: (await fevm.storageProvider.history()).length };
}

/** The contract asks for a deal on a piece of `text` starting `lead` epochs from now. */
async function propose(dealClient: DealClient, text: string, lead = 100n) {
  const startEpoch = (await fevm.epoch()) + lead;
  const request = dealRequest(text, startEpoch);
  await (await dealClient.makeDealProposal(request)).wait();
  return { requestId: ethers.keccak256(request.pieceCid), startEpoch, endEpoch: startEpoch + MIN_DURATION };
}

/** The market's deals whose client is this contract (other test files leave deals of their own). */
async function dealsOf(dealClient: DealClient) {
  const client = `t0${await fevm.address.actorId(await dealClient.getAddress())}`;
  return (await fevm.market.listDeals()).filter((d) => d.proposal.client === client);
}

/** What the provider did since the scene was set up. */
const since = async (seen: number) => (await fevm.storageProvider.history()).slice(seen);
const kinds = async (seen: number) => (await since(seen)).map((e) => e.kind);

describe("simulated storage provider with a Boost-style DealClient", function () {
  onlyOnFilecoin();
  after(() => fevm.storageProvider.stop());

  it("publishes the contract's proposal in the next epoch, seals it after the sealing delay and settles it to completion", async function () {
    const { dealClient, provider, seen } = await loadFixture(servedClient);
    const { requestId, startEpoch, endEpoch } = await propose(dealClient, "stored by the simulated provider");

    // The block with DealProposalCreate is mined; the provider publishes right after it.
    const [deal] = await dealsOf(dealClient);
    expect(await dealClient.deals(requestId)).to.deep.equal([Status.Published, deal.id, provider.id]);
    expect(deal.proposal.provider).to.equal(provider.address);
    expect(deal.proposal.client).to.equal(`t0${await fevm.address.actorId(await dealClient.getAddress())}`);
    expect(await kinds(seen)).to.deep.equal(["proposal", "published"]);

    await fevm.mineEpochs(SEALING_DELAY);
    const [exitCode, activation] = await dealClient.getDealActivation(deal.id);
    expect(exitCode).to.equal(0n);
    expect(activation.activated).to.be.greaterThan(0n);
    expect(activation.activated).to.be.at.most(startEpoch);
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Active);

    // 180 days in one call: the run stops at each monthly settlement and at the end.
    await fevm.mineEpochs(endEpoch - (await fevm.epoch()) + 1n);
    const settled = (await since(seen)).filter((e) => e.kind === "settled" && e.dealId === deal.id);
    expect(settled.length).to.be.greaterThan(1);
    expect(settled.at(-1)!.message).to.match(/deal completed$/);
    expect(await fevm.market.getBalance(await dealClient.getAddress())).to.deep.include({ locked: 0n });
    const paid = settled.reduce((sum, e) => sum + BigInt(e.message.match(/: (\d+) attoFIL paid/)![1]), 0n);
    expect(paid).to.equal(storageFee({ startEpoch, endEpoch }));
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Ended);
  });

  it("terminates a deal's sector at the scheduled epoch; the contract then sees the deal ended", async function () {
    const { dealClient, seen } = await loadFixture(servedClient);
    const { requestId } = await propose(dealClient, "terminated later");
    await fevm.mineEpochs(SEALING_DELAY);
    const [, dealId] = await dealClient.deals(requestId);
    const at = (await fevm.epoch()) + 1000n;
    await fevm.storageProvider.terminate(dealId, { epoch: at });
    await fevm.mineEpochs(5000n);
    const terminated = (await since(seen)).find((e) => e.kind === "terminated")!;
    expect(terminated).to.deep.include({ epoch: at, dealId });
    const [exitCode] = await dealClient.getDealActivation(dealId);
    expect(exitCode).to.equal(32n);
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Ended);
  });

  it("refuses proposals its policy rules out, or when told to, and the contract's request stays open", async function () {
    const { dealClient, seen } = await loadFixture(servedClient);
    await fevm.storageProvider.setPolicy({ maxPricePerEpoch: PRICE_PER_EPOCH - 1n });
    const first = await propose(dealClient, "too expensive");
    await fevm.storageProvider.setPolicy({ maxPricePerEpoch: PRICE_PER_EPOCH });
    await fevm.storageProvider.refuse(1);
    const second = await propose(dealClient, "refused on demand");
    const refused = (await since(seen)).filter((e) => e.kind === "refused").map((e) => e.message);
    expect(refused).to.deep.equal([
      `refused proposal ${first.requestId} of ${(await dealClient.getAddress()).toLowerCase()}: price ${PRICE_PER_EPOCH} attoFIL/epoch is above the maximum ${PRICE_PER_EPOCH - 1n}`,
      `refused proposal ${second.requestId} of ${(await dealClient.getAddress()).toLowerCase()}: refused on demand`,
    ]);
    expect((await dealClient.deals(first.requestId))[0]).to.equal(Status.Requested);
    expect((await dealClient.deals(second.requestId))[0]).to.equal(Status.Requested);
    expect(await dealsOf(dealClient)).to.deep.equal([]);
    // A proposal that starts before sealing could finish is refused too.
    const soon = await propose(dealClient, "starts too soon", SEALING_DELAY - 1n);
    expect((await fevm.storageProvider.history()).at(-1)!.message).to.contain(`refused proposal ${soon.requestId}`).and.contain("is too soon: sealing takes 20 epochs");
  });

  it("misses the activation deadline when told to: the market times the deal out and the contract sees it ended", async function () {
    const { dealClient, seen } = await loadFixture(servedClient);
    const { requestId, startEpoch } = await propose(dealClient, "never sealed");
    const [, dealId] = await dealClient.deals(requestId);
    await fevm.storageProvider.missActivation(dealId);
    await fevm.mineEpochs(startEpoch - (await fevm.epoch()) + 10n);
    expect(await kinds(seen)).to.deep.equal(["proposal", "published", "activationMissed", "settled"]);
    const [exitCode] = await dealClient.getDealActivation(dealId);
    expect(exitCode).to.equal(32n);
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Ended);
  });

  it("offline, it sees nothing and seals nothing; evm_revert restores what it remembers", async function () {
    const { dealClient, seen } = await loadFixture(servedClient);
    const { requestId } = await propose(dealClient, "sealed late");
    await fevm.storageProvider.stop();
    await fevm.mineEpochs(SEALING_DELAY);
    await propose(dealClient, "proposed while offline");
    expect(await kinds(seen)).to.deep.equal(["proposal", "published"]);
    await fevm.storageProvider.start();
    await fevm.mineEpochs(1n);
    expect(await kinds(seen)).to.deep.equal(["proposal", "published", "activated"]);
    const [, dealId] = await dealClient.deals(requestId);
    expect((await fevm.market.getDeal(dealId)).state).to.not.equal(null);
    const again = await loadFixture(servedClient);
    expect(await since(seen)).to.deep.equal([]);
    expect((await again.dealClient.deals(requestId))[0]).to.equal(Status.None);
  });

  it("names what it cannot do: unknown deals, actors that are not miners", async function () {
    await loadFixture(servedClient);
    await expect(fevm.storageProvider.terminate(424242)).to.be.rejectedWith("deal 424242 was not published by the simulated storage provider");
    await expect(fevm.storageProvider.start({ miners: [5] })).to.be.rejectedWith("t05 is a market actor, not a miner");
    await expect(fevm.storageProvider.setPolicy({ sealingDelay: -1 })).to.be.rejectedWith("policy.sealingDelay: expected a non-negative whole number");
  });
});

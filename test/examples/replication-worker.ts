// ReplicationWorker (contracts/examples/ReplicationWorker.sol) over whole deal lifetimes with the
// simulated storage provider serving four miners: three replicas land on three distinct miners,
// and the worker repairs a copy that faults, is terminated, misses its activation or expires.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { onlyOnFilecoin, mineTo } from "../hardhat/market/support/fixtures";
import {
  check, countsOf, FAILURE_COOLDOWN, fundedMiners, publishFailures, FAULT_GRACE, Reason, RENEW_WINDOW, replicas, SEALING_DELAY, servedMiners, START_DELAY, Status, terms, workerWithReputation,
} from "./support/replication-scene";

/** Four miners, a worker, and a dataset stored three times, sealed, and checked once by a keeper. */
async function threeReplicas() {
  const miners = await servedMiners(4);
  const scene = await workerWithReputation();
  await (await scene.worker.addDataset(terms("a dataset kept three times"), 3, RENEW_WINDOW, FAULT_GRACE)).wait();
  await fevm.mineEpochs(SEALING_DELAY);
  await (await scene.worker.check(0n)).wait();
  return { ...scene, miners };
}

/** Only two miners, and a worker asked for three replicas. */
async function twoMiners() {
  const miners = await servedMiners(2);
  return { ...(await workerWithReputation()), miners };
}

/** builtin-actors FAULT_MAX_AGE: 42 proving periods of 2880 epochs. */
const FAULT_MAX_AGE = 120_960n;

const providersOf = async (worker: Parameters<typeof replicas>[0]) => (await replicas(worker)).map((r) => r.current.provider);

describe("ReplicationWorker", function () {
  onlyOnFilecoin();
  after(() => fevm.storageProvider.stop());

  it("stores a dataset on three distinct providers, which seal it; a check finds nothing to repair", async function () {
    const { worker, miners } = await loadFixture(threeReplicas);
    const copies = await replicas(worker);
    expect(copies.map((c) => c.current.status)).to.deep.equal([Status.Published, Status.Published, Status.Published]);
    const providers = copies.map((c) => c.current.provider);
    expect(new Set(providers).size).to.equal(3);
    for (const p of providers) expect(miners.map((m) => m.id)).to.include(p);
    const activated = (await fevm.storageProvider.history()).filter((e) => e.kind === "activated").map((e) => e.dealId);
    expect(activated).to.include.members(copies.map((c) => c.current.dealId));
    const { proposed } = await check(worker);
    expect(proposed).to.deep.equal([]);
    expect(await worker.reservedEscrow()).to.equal(0n); // every request published: the market locked its escrow
  });

  it("never gives one provider two copies: with two miners the third replica waits, then goes to a miner that joins", async function () {
    const { worker, miners } = await loadFixture(twoMiners);
    await (await worker.addDataset(terms("three copies, two miners"), 3, RENEW_WINDOW, FAULT_GRACE)).wait();
    const [a, b, c] = await replicas(worker);
    expect(new Set([a.current.provider, b.current.provider, c.current.provider].filter((p) => p !== 0n)).size).to.equal(2);
    const waiting = [a, b, c].find((r) => r.current.status === Status.Requested)!;
    // Both miners were offered the third request; the worker's AuthenticateMessage turned each away.
    const failed = await publishFailures(worker);
    expect(failed.map((e) => e.miner).sort()).to.deep.equal(miners.map((m) => m.id).sort());
    expect(await worker.reservedEscrow()).to.equal((await worker.copies(waiting.current.requestId)).cost);

    const [third] = await fundedMiners(1);
    await fevm.storageProvider.start({ miners: [...miners.map((m) => m.id), third.id] });
    await mineTo(waiting.current.startEpoch);
    expect((await check(worker)).proposed).to.deep.equal([Reason.Unclaimed]);
    expect(new Set(await providersOf(worker))).to.deep.equal(new Set([...miners, third].map((m) => m.id)));
    expect(await worker.reservedEscrow()).to.equal(0n);
  });

  it("tolerates a fault its provider recovers from within the grace period", async function () {
    const { worker, reputation } = await loadFixture(threeReplicas);
    const before = await replicas(worker);
    const { dealId, provider } = before[0].current;
    await fevm.storageProvider.fault(dealId, { epochs: FAULT_GRACE / 2n });
    expect((await check(worker)).proposed).to.deep.equal([]);
    await fevm.mineEpochs(FAULT_GRACE);
    expect((await check(worker)).proposed).to.deep.equal([]);
    expect(await replicas(worker)).to.deep.equal(before);
    // The fault still counts against the provider.
    expect(await countsOf(reputation, provider)).to.deep.include({ activated: 1n, faulted: 1n });
  });

  it("repairs a copy that stays faulty past the grace period, on a provider that holds no copy", async function () {
    const { worker, reputation, miners } = await loadFixture(threeReplicas);
    const [faulty, ...others] = (await replicas(worker)).map((r) => r.current);
    await fevm.storageProvider.fault(faulty.dealId);
    expect((await check(worker)).proposed).to.deep.equal([]);
    await fevm.mineEpochs(FAULT_GRACE);
    const { tx, proposed } = await check(worker);
    expect(proposed).to.deep.equal([Reason.Faulty]);
    await expect(tx).to.emit(worker, "CopyFailed").withArgs(0n, 0n, faulty.dealId, faulty.provider, Reason.Faulty);
    expect(await worker.failedUntil(0n, faulty.provider)).to.equal((await fevm.epoch()) + FAILURE_COOLDOWN);

    const [repaired] = (await replicas(worker)).map((r) => r.current);
    const spare = miners.map((m) => m.id).find((id) => id !== faulty.provider && !others.some((o) => o.provider === id));
    expect(repaired).to.deep.include({ status: Status.Published, provider: spare });
    await fevm.mineEpochs(SEALING_DELAY);
    expect((await check(worker)).proposed).to.deep.equal([]);
    expect(await reputation.scoreOf(faulty.provider)).to.equal(2n - 3n); // activated, then faulted
  });

  it("repairs a copy whose sector stayed faulty until the chain terminated it, though nobody checked meanwhile", async function () {
    const { worker, reputation } = await loadFixture(threeReplicas);
    const [lost] = (await replicas(worker)).map((r) => r.current);
    await fevm.storageProvider.fault(lost.dealId);
    await fevm.mineEpochs(FAULT_MAX_AGE + 1_000n); // 42 days of faults: the chain's cron terminates the sector
    expect((await fevm.storageProvider.history()).filter((e) => e.dealId === lost.dealId).map((e) => e.kind)).to.include("terminated");
    const { tx, proposed } = await check(worker);
    expect(proposed).to.deep.equal([Reason.Terminated]);
    await expect(tx).to.emit(worker, "CopyFailed").withArgs(0n, 0n, lost.dealId, lost.provider, Reason.Terminated);
    expect(await countsOf(reputation, lost.provider)).to.deep.include({ activated: 1n, terminated: 1n });
  });

  it("repairs a terminated copy, and a copy whose provider never seals it", async function () {
    const { worker, reputation } = await loadFixture(threeReplicas);
    const [terminated] = (await replicas(worker)).map((r) => r.current);
    await fevm.storageProvider.terminate(terminated.dealId);
    await fevm.mineEpochs(1n);
    const { tx, proposed } = await check(worker);
    expect(proposed).to.deep.equal([Reason.Terminated]);
    await expect(tx).to.emit(worker, "CopyFailed").withArgs(0n, 0n, terminated.dealId, terminated.provider, Reason.Terminated);
    expect(await countsOf(reputation, terminated.provider)).to.deep.include({ activated: 1n, terminated: 1n });

    const [replacement] = (await replicas(worker)).map((r) => r.current);
    expect(replacement.provider).to.not.equal(terminated.provider);
    await fevm.storageProvider.missActivation(replacement.dealId);
    await mineTo(replacement.startEpoch + 1n);
    const missed = await check(worker);
    expect(missed.proposed).to.deep.equal([Reason.Missed]);
    await expect(missed.tx).to.emit(worker, "CopyFailed").withArgs(0n, 0n, replacement.dealId, replacement.provider, Reason.Missed);
    expect(await countsOf(reputation, replacement.provider)).to.deep.include({ missed: 1n });
  });

  it("renews every copy in its renew window and hands over when the old deals end, over two lifetimes", async function () {
    const { worker, reputation } = await loadFixture(threeReplicas);
    const first = (await replicas(worker)).map((r) => r.current);
    const end = first[0].endEpoch;
    await mineTo(end - RENEW_WINDOW - 2n); // the check's block is one before the window
    expect((await check(worker)).proposed).to.deep.equal([]);
    expect((await check(worker)).proposed).to.deep.equal([Reason.Renewal, Reason.Renewal, Reason.Renewal]);
    const renewals = (await replicas(worker)).map((r) => r.renewal!);
    expect(renewals.map((r) => r.status)).to.deep.equal([Status.Published, Status.Published, Status.Published]);
    expect(new Set(renewals.map((r) => r.provider)).size).to.equal(3);
    for (const r of renewals) expect(r.startEpoch).to.be.lessThan(end); // no gap in coverage

    await mineTo(end);
    const { tx, proposed } = await check(worker);
    expect(proposed).to.deep.equal([]);
    await expect(tx).to.emit(worker, "CopyRenewed").withArgs(0n, 0n, renewals[0].requestId);
    expect((await replicas(worker)).map((r) => r.current)).to.deep.equal(renewals);
    for (const c of first) expect(await countsOf(reputation, c.provider)).to.deep.include({ completed: 1n });

    // The second lifetime renews again.
    await mineTo(renewals[0].endEpoch - RENEW_WINDOW);
    expect((await check(worker)).proposed).to.have.length(3);
  });

  it("keeps three distinct copies through 180 days of random faults, repairing as a keeper checks every 6 days", async function () {
    const { owner, miners } = await loadFixture(threeReplicas);
    const more = await fundedMiners(2);
    await fevm.storageProvider.start({ miners: [...miners, ...more].map((m) => m.id) });
    // Without a reputation contract: after months of faults every miner could fall below a
    // minimum score, and this test is about repairs.
    const worker = await ethers.deployContract("ReplicationWorker", [owner.address, ethers.ZeroAddress, 0n, START_DELAY, FAILURE_COOLDOWN]);
    await (await owner.sendTransaction({ to: await worker.getAddress(), value: ethers.parseEther("5") })).wait();
    await (await worker.addDataset(terms("kept through random faults"), 3, RENEW_WINDOW, FAULT_GRACE)).wait();
    // Each sector faults on a given day with probability 2%, and never recovers: the chain
    // terminates it 42 days later unless the worker replaces it first. Which sectors fault
    // depends on every deal the provider holds, so only what must hold is asserted.
    await fevm.storageProvider.setPolicy({ faultRate: 0.02, faultSeed: 7 });
    const reasons: bigint[] = [];
    for (let round = 0; round < 30; round++) {
      await fevm.mineEpochs(6n * 2_880n);
      reasons.push(...(await check(worker)).proposed);
    }
    expect(reasons).to.include(Reason.Faulty);
    // Calm again: the last faulty copies are replaced, providers barred for failing are let back
    // in, and every copy is sealed by a distinct provider.
    await fevm.storageProvider.setPolicy({ faultRate: 0 });
    await fevm.mineEpochs(FAULT_GRACE + 1n);
    await check(worker);
    await fevm.mineEpochs(FAILURE_COOLDOWN);
    await check(worker);
    await fevm.mineEpochs(START_DELAY + 1n);
    await check(worker);
    const copies = (await replicas(worker)).map((r) => r.current);
    expect(new Set(copies.map((c) => c.provider)).size).to.equal(3);
    for (const c of copies) expect((await fevm.market.getDeal(c.dealId)).state).to.not.equal(null); // sealed
  });

  it("refuses bad datasets and callers with named errors", async function () {
    const { worker } = await loadFixture(threeReplicas);
    const [, stranger] = await ethers.getSigners();
    const t = terms("refused");
    await expect(worker.connect(stranger).addDataset(t, 1, RENEW_WINDOW, 0n)).to.be.revertedWithCustomError(worker, "NotOwner").withArgs(stranger.address);
    await expect(worker.addDataset(t, 0, RENEW_WINDOW, 0n)).to.be.revertedWithCustomError(worker, "InvalidReplicaCount").withArgs(0n, 8n);
    await expect(worker.addDataset(t, 9, RENEW_WINDOW, 0n)).to.be.revertedWithCustomError(worker, "InvalidReplicaCount").withArgs(9n, 8n);
    await expect(worker.addDataset(t, 1, t.duration, 0n)).to.be.revertedWithCustomError(worker, "InvalidRenewWindow").withArgs(t.duration, t.duration);
    await expect(worker.addDataset(t, 1, START_DELAY, 0n)).to.be.revertedWithCustomError(worker, "InvalidRenewWindow").withArgs(START_DELAY, t.duration);
    await expect(worker.check(7n)).to.be.revertedWithCustomError(worker, "UnknownDataset").withArgs(7n);
    await expect(worker.slotsOf(7n)).to.be.revertedWithCustomError(worker, "UnknownDataset").withArgs(7n);
  });

  it("works without a reputation contract, and refuses a dataset its balance cannot pay for", async function () {
    const { owner, miners } = await loadFixture(threeReplicas);
    const plain = await ethers.deployContract("ReplicationWorker", [owner.address, ethers.ZeroAddress, 0n, START_DELAY, FAILURE_COOLDOWN]);
    const t = terms("paid for, then not");
    const cost = BigInt(t.storagePricePerEpoch) * BigInt(t.duration) + BigInt(t.clientCollateral);
    await expect(plain.addDataset(t, 2, RENEW_WINDOW, 0n)).to.be.revertedWithCustomError(plain, "InsufficientFunds").withArgs(cost, 0n);

    await (await owner.sendTransaction({ to: await plain.getAddress(), value: cost + cost / 2n })).wait(); // one and a half deals
    await expect(plain.addDataset(t, 2, RENEW_WINDOW, 0n)).to.be.revertedWithCustomError(plain, "InsufficientFunds").withArgs(cost, cost / 2n);
    await (await plain.addDataset(t, 1, RENEW_WINDOW, 0n)).wait();
    const [only] = await replicas(plain);
    expect(only.current.status).to.equal(Status.Published);
    expect(miners.map((m) => m.id)).to.include(only.current.provider);
  });
});

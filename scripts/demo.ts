// `npm run demo`: one story on the in-process Filecoin network. A data DAO votes to keep a dataset
// stored by three providers; the simulated storage provider serves the deals; one provider fails;
// the DAO's ReplicationWorker repairs the dataset; the providers' reputations show who failed.
// Contracts: contracts/examples/. Everything runs on chain time: months pass in seconds.
import hre, { ethers } from "hardhat";
import type { ReplicationWorker } from "../typechain-types";
import { epoch, fil, grouped, miner, phase, say, span, table } from "./demo/format";
import { dataDao, FAULT_GRACE, providers, RENEW_WINDOW, replication, SEALING_DELAY, termsFor, TERM } from "./demo/scene";

const { fevm } = hre;
const GOVERNOR_STATES = ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"];
const REASONS = ["—", "first copy", "no provider took it", "missed its start", "faulty", "terminated", "expired", "renewal"];
const DEAL_STATUS = ["—", "waiting for a provider", "published", "active", "ended"];

const votes = (wei: bigint) => `${grouped(wei / 10n ** 18n)} DATA`;
const mineTo = async (target: bigint) => fevm.mineEpochs(target > (await fevm.epoch()) ? target - (await fevm.epoch()) : 0n);

async function main(): Promise<void> {
  if (hre.network.name !== "filecoin") throw new Error("run the demo on the filecoin network: npm run demo");

  phase(1, "The cast", "four storage providers, a data DAO with a treasury, and the contracts it uses");
  const miners = await providers(4);
  const dao = await dataDao();
  const { reputation, worker } = await replication(await dao.timelock.getAddress());
  table("Storage providers (served by hre.fevm.storageProvider)", ["provider", "sealing delay", "market escrow"],
    await Promise.all(miners.map(async (id) => [miner(id), span(SEALING_DELAY), fil((await fevm.market.getBalance(id)).balance)])));
  table("DataDAO members (DATA votes)", ["member", "voting power"],
    await Promise.all(dao.members.map(async (m) => [m.name, votes(await dao.token.getVotes(m.signer.address))])));
  say(`treasury (DataDAOTimelock): ${fil(await ethers.provider.getBalance(await dao.timelock.getAddress()))}; ` +
    `ReplicationWorker and ProviderReputation deployed; the worker belongs to the treasury`);

  phase(2, "The DAO votes", "store the dataset with 3 replicas for 180 days, paid from the treasury");
  const terms = await termsFor("The DataDAO's first dataset: every paper its members voted to keep.");
  const budget = ethers.parseEther("1");
  const targets = [await worker.getAddress(), await worker.getAddress()];
  const values = [budget, 0n];
  const calldatas = ["0x", worker.interface.encodeFunctionData("addDataset", [terms, 3, RENEW_WINDOW, FAULT_GRACE])];
  const description = "Keep our first dataset stored by three providers";
  const [alice, bob, carol] = dao.members;
  const steps: string[][] = [];
  const step = async (what: string, id: bigint) => steps.push([epoch(await fevm.epoch()), what, GOVERNOR_STATES[Number(await dao.governor.state(id))]]);
  await (await dao.governor.connect(alice.signer).propose(targets, values, calldatas, description)).wait();
  const id = await dao.governor.hashProposal(targets, values, calldatas, ethers.id(description));
  await step(`alice proposes: send the worker ${fil(budget)}, addDataset(piece, 3 replicas)`, id);
  await mineTo((await dao.governor.proposalSnapshot(id)) + 1n);
  for (const [m, support] of [[alice, 1], [bob, 1], [carol, 0]] as const) await (await dao.governor.connect(m.signer).castVote(id, support)).wait();
  const { forVotes, againstVotes } = await dao.governor.proposalVotes(id);
  await step(`alice and bob vote for (${votes(forVotes)}), carol against (${votes(againstVotes)})`, id);
  await mineTo((await dao.governor.proposalDeadline(id)) + 1n);
  await step("the week of voting is over", id);
  await (await dao.governor.queue(targets, values, calldatas, ethers.id(description))).wait();
  await step("queued in the timelock (2 days = 5,760 epochs)", id);
  await mineTo((await fevm.epoch()) + 5_760n);
  await (await dao.governor.execute(targets, values, calldatas, ethers.id(description))).wait();
  await step("executed: the worker requests three deals", id);
  table("Proposal", ["when", "what", "state"], steps);

  phase(3, "Providers take the replicas", "each deal request is picked up, published with the worker as client, and sealed");
  await fevm.mineEpochs(SEALING_DELAY);
  await (await worker.check(0n)).wait(); // a keeper's routine call: nothing to repair yet
  await replicas(worker, "The dataset's copies");

  phase(4, "A provider fails", "one provider's sector goes faulty and stays so; the worker waits a day, then repairs");
  const [, second] = await worker.slotsOf(0n);
  const [, failingDeal, failing] = await worker.dealOf(second.current);
  await fevm.storageProvider.fault(failingDeal);
  say(`${epoch(await fevm.epoch())}: ${miner(failing)} declares the sector of deal ${failingDeal} faulty (DeclareFaults)`);
  await (await worker.check(0n)).wait();
  say(`${epoch(await fevm.epoch())}: the keeper's check sees it faulty (DealHealth: ValidateSectorStatus); the worker gives ${miner(failing)} a day to recover`);
  await fevm.mineEpochs(FAULT_GRACE);
  const repair = await (await worker.check(0n)).wait();
  for (const e of repair!.logs.map((l) => worker.interface.parseLog(l)).filter((e) => e !== null)) {
    if (e.name === "CopyFailed") say(`${epoch(await fevm.epoch())}: the next check finds deal ${e.args.dealId} still ${REASONS[Number(e.args.reason)]}`);
    if (e.name === "CopyProposed") say(`  → the worker requests a new copy for replica ${Number(e.args.slot) + 1} (${miner(failing)} is barred from it)`);
  }
  await fevm.mineEpochs(SEALING_DELAY);
  await (await worker.check(0n)).wait();
  await replicas(worker, "The dataset's copies after the repair");
  await fevm.mineEpochs(120_960n); // 42 days of faults: the chain terminates the sector
  await (await worker.check(0n)).wait();
  const terminated = (await fevm.storageProvider.history()).find((e) => e.kind === "terminated" && e.dealId === failingDeal);
  say(`${terminated ? epoch(terminated.epoch) : "later"}: after 42 days of faults the chain terminated the sector; the deal is slashed`);
  await (await reputation.record(failingDeal)).wait(); // anyone may record a deal's fate: here a watchdog
  say(`a watchdog calls reputation.record(${failingDeal}): the termination counts against ${miner(failing)}`);

  phase(5, "Half a year later", "in the copies' last week the worker requests renewals, which take over when they end");
  const end = BigInt((await worker.copies(second.current)).endEpoch);
  await mineTo(end - RENEW_WINDOW);
  await (await worker.check(0n)).wait();
  await fevm.mineEpochs(SEALING_DELAY);
  await replicas(worker, `The dataset's copies at ${epoch(await fevm.epoch())}`, true);
  await mineTo(end + 1n);
  await (await worker.check(0n)).wait();
  await (await worker.check(0n)).wait(); // the next routine check sees the renewals active
  await replicas(worker, `The dataset's copies at ${epoch(await fevm.epoch())}: the renewals took over`);

  phase(6, "Reputations", "ProviderReputation reads each deal's fate on chain (the worker records every deal it checks)");
  table(`Scores at ${epoch(await fevm.epoch())}, past the first copies' ${span(TERM)}`, ["provider", "activated", "faulted", "terminated", "completed", "score"],
    await Promise.all(miners.map(async (id) => {
      const c = await reputation.countsOf(id);
      return [miner(id), c.activated, c.faulted, c.terminated, c.completed, await reputation.scoreOf(id)];
    })));
  const spent = budget - (await ethers.provider.getBalance(await worker.getAddress()));
  say(`the worker has moved ${fil(spent)} into market escrow for these deals; ${fil(await ethers.provider.getBalance(await worker.getAddress()))} left`);
}

/** The worker's replicas: which provider holds each, and in which state. */
async function replicas(worker: ReplicationWorker, title: string, withRenewals = false): Promise<void> {
  const history = await fevm.storageProvider.history();
  const rows: string[][] = [];
  const row = async (replica: string, requestId: string) => {
    const [status, dealId, provider] = await worker.dealOf(requestId);
    const copy = await worker.copies(requestId);
    const sealed = status >= 2n && history.find((e) => e.kind === "activated" && e.dealId === dealId);
    rows.push([replica, miner(provider), status >= 2n ? `${dealId}` : "—", DEAL_STATUS[Number(status)], sealed ? epoch(sealed.epoch) : "—", `${epoch(BigInt(copy.startEpoch))} → ${epoch(BigInt(copy.endEpoch))}`]);
  };
  for (const [i, slot] of (await worker.slotsOf(0n)).entries()) {
    await row(`#${i + 1}`, slot.current);
    if (withRenewals && slot.renewal !== ethers.ZeroHash) await row(`#${i + 1} renewal`, slot.renewal);
  }
  table(title, ["replica", "provider", "deal", "request", "sealed", "term"], rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

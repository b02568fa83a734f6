// The scene of the replication examples: several miners served by the simulated storage
// provider, a ProviderReputation, and a funded ReplicationWorker the reputation counts.
// Named functions, so `loadFixture` snapshots each once per file.
import { ethers, fevm } from "hardhat";
import type { ProviderReputation, ReplicationWorker } from "../../../typechain-types";
import { dealRequest, MIN_DURATION } from "../../hardhat/market/support/fixtures";
import { serveWith } from "../../hardhat/sp/support/serve";

export const SEALING_DELAY = 20n;
/** Epochs between a worker's request and its deal's start. */
export const START_DELAY = 200n;
/** Renew a copy in its last week. */
export const RENEW_WINDOW = 20_160n;
/** A fault shorter than a day is tolerated. */
export const FAULT_GRACE = 2_880n;
/** A provider that failed a copy is refused for 30 days. */
export const FAILURE_COOLDOWN = 86_400n;
/** The worker's `Reason` enum. */
export const Reason = { None: 0n, Initial: 1n, Unclaimed: 2n, Missed: 3n, Faulty: 4n, Terminated: 5n, Expired: 6n, Renewal: 7n };
/** ContractDealClient's `Status` enum. */
export const Status = { None: 0n, Requested: 1n, Published: 2n };

/** `count` new miners with escrow for their provider collateral. */
export async function fundedMiners(count: number) {
  const [owner] = await ethers.getSigners();
  const miners = [];
  for (let i = 0; i < count; i++) {
    const miner = await fevm.miners.create({ owner: owner.address, sectorSize: 2048 });
    await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
    miners.push(miner);
  }
  return miners;
}

/**
 * `count` funded miners served by the simulated provider with its default policy (whatever
 * earlier suites left set) but for the sealing delay.
 */
export async function servedMiners(count: number) {
  const miners = await fundedMiners(count);
  await serveWith(miners.map((m) => m.id), SEALING_DELAY);
  return miners;
}

/** A worker (minimum score 0) that `reputation` counts, funded with 5 FIL. */
export async function countedWorker(reputation: ProviderReputation) {
  const [owner] = await ethers.getSigners();
  const worker = await ethers.deployContract("ReplicationWorker", [owner.address, await reputation.getAddress(), 0n, START_DELAY, FAILURE_COOLDOWN]);
  await (await reputation.registerClient(await worker.getAddress(), true)).wait();
  await (await owner.sendTransaction({ to: await worker.getAddress(), value: ethers.parseEther("5") })).wait();
  return worker;
}

/** A reputation contract and a worker it counts. */
export async function workerWithReputation() {
  const [owner] = await ethers.getSigners();
  const reputation = await ethers.deployContract("ProviderReputation");
  return { owner, reputation, worker: await countedWorker(reputation) };
}

/** The worker's terms for a piece of `text`: DealClient's request for it, without epochs. */
export function terms(text: string): ReplicationWorker.TermsStruct {
  const { startEpoch: _start, endEpoch: _end, ...rest } = dealRequest(text, 0n);
  return { ...rest, duration: MIN_DURATION };
}

export interface CopyView {
  requestId: string;
  status: bigint;
  dealId: bigint;
  provider: bigint;
  startEpoch: bigint;
  endEpoch: bigint;
}

/** Each slot's current copy (and renewal, if any) as the worker knows it. */
export async function replicas(worker: ReplicationWorker, datasetId = 0n): Promise<{ current: CopyView; renewal?: CopyView }[]> {
  const view = async (requestId: string): Promise<CopyView> => {
    const [status, dealId, provider] = await worker.dealOf(requestId);
    const copy = await worker.copies(requestId);
    return { requestId, status, dealId, provider, startEpoch: copy.startEpoch, endEpoch: copy.endEpoch };
  };
  return Promise.all(
    (await worker.slotsOf(datasetId)).map(async (slot) => ({
      current: await view(slot.current),
      renewal: slot.renewal === ethers.ZeroHash ? undefined : await view(slot.renewal),
    })),
  );
}

/** Sends `check(datasetId)`; returns the transaction (for events) and the reasons of the copies it proposed. */
export async function check(worker: ReplicationWorker, datasetId = 0n) {
  const tx = await worker.check(datasetId);
  const receipt = (await tx.wait())!;
  const proposed = receipt.logs
    .map((log) => worker.interface.parseLog(log))
    .filter((e) => e?.name === "CopyProposed")
    .map((e) => e!.args.reason as bigint);
  return { tx, proposed };
}

/** A provider's outcome counts at the reputation contract, as a plain object. */
export async function countsOf(reputation: ProviderReputation, provider: bigint) {
  const c = await reputation.countsOf(provider);
  return { activated: c.activated, faulted: c.faulted, terminated: c.terminated, missed: c.missed, completed: c.completed };
}

/** The simulated provider's failed attempts to publish `client`'s proposals (one per miner tried). */
export async function publishFailures(client: { getAddress(): Promise<string> }) {
  const address = (await client.getAddress()).toLowerCase();
  return (await fevm.storageProvider.history()).filter((e) => e.kind === "publishFailed" && e.contract === address);
}

// The demo's cast: four storage providers served by the simulated provider, a data DAO (token,
// Governor, Timelock treasury), a ProviderReputation and a ReplicationWorker the DAO owns.
import hre, { ethers } from "hardhat";
import { CID } from "multiformats/cid";
import type { ReplicationWorker } from "../../typechain-types";

export const SEALING_DELAY = 30n;
/** Epochs the worker gives a provider between its request and the deal's start. */
export const START_DELAY = 300n;
/** The shortest deal the market takes: 180 days. */
export const TERM = 518_400n;
/** 100 nanoFIL an epoch: 0.05184 FIL for a 180-day deal. */
export const PRICE_PER_EPOCH = 100_000_000_000n;
/** A copy faulty for a day is replaced. */
export const FAULT_GRACE = 2_880n;
/** Renew in a copy's last week. */
export const RENEW_WINDOW = 20_160n;
/** A provider that failed a copy gets no other for 30 days. */
export const FAILURE_COOLDOWN = 86_400n;

export async function providers(count: number) {
  const { fevm } = hre;
  const [owner] = await ethers.getSigners();
  const miners = [];
  for (let i = 0; i < count; i++) {
    const miner = await fevm.miners.create({ owner: owner.address, sectorSize: 2048 });
    await fevm.market.addBalance(miner.address, ethers.parseEther("1")); // provider collateral
    miners.push(miner.id);
  }
  await fevm.storageProvider.start({ miners });
  await fevm.storageProvider.setPolicy({ sealingDelay: SEALING_DELAY });
  return miners;
}

export async function dataDao() {
  const [deployer, alice, bob, carol] = await ethers.getSigners();
  const token = await ethers.deployContract("DataDAOToken", [ethers.parseEther("1000000")]);
  const timelock = await ethers.deployContract("DataDAOTimelock", [[ethers.ZeroAddress], deployer.address]);
  const governor = await ethers.deployContract("DataDAOGovernor", [await token.getAddress(), await timelock.getAddress()]);
  for (const role of [await timelock.PROPOSER_ROLE(), await timelock.CANCELLER_ROLE()]) await (await timelock.grantRole(role, await governor.getAddress())).wait();
  await (await timelock.renounceRole(await timelock.DEFAULT_ADMIN_ROLE(), deployer.address)).wait();
  const members = [
    { name: "alice", signer: alice, share: "400000" },
    { name: "bob", signer: bob, share: "350000" },
    { name: "carol", signer: carol, share: "250000" },
  ];
  for (const m of members) {
    await (await token.transfer(m.signer.address, ethers.parseEther(m.share))).wait();
    await (await token.connect(m.signer).delegate(m.signer.address)).wait();
  }
  await (await deployer.sendTransaction({ to: await timelock.getAddress(), value: ethers.parseEther("50") })).wait();
  return { token, timelock, governor, members };
}

/** A reputation that counts the worker's deals, and a worker owned by the DAO's timelock. */
export async function replication(timelock: string) {
  const reputation = await ethers.deployContract("ProviderReputation");
  const worker = await ethers.deployContract("ReplicationWorker", [timelock, await reputation.getAddress(), 0n, START_DELAY, FAILURE_COOLDOWN]);
  await (await reputation.registerClient(await worker.getAddress(), true)).wait();
  return { reputation, worker };
}

/** The worker's terms for `data`: its piece (CommP computed here) stored for one term. */
export async function termsFor(data: string): Promise<ReplicationWorker.TermsStruct> {
  const piece = await hre.fevm.piece.fromBytes(new TextEncoder().encode(data));
  return {
    pieceCid: ethers.hexlify(CID.parse(piece.pieceCid).bytes),
    pieceSize: piece.paddedSize!, // known for a payload
    verifiedDeal: false,
    label: piece.pieceCid,
    duration: TERM,
    storagePricePerEpoch: PRICE_PER_EPOCH,
    providerCollateral: 0n,
    clientCollateral: 0n,
  };
}

// Verified data through the simulated storage provider: a DDO allocation a client contract makes
// at f06 is imported (as with Boost's import-direct), sealed and claimed after the sealing delay;
// a verified deal an ordinary client offers has its allocation claimed when its sector is proven.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { decodeCbor } from "../../../src/fil";
import { MIN_DURATION, onlyOnFilecoin, piece } from "../market/support/fixtures";
import { serveWith } from "./support/serve";

const TEXT = "verified data ".repeat(10); // a 256-byte piece: the smallest verified allocation
const SEALING_DELAY = 20n;

/** A 2 KiB miner served by the provider, and a contract client with DataCap. */
async function verifiedScene() {
  const [owner, client] = await ethers.getSigners();
  const miner = await fevm.miners.create({ owner: owner.address, sectorSize: 2048 });
  const other = await fevm.miners.create({ owner: owner.address, sectorSize: 2048 });
  await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
  await serveWith([miner.id], SEALING_DELAY);
  const dataCapClient = await ethers.deployContract("DataCapClient"); // DataCapAPI.transfer to f06
  const p = piece(TEXT);
  await fevm.verifreg.addVerifiedClient(await dataCapClient.getAddress(), 2n * p.size);
  return { miner, other, client, dataCapClient, p };
}

/** The contract allocates the piece to `minerId`; returns the allocation id. */
async function allocate(scene: Awaited<ReturnType<typeof verifiedScene>>, minerId: bigint): Promise<bigint> {
  const { dataCapClient, p } = scene;
  const args = [minerId, p.bytes, p.size, MIN_DURATION, MIN_DURATION + 200_000n, (await fevm.epoch()) + 1000n] as const;
  const ret = (await dataCapClient.allocate.staticCall(...args))[1];
  const [, , [allocationId]] = decodeCbor(ethers.getBytes(ret.recipient_data)) as [unknown, unknown, bigint[]];
  await (await dataCapClient.allocate(...args)).wait();
  return allocationId;
}

describe("simulated storage provider with verified data", function () {
  onlyOnFilecoin();
  after(() => fevm.storageProvider.stop());

  it("imports a contract's DDO allocation, seals it and claims it after the sealing delay", async function () {
    const scene = await loadFixture(verifiedScene);
    const { miner, dataCapClient, p } = scene;
    const allocationId = await allocate(scene, miner.id);
    const client = await dataCapClient.getAddress();

    const sector = await fevm.storageProvider.importAllocation(client, allocationId);
    expect((await fevm.storageProvider.history()).at(-1)).to.deep.include({ kind: "imported", allocationId, miner: miner.id, sector });
    await fevm.mineEpochs(SEALING_DELAY - 1n);
    expect(await fevm.verifreg.getClaim(miner.address, allocationId)).to.equal(null);
    await fevm.mineEpochs(1n);

    expect((await fevm.storageProvider.history()).at(-1)).to.deep.include({ kind: "claimed", allocationId, sector });
    expect(await fevm.verifreg.getAllocation(client, allocationId)).to.equal(null);
    expect(await fevm.verifreg.getClaim(miner.address, allocationId)).to.include({ data: p.cid, size: p.size, sector });
    const [proven] = await fevm.miners.sectors(miner.address);
    expect([proven.sectorNumber, proven.qaPower]).to.deep.equal([sector, 4352n]); // 256 verified bytes count ten times
  });

  it("names the allocations it cannot take: unknown, for another miner, already imported, or while stopped", async function () {
    const scene = await loadFixture(verifiedScene);
    const client = await scene.dataCapClient.getAddress();
    await expect(fevm.storageProvider.importAllocation(client, 999)).to.be.rejectedWith(/has no pending allocation 999 at f06/);
    const elsewhere = await allocate(scene, scene.other.id);
    await expect(fevm.storageProvider.importAllocation(client, elsewhere)).to.be.rejectedWith(`allocation ${elsewhere} names provider t0${scene.other.id}, which is not one of this provider's miners`);
    const mine = await allocate(scene, scene.miner.id);
    await fevm.storageProvider.importAllocation(client, mine);
    await expect(fevm.storageProvider.importAllocation(client, mine)).to.be.rejectedWith(`allocation ${mine} is already being sealed`);
    await fevm.storageProvider.stop();
    await expect(fevm.storageProvider.importAllocation(client, mine)).to.be.rejectedWith("the storage provider is stopped");
  });

  it("seals a verified deal an ordinary client offers, claiming the deal's allocation", async function () {
    const { miner, client, p } = await loadFixture(verifiedScene);
    await fevm.verifreg.addVerifiedClient(client.address, p.size);
    await fevm.market.addBalance(client.address, ethers.parseEther("1"));
    const startEpoch = (await fevm.epoch()) + 100n;
    const dealId = await fevm.storageProvider.offerDeal({ client: client.address, provider: "t00", pieceCid: p.cid, pieceSize: p.size, verifiedDeal: true, startEpoch, endEpoch: startEpoch + MIN_DURATION });
    const [allocation] = await fevm.verifreg.listAllocations(client.address);
    await fevm.mineEpochs(SEALING_DELAY);
    const activated = (await fevm.storageProvider.history()).at(-1)!;
    expect(activated).to.deep.include({ kind: "activated", dealId, miner: miner.id });
    expect(await fevm.verifreg.getClaim(miner.address, allocation.id)).to.include({ data: p.cid, sector: activated.sector });
  });
});

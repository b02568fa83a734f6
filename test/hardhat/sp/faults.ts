// Faults of the simulated storage provider as a contract sees them on chain: the unchanged
// DealClient asks the market where its deal is (GetDealSector) and the miner what state that
// sector is in (GenerateSectorLocation, ValidateSectorStatus — FIP-0112), with no oracle. A
// sector faulty for FAULT_MAX_AGE is terminated as the chain's cron does, and the deal ends.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { BURNT_FUNDS, dealRequest, marketFixture, onlyOnFilecoin, PROVIDER_COLLATERAL } from "../market/support/fixtures";

const Status = { Active: 3n, Ended: 4n };
const Sector = { Dead: 0, Active: 1, Faulty: 2 };
const SEALING_DELAY = 20n;
/** builtin-actors FAULT_MAX_AGE: 42 proving periods of 2880 epochs. */
const FAULT_MAX_AGE = 120_960n;

/** A DealClient whose deal the simulated provider has sealed. */
async function sealedDeal() {
  const scene = await marketFixture();
  const { dealClient } = scene;
  await (await dealClient.addBalance({ value: ethers.parseEther("0.5") })).wait();
  await fevm.storageProvider.start({ miners: [scene.provider.id] });
  await fevm.storageProvider.setPolicy({ sealingDelay: SEALING_DELAY });
  const request = dealRequest("a piece that will fault", (await fevm.epoch()) + 100n);
  await (await dealClient.makeDealProposal(request)).wait();
  const requestId = ethers.keccak256(request.pieceCid);
  await fevm.mineEpochs(SEALING_DELAY);
  const [, dealId] = await dealClient.deals(requestId);
  return { ...scene, requestId, dealId };
}

describe("simulated storage provider faults, seen by a contract", function () {
  onlyOnFilecoin();
  after(() => fevm.storageProvider.stop());

  it("a faulty sector reads Faulty through ValidateSectorStatus, and Active again once recovered", async function () {
    const { dealClient, dealId } = await loadFixture(sealedDeal);
    expect(await dealClient.dealSectorIs(dealId, Sector.Active)).to.deep.equal([0n, true]);

    await fevm.storageProvider.fault(dealId, { epochs: 2880 });
    expect(await dealClient.dealSectorIs(dealId, Sector.Faulty)).to.deep.equal([0n, true]);
    expect(await dealClient.dealSectorIs(dealId, Sector.Active)).to.deep.equal([0n, false]);

    await fevm.mineEpochs(2880n);
    expect(await dealClient.dealSectorIs(dealId, Sector.Active)).to.deep.equal([0n, true]);
    const kinds = (await fevm.storageProvider.history()).filter((e) => e.dealId === dealId).map((e) => e.kind);
    expect(kinds).to.deep.equal(["published", "activated", "faulted", "recovered"]);
  });

  it("a sector left faulty for FAULT_MAX_AGE is terminated: the deal is slashed and the contract sees it ended", async function () {
    const { dealClient, dealId, requestId, provider } = await loadFixture(sealedDeal);
    await fevm.storageProvider.fault(dealId);
    const since = await fevm.epoch();
    const { sectorNumber } = (await fevm.miners.sectors(provider.address)).at(-1)!;

    await fevm.mineEpochs(FAULT_MAX_AGE - 1n);
    expect(await dealClient.dealSectorIs(dealId, Sector.Faulty)).to.deep.equal([0n, true]);
    const burnt = await ethers.provider.getBalance(BURNT_FUNDS);
    await fevm.mineEpochs(1n);

    const terminated = (await fevm.storageProvider.history()).at(-1)!;
    expect(terminated).to.deep.include({ kind: "terminated", dealId, epoch: since + FAULT_MAX_AGE, sector: sectorNumber });
    expect((await fevm.miners.sectors(provider.address)).find((s) => s.sectorNumber === sectorNumber)!.status).to.equal("dead");
    expect(await ethers.provider.getBalance(BURNT_FUNDS)).to.equal(burnt + PROVIDER_COLLATERAL); // slashed
    expect(await dealClient.dealSectorIs(dealId, Sector.Dead)).to.deep.equal([32n, false]); // the market no longer has the deal
    expect((await dealClient.getDealActivation(dealId))[0]).to.equal(32n); // EX_DEAL_EXPIRED
    await (await dealClient.updateStatus(requestId)).wait();
    expect((await dealClient.deals(requestId))[0]).to.equal(Status.Ended);
  });
});

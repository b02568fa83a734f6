// The shared pieces of the example contracts: ContractDealClient (the Boost contract-deal flow,
// contracts/examples/lib/ContractDealClient.sol) and DealHealth (a deal's health from the market's
// and the miner's state), driven through a thin test harness.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { serveWith } from "../hardhat/sp/support/serve";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import type { ContractDealClient, ContractDealClientHarness } from "../../typechain-types";
import { decodeCbor, formatAddress } from "../../src/fil";
import { readDealProposal } from "../../src/actors/market/types";
import { MIN_DURATION, onlyOnFilecoin, piece, PRICE_PER_EPOCH, refusal } from "../hardhat/market/support/fixtures";

const Status = { None: 0n, Requested: 1n, Published: 2n };
const Health = { Pending: 0n, Active: 1n, Faulty: 2n, Terminated: 3n, Ended: 4n };
const SectorStatus = { Dead: 0n, Active: 1n, Faulty: 2n };
const TEXT = "a piece the contract wants stored twice";

/** Two miners with 2 KiB sectors and escrow, and the harness with escrow of its own. */
async function twoProviders() {
  const [owner] = await ethers.getSigners();
  const client = await ethers.deployContract("ContractDealClientHarness");
  await (await client.fundEscrow({ value: ethers.parseEther("1") })).wait();
  const miners = [await fevm.miners.create({ owner: owner.address, sectorSize: 2048 }), await fevm.miners.create({ owner: owner.address, sectorSize: 2048 })];
  for (const m of miners) await fevm.market.addBalance(m.address, ethers.parseEther("1"));
  return { client, miners };
}

/** A located sector as a plain object (ethers cannot send back the frozen Result it returned). */
const sectorOf = (s: Awaited<ReturnType<ContractDealClientHarness["locate"]>>) => ({ provider: s.provider, number: s.number, status: s.status, location: s.location });

/** A request for the shortest deal on the piece of TEXT, starting `lead` epochs from now. */
async function request(lead = 200n, label = TEXT): Promise<ContractDealClient.DealRequestStruct> {
  const p = piece(TEXT);
  const startEpoch = (await fevm.epoch()) + lead;
  return { pieceCid: p.bytes, pieceSize: p.size, verifiedDeal: false, label, startEpoch, endEpoch: startEpoch + MIN_DURATION,
    storagePricePerEpoch: PRICE_PER_EPOCH, providerCollateral: 0n, clientCollateral: 0n };
}

/** The request's id, from its DealProposalCreate. */
async function requestDeal(client: ContractDealClientHarness, r: ContractDealClient.DealRequestStruct): Promise<string> {
  const receipt = await (await client.requestDeal(r)).wait();
  return client.interface.parseLog(receipt!.logs[0])!.args.id;
}

/** What a provider does with a request: publish the contract's proposal with itself as provider. */
async function publish(client: ContractDealClientHarness, r: ContractDealClient.DealRequestStruct, provider: string): Promise<bigint> {
  return fevm.market.publishDeal({ client: await client.getAddress(), provider, pieceCid: piece(TEXT).cid, pieceSize: BigInt(r.pieceSize),
    label: String(r.label), startEpoch: BigInt(r.startEpoch), endEpoch: BigInt(r.endEpoch), storagePricePerEpoch: PRICE_PER_EPOCH });
}

describe("ContractDealClient: the Boost contract-deal flow shared by the examples", function () {
  onlyOnFilecoin();
  after(() => fevm.storageProvider.stop());

  it("keeps two requests for the same piece apart: each provider's deal lands on its own request", async function () {
    const { client, miners } = await loadFixture(twoProviders);
    const r = await request();
    const first = await requestDeal(client, r);
    const second = await requestDeal(client, r);
    expect(first).to.not.equal(second);
    const firstDeal = await publish(client, r, miners[0].address);
    const secondDeal = await publish(client, r, miners[1].address);
    expect(await client.dealOf(first)).to.deep.equal([Status.Published, firstDeal, miners[0].id]);
    expect(await client.dealOf(second)).to.deep.equal([Status.Published, secondDeal, miners[1].id]);
    expect([await client.published(0), await client.published(1)]).to.deep.equal([first, second]);
    // Both requests are taken: a third provider's copy of the same terms is not authenticated.
    const third = await fevm.miners.create({ owner: (await ethers.getSigners())[0].address });
    expect((await refusal(publish(client, r, third.address))).exitCode).to.equal(16);
  });

  it("is served by the simulated provider: the proposal with provider f00 is picked up from DealProposalCreate", async function () {
    const { client, miners } = await loadFixture(twoProviders);
    await serveWith([miners[0].id], 20n); // whatever policy other suites in the run left
    await fevm.storageProvider.setPolicy({ maxPricePerEpoch: PRICE_PER_EPOCH });
    const id = await requestDeal(client, await request());
    const [status, dealId, provider] = await client.dealOf(id);
    expect([status, provider]).to.deep.equal([Status.Published, miners[0].id]);
    expect((await fevm.market.getDeal(dealId)).proposal.client).to.equal(`t0${await fevm.address.actorId(await client.getAddress())}`);
    await fevm.storageProvider.stop();
  });

  it("refuses providers the contract rules out, other terms, and cancelled requests", async function () {
    const { client, miners } = await loadFixture(twoProviders);
    const r = await request();
    const id = await requestDeal(client, r);
    await (await client.refuseProvider(miners[0].id)).wait();
    const refused = await refusal(publish(client, r, miners[0].address));
    expect(refused.exitCode).to.equal(16);
    expect(refused.message).to.contain("answered false to AuthenticateMessage");
    expect((await refusal(publish(client, { ...r, label: "another label" }, miners[1].address))).exitCode).to.equal(16);
    expect(await client.dealOf(id)).to.deep.equal([Status.Requested, 0n, 0n]);

    await (await client.cancelRequest(id)).wait();
    expect(await client.dealOf(id)).to.deep.equal([Status.None, 0n, 0n]);
    expect((await refusal(publish(client, r, miners[1].address))).exitCode).to.equal(16);
    await expect(client.getDealProposal(id)).to.be.revertedWithCustomError(client, "NoSuchRequest").withArgs(id);
    await expect(client.cancelRequest(id)).to.be.revertedWithCustomError(client, "RequestNotOpen").withArgs(id);
    // An id scheme that hands out an id in use is refused rather than overwriting the request.
    const open = await requestDeal(client, r);
    await (await client.forceId(open)).wait();
    await expect(client.requestDeal(r)).to.be.revertedWithCustomError(client, "DuplicateRequest").withArgs(open);
    const [owner] = await ethers.getSigners();
    await expect(client.handle_filecoin_method(2643134072n, 0x51n, "0x")).to.be.revertedWithCustomError(client, "NotFromMarket").withArgs(owner.address);
  });

  it("answers the engine's reads: the proposal CBOR with client = the contract and provider f00, no extra params", async function () {
    const { client } = await loadFixture(twoProviders);
    const r = await request();
    const id = await requestDeal(client, r);
    expect(await client.getDealRequest(id)).to.deep.equal(Object.values(r));
    expect(await client.getExtraParams(id)).to.equal("0x");
    const proposal = readDealProposal(decodeCbor(ethers.getBytes(await client.getDealProposal(id))));
    expect(formatAddress(proposal.provider, "t")).to.equal("t00");
    expect(formatAddress(proposal.client, "t")).to.equal(await fevm.address.toFilecoin(await client.getAddress()));
    expect([proposal.pieceCid.toString(), proposal.startEpoch]).to.deep.equal([piece(TEXT).cid, r.startEpoch]);
  });
});

describe("DealHealth: a deal's health from on-chain reads only", function () {
  onlyOnFilecoin();

  /** A published deal of the harness with the first miner, not yet in a sector. */
  async function publishedDeal() {
    const scene = await twoProviders();
    const r = await request();
    await requestDeal(scene.client, r);
    const dealId = await publish(scene.client, r, scene.miners[0].address);
    return { ...scene, dealId, miner: scene.miners[0] };
  }

  it("follows a deal from published through sealed, faulty, recovered and terminated", async function () {
    const { client, dealId, miner } = await loadFixture(publishedDeal);
    expect(await client.health(dealId)).to.equal(Health.Pending);
    await expect(client.locate(dealId)).to.be.revertedWithCustomError(client, "DealUnreadable").withArgs(dealId, 33n);

    const sector = await fevm.miners.commitSectors(miner.address, { pieces: [{ dealId }] });
    expect(await client.health(dealId)).to.equal(Health.Active);
    const located = sectorOf(await client.locate(dealId));
    expect([located.provider, located.number, located.status]).to.deep.equal([miner.id, sector.sectorNumber, SectorStatus.Active]);
    // The location is the miner's CBOR [deadline, partition].
    expect(located.location).to.equal(ethers.hexlify(new Uint8Array([0x82, Number(sector.deadline), Number(sector.partition)])));

    await fevm.miners.declareFaults(miner.address, [sector.sectorNumber]);
    expect(await client.health(dealId)).to.equal(Health.Faulty);
    // The cheap re-check at the remembered location (ValidateSectorStatus).
    expect(await client.hasStatus(located, SectorStatus.Faulty)).to.equal(true);
    expect(await client.hasStatus(located, SectorStatus.Active)).to.equal(false);

    await fevm.miners.recoverFaults(miner.address, [sector.sectorNumber]);
    expect(await client.health(dealId)).to.equal(Health.Active);

    await fevm.miners.terminateSectors(miner.address, [sector.sectorNumber]);
    // The market removed the deal at once: exit 32, the deal is over.
    expect(await client.health(dealId)).to.equal(Health.Ended);
  });

  it("sees Ended once the deal completed and the market removed it", async function () {
    const { client, dealId, miner } = await loadFixture(publishedDeal);
    await fevm.miners.commitSectors(miner.address, { pieces: [{ dealId }] });
    const { proposal } = await fevm.market.getDeal(dealId);
    await fevm.mineEpochs(proposal.endEpoch - (await fevm.epoch()) + 1n);
    await fevm.market.settle([dealId]);
    expect(await client.health(dealId)).to.equal(Health.Ended);
  });

  it("calls a deal Terminated when the market holds it activated but the miner has no live sector for it", async function () {
    const { client, dealId } = await loadFixture(publishedDeal);
    // SectorContentChanged alone: the market records sector 4242, which the miner never proved.
    await fevm.market.activateDeal(dealId, { sectorNumber: 4242 });
    expect(await client.health(dealId)).to.equal(Health.Terminated);
    expect((await client.locate(dealId)).status).to.equal(SectorStatus.Dead);
  });

  it("names what it cannot read: an unknown deal id, a sector no longer at the remembered location", async function () {
    const { client, dealId, miner } = await loadFixture(publishedDeal);
    await expect(client.health(424242n)).to.be.revertedWithCustomError(client, "DealUnreadable").withArgs(424242n, 17n);
    const sector = await fevm.miners.commitSectors(miner.address, { pieces: [{ dealId }] });
    const located = sectorOf(await client.locate(dealId));
    const elsewhere = { ...located, location: ethers.hexlify(new Uint8Array([0x82, (Number(sector.deadline) + 1) % 48, 0])) };
    await expect(client.hasStatus(elsewhere, SectorStatus.Active))
      .to.be.revertedWithCustomError(client, "SectorUnreadable")
      .withArgs(miner.id, sector.sectorNumber, 17n);
  });
});

// Verified (FIL+) data from contracts: a deal client contract that holds DataCap makes a
// verified deal (its DataCap becomes an allocation, claimed when the deal is activated), and a
// DataCap client contract allocates directly to a provider (the first step of direct data
// onboarding), both through filecoin-solidity's DataCapAPI and VerifRegAPI.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import type { ContractDealClient } from "../../../typechain-types";
import { decodeCbor } from "../../../src/fil";
import { CLIENT_COLLATERAL, marketFixture, MIN_DURATION, onlyOnFilecoin, piece, PRICE_PER_EPOCH, PROVIDER_COLLATERAL } from "../market/support/fixtures";

const UNIT = 10n ** 18n;
/** Longer than 127 bytes, so the piece is 256 bytes padded: the smallest verified allocation. */
const TEXT = "verified data ".repeat(10);
const INFINITE_ALLOWANCE = 10n ** 39n;

async function dataCapScene() {
  const [owner] = await ethers.getSigners();
  const client = await ethers.deployContract("DataCapClient");
  const zondax = await ethers.deployContract("ZondaxDataCapClient");
  await Promise.all([client.waitForDeployment(), zondax.waitForDeployment()]);
  const provider = await fevm.miners.create({ owner: owner.address });
  const self = await fevm.address.toBytes(await client.getAddress());
  return { client, zondax, provider, self };
}

describe("DataCap and the verified registry from contracts", function () {
  onlyOnFilecoin();

  it("a deal client contract makes a verified deal with its DataCap (receiver hook included)", async function () {
    const { dealClient, provider } = await loadFixture(marketFixture);
    const address = await dealClient.getAddress();
    const p = piece(TEXT);
    // AddVerifiedClient mints DataCap to the contract, whose handle_filecoin_method accepts the hook.
    await fevm.verifreg.addVerifiedClient(address, p.size);
    expect(await fevm.datacap.balanceOf(address)).to.equal(p.size * UNIT);
    const startEpoch = (await fevm.epoch()) + 100n;
    const request: ContractDealClient.DealRequestStruct = {
      pieceCid: p.bytes,
      pieceSize: p.size,
      verifiedDeal: true,
      label: TEXT,
      startEpoch,
      endEpoch: startEpoch + MIN_DURATION,
      storagePricePerEpoch: PRICE_PER_EPOCH,
      providerCollateral: PROVIDER_COLLATERAL,
      clientCollateral: CLIENT_COLLATERAL,
    };
    const id = ethers.keccak256(p.bytes);
    await (await dealClient.makeDealProposal(request)).wait();
    await (await dealClient.addBalance({ value: ethers.parseEther("0.5") })).wait();
    const dealId = await dealClient.publishDeal.staticCall(id, provider.id);
    await (await dealClient.publishDeal(id, provider.id)).wait();
    // The market moved the contract's DataCap to f06 (TransferFrom, as the client's operator): allocation 1.
    expect(await fevm.datacap.balanceOf(address)).to.equal(0n);
    expect(await dealClient.getDealVerified(dealId)).to.deep.equal([0n, true]);
    const [allocation] = await fevm.verifreg.listAllocations(address);
    expect(allocation).to.include({ provider: provider.address, data: p.cid, size: p.size, termMin: MIN_DURATION, expiration: startEpoch });
    // Activation claims it for the provider and burns the DataCap.
    await fevm.market.activateDeal(dealId, { sectorNumber: 7 });
    expect(await fevm.verifreg.getAllocation(address, allocation.id)).to.equal(null);
    expect(await fevm.verifreg.getClaim(provider.id, allocation.id)).to.include({ client: `t0${await fevm.address.actorId(address)}`, sector: 7n, size: p.size });
    expect(await fevm.datacap.balanceOf("t06")).to.equal(0n);
  });

  it("a contract allocates DataCap to a provider through DataCapAPI.transfer to f06", async function () {
    const { client, provider } = await loadFixture(dataCapScene);
    const address = await client.getAddress();
    const p = piece(TEXT);
    await fevm.datacap.mint(address, 1024n * UNIT);
    const expiration = (await fevm.epoch()) + 1000n;
    const [exit, ret] = await client.allocate.staticCall(provider.id, p.bytes, p.size, MIN_DURATION, MIN_DURATION + 1000n, expiration);
    expect(exit).to.equal(0n);
    // The recipient data is the registry's AllocationsResponse: one allocation, no extension, its id.
    const [allocated, extended, [allocationId]] = decodeCbor(ethers.getBytes(ret.recipient_data)) as [unknown, unknown, bigint[]];
    expect([allocated, extended]).to.deep.equal([[1n, []], [0n, []]]);
    await (await client.allocate(provider.id, p.bytes, p.size, MIN_DURATION, MIN_DURATION + 1000n, expiration)).wait();
    expect(await fevm.verifreg.getAllocation(address, allocationId)).to.deep.equal({
      client: `t0${await fevm.address.actorId(address)}`,
      provider: provider.address,
      data: p.cid,
      size: p.size,
      termMin: MIN_DURATION,
      termMax: MIN_DURATION + 1000n,
      expiration,
    });
    expect(await fevm.datacap.balanceOf(address)).to.equal((1024n - p.size) * UNIT);
    // Once expired, anyone may remove it; the DataCap goes back to the contract (its hook runs).
    await fevm.mineEpochs(1000);
    const removal = await client.removeExpiredAllocations.staticCall({ client: await fevm.address.actorId(address), allocation_ids: [] });
    expect(removal[0]).to.equal(0n);
    expect(removal[1].considered).to.deep.equal([allocationId]);
    await expect(client.removeExpiredAllocations({ client: await fevm.address.actorId(address), allocation_ids: [] })).to.emit(client, "ReceivedDataCap");
    expect(await fevm.datacap.balanceOf(address)).to.equal(1024n * UNIT);
  });

  it("answers every DataCapAPI call of filecoin-solidity-api with the actor's values and exit codes", async function () {
    const { client, self } = await loadFixture(dataCapScene);
    // A zero bigint reads as 0x (no bytes) through the library.
    const tokens = (val: string) => (val === "0x" ? 0n : BigInt(val));
    const supply = tokens((await client.totalSupply())[1].val);
    await fevm.datacap.mint(await client.getAddress(), 512n * UNIT);
    const market = { data: "0x0005" };
    const amount = (n: bigint) => ({ val: ethers.toBeHex(n), neg: false });
    expect(await client.name()).to.deep.equal([0n, "DataCap"]);
    expect(await client.symbol()).to.deep.equal([0n, "DCAP"]);
    expect(tokens((await client.totalSupply())[1].val)).to.equal(supply + 512n * UNIT);
    expect((await client.balance({ data: self }))[1].val).to.equal(ethers.toBeHex(512n * UNIT));
    expect((await client.allowance({ owner: { data: self }, operator: market }))[1].val).to.equal(ethers.toBeHex(INFINITE_ALLOWANCE));
    // DataCap moves only to the registry: 18 for anyone else.
    expect((await client.transfer.staticCall({ to: market, amount: amount(UNIT), operator_data: "0x" }))[0]).to.equal(18n);
    expect((await client.increaseAllowance.staticCall({ operator: market, increase: amount(UNIT) }))[0]).to.equal(0n);
    expect((await client.decreaseAllowance.staticCall({ operator: market, decrease: amount(UNIT) }))[1].val).to.equal(ethers.toBeHex(INFINITE_ALLOWANCE - UNIT));
    expect((await client.revokeAllowance.staticCall(market))[1].val).to.equal(ethers.toBeHex(INFINITE_ALLOWANCE));
    expect((await client.burn.staticCall(amount(2n * UNIT)))[1].val).to.equal(ethers.toBeHex(510n * UNIT));
    expect((await client.burn.staticCall(amount(UNIT + 1n)))[0], "not a whole unit").to.equal(16n);
    expect((await client.burnFrom.staticCall({ owner: market, amount: amount(UNIT) }))[0], "no allowance").to.equal(19n);
    expect((await client.transferFrom.staticCall({ from: market, to: { data: "0x0006" }, amount: amount(UNIT), operator_data: "0x" }))[0]).to.equal(19n);
  });

  it("answers VerifRegAPI: GetClaims of unknown claims, a contract that is not a verifier (17), claim term changes in batches", async function () {
    const { client, provider, self } = await loadFixture(dataCapScene);
    const claims = await client.getClaims({ provider: provider.id, claim_ids: [5] });
    expect(claims[0]).to.equal(0n);
    expect(claims[1].batch_info.success_count).to.equal(0n);
    expect(claims[1].batch_info.fail_codes.map((f) => [f.idx, f.code])).to.deep.equal([[0n, 17n]]);
    expect(await client.addVerifiedClient.staticCall({ addr: { data: self }, allowance: { val: "0x0400", neg: false } })).to.equal(17n);
    await fevm.verifreg.addVerifier(await client.getAddress(), 4096);
    const [stranger] = await ethers.getSigners();
    const strangerBytes = await fevm.address.toBytes(stranger.address);
    await (await client.addVerifiedClient({ addr: { data: strangerBytes }, allowance: { val: "0x0400", neg: false } })).wait();
    expect(await fevm.datacap.balanceOf(stranger.address)).to.equal(1024n * UNIT);
    const extended = await client.extendClaimTerms.staticCall([{ provider: provider.id, claim_id: 5, term_max: MIN_DURATION }]);
    expect(extended[1].fail_codes.map((f) => [f.idx, f.code])).to.deep.equal([[0n, 17n]]);
    const removed = await client.removeExpiredClaims.staticCall({ provider: provider.id, claim_ids: [] });
    expect(removed[1].considered).to.deep.equal([]);
  });

  it("answers the Zondax line (4.0.3): values, and ActorError(exit code) on failure", async function () {
    const { zondax, provider } = await loadFixture(dataCapScene);
    const self = await fevm.address.toBytes(await zondax.getAddress());
    await fevm.datacap.mint(await zondax.getAddress(), 256n * UNIT);
    expect(await zondax.name.staticCall()).to.equal("DataCap");
    expect(await zondax.symbol.staticCall()).to.equal("DCAP");
    expect((await zondax.balance.staticCall({ data: self })).val).to.equal(ethers.toBeHex(256n * UNIT));
    await expect(zondax.transfer.staticCall({ to: { data: "0x0005" }, amount: { val: ethers.toBeHex(UNIT), neg: false }, operator_data: "0x" }))
      .to.be.revertedWithCustomError(zondax, "ActorError")
      .withArgs(18n);
    // Zondax's GetClaims decoder reuses its loop bound for the inner array length, so any failure
    // code (here 17, no such claim) trips its assert: Panic 0x01, exactly as on chain.
    await expect(zondax.getClaims.staticCall({ provider: provider.id, claim_ids: [1] })).to.be.revertedWithPanic(1);
    expect((await zondax.getClaims.staticCall({ provider: provider.id, claim_ids: [] })).batch_info.success_count).to.equal(0n);
  });
});

// Every MarketAPI getter of both filecoin-solidity lines against deals set up with hre.fevm.market,
// in every phase: what a contract reads is what the library makes of the real actor's answer,
// quirks included (negative epochs read as 0, the CID keeps its 0x00 prefix, Zondax's `end` is
// the duration), and errors surface the library's way: filecoin-solidity-api returns the exit
// code, @zondax/filecoin-solidity 4.0.3 reverts ActorError(exitCode).
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import {
  CLIENT_COLLATERAL,
  dealProposal,
  ESCROW,
  marketFixture,
  MIN_DURATION,
  onlyOnFilecoin,
  piece,
  PROVIDER_COLLATERAL,
  storageFee,
} from "./support/fixtures";

const DEAL_GETTERS = [
  "getDealDataCommitment",
  "getDealClient",
  "getDealProvider",
  "getDealLabel",
  "getDealTerm",
  "getDealTotalPrice",
  "getDealClientCollateral",
  "getDealProviderCollateral",
  "getDealVerified",
  "getDealActivation",
] as const;

/** What filecoin-solidity-api returns next to a non-zero exit code: the type's zero value. */
const EMPTY: Record<(typeof DEAL_GETTERS)[number] | "getDealSector", unknown> = {
  getDealDataCommitment: ["0x", 0n],
  getDealClient: 0n,
  getDealProvider: 0n,
  getDealLabel: ["0x", false],
  getDealTerm: [0n, 0n],
  getDealTotalPrice: ["0x", false],
  getDealClientCollateral: ["0x", false],
  getDealProviderCollateral: ["0x", false],
  getDealVerified: false,
  getDealActivation: [0n, 0n],
  getDealSector: 0n,
};

const LABEL = "a deal in every phase";

/** One deal per phase: published only, active in sector 7, and terminated (removed). */
async function dealsInEveryPhase() {
  const scene = await marketFixture();
  const published = await fevm.market.publishDeal(await dealProposal(scene.client.address, scene.provider.address, LABEL));
  const active = await fevm.market.publishDeal(await dealProposal(scene.client.address, scene.provider.address, "active"));
  const activatedAt = (await fevm.market.activateDeal(active, { sectorNumber: 7n })).sectorStartEpoch;
  const removed = await fevm.market.publishDeal(await dealProposal(scene.client.address, scene.provider.address, "removed"));
  await fevm.market.activateDeal(removed, { sectorNumber: 8n });
  await fevm.market.terminateDeal(removed);
  const proposal = (await fevm.market.getDeal(published)).proposal;
  return { ...scene, published, active, activatedAt, removed, unknown: removed + 1n, proposal };
}

describe("MarketAPI getters of both filecoin-solidity lines against the emulated market", function () {
  onlyOnFilecoin();

  it("filecoin-solidity-api returns (0, value) for every field of a published deal", async function () {
    const { dealClient, client, provider, published, proposal } = await loadFixture(dealsInEveryPhase);
    const clientId = await fevm.address.actorId(client.address);
    // readBytes keeps the 0x00 multibase prefix of the piece CID.
    expect(await dealClient.getDealDataCommitment(published)).to.deep.equal([0n, [ethers.concat(["0x00", piece(LABEL).bytes]), proposal.pieceSize]]);
    expect(await dealClient.getDealClient(published)).to.deep.equal([0n, clientId]);
    expect(await dealClient.getDealProvider(published)).to.deep.equal([0n, provider.id]);
    expect(await dealClient.getDealLabel(published)).to.deep.equal([0n, [ethers.hexlify(ethers.toUtf8Bytes(LABEL)), true]]);
    expect(await dealClient.getDealTerm(published)).to.deep.equal([0n, [proposal.startEpoch, MIN_DURATION]]);
    expect(await dealClient.getDealTotalPrice(published)).to.deep.equal([0n, [ethers.toBeHex(storageFee(proposal)), false]]);
    expect(await dealClient.getDealClientCollateral(published)).to.deep.equal([0n, [ethers.toBeHex(CLIENT_COLLATERAL), false]]);
    expect(await dealClient.getDealProviderCollateral(published)).to.deep.equal([0n, [ethers.toBeHex(PROVIDER_COLLATERAL), false]]);
    expect(await dealClient.getDealVerified(published)).to.deep.equal([0n, false]);
    // The market answers [-1, -1]; the library's readInt64 drops the sign and reads (0, 0).
    expect(await dealClient.getDealActivation(published)).to.deep.equal([0n, [0n, 0n]]);
    expect(await dealClient.getDealSector(published)).to.deep.equal([33n, 0n]);
  });

  it("@zondax/filecoin-solidity returns the same fields, and the duration in GetDealTermReturn.end", async function () {
    const { zondax, client, provider, published, proposal } = await loadFixture(dealsInEveryPhase);
    expect(await zondax.getDealDataCommitment.staticCall(published)).to.deep.equal([ethers.concat(["0x00", piece(LABEL).bytes]), proposal.pieceSize]);
    expect(await zondax.getDealClient.staticCall(published)).to.equal(await fevm.address.actorId(client.address));
    expect(await zondax.getDealProvider.staticCall(published)).to.equal(provider.id);
    expect(await zondax.getDealLabel.staticCall(published)).to.deep.equal([ethers.hexlify(ethers.toUtf8Bytes(LABEL)), true]);
    const term = await zondax.getDealTerm.staticCall(published);
    expect([term.start, term.end]).to.deep.equal([proposal.startEpoch, MIN_DURATION]);
    expect(await zondax.getDealTotalPrice.staticCall(published)).to.deep.equal([ethers.toBeHex(storageFee(proposal)), false]);
    expect(await zondax.getDealClientCollateral.staticCall(published)).to.deep.equal([ethers.toBeHex(CLIENT_COLLATERAL), false]);
    expect(await zondax.getDealProviderCollateral.staticCall(published)).to.deep.equal([ethers.toBeHex(PROVIDER_COLLATERAL), false]);
    expect(await zondax.getDealVerified.staticCall(published)).to.equal(false);
    expect(await zondax.getDealActivation.staticCall(published)).to.deep.equal([0n, 0n]);
  });

  it("both read an active deal's activation epoch (terminated stays 0); its sector through Actor", async function () {
    const { dealClient, zondax, active, activatedAt } = await loadFixture(dealsInEveryPhase);
    expect(await dealClient.getDealActivation(active)).to.deep.equal([0n, [activatedAt, 0n]]);
    expect(await zondax.getDealActivation.staticCall(active)).to.deep.equal([activatedAt, 0n]);
    expect(await dealClient.getDealSector(active)).to.deep.equal([0n, 7n]);
  });

  for (const [phase, pick, code] of [
    ["a deal id never handed out", "unknown", 17n],
    ["a terminated (removed) deal", "removed", 32n],
  ] as const) {
    it(`${phase}: filecoin-solidity-api returns (${code}, zero value), Zondax reverts ActorError(${code})`, async function () {
      const scene = await loadFixture(dealsInEveryPhase);
      const id = scene[pick];
      for (const getter of [...DEAL_GETTERS, "getDealSector"] as const) {
        expect(await scene.dealClient.getFunction(getter)(id), getter).to.deep.equal([code, EMPTY[getter]]);
      }
      for (const getter of DEAL_GETTERS) {
        await expect(scene.zondax.getFunction(getter).staticCall(id), getter).to.be.revertedWithCustomError(scene.zondax, "ActorError").withArgs(code);
      }
    });
  }

  it("GetBalance: escrow and locked funds of a party; 16 for an address no actor has", async function () {
    const { dealClient, zondax, client } = await loadFixture(dealsInEveryPhase);
    const locked = (await fevm.market.getBalance(client.address)).locked;
    const party = await fevm.address.toBytes(client.address);
    expect(await dealClient.getBalance(party)).to.deep.equal([0n, [[ethers.toBeHex(ESCROW), false], [ethers.toBeHex(locked), false]]]);
    expect(await zondax.getBalance.staticCall(party)).to.deep.equal([[ethers.toBeHex(ESCROW), false], [ethers.toBeHex(locked), false]]);
    const nobody = ethers.concat(["0x01", ethers.randomBytes(20)]);
    expect(await dealClient.getBalance(nobody)).to.deep.equal([16n, [["0x", false], ["0x", false]]]);
    await expect(zondax.getBalance.staticCall(nobody)).to.be.revertedWithCustomError(zondax, "ActorError").withArgs(16n);
  });
});

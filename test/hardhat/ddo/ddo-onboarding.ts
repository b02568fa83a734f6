// Direct data onboarding (DDO) end to end: a client contract allocates its DataCap to a miner
// through f06, the miner's ProveCommitSectors3 claims the allocation and notifies a contract
// that records the sector and checks it is Active (FIP-0109, FIP-0112).
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { MIN_DURATION, onlyOnFilecoin, piece } from "../market/support/fixtures";
import { decodeCbor } from "../../../src/fil";

const UNIT = 10n ** 18n;
const TEXT = "verified data ".repeat(10); // a 256-byte piece: the smallest verified allocation

describe("DDO onboarding", function () {
  onlyOnFilecoin();

  it("a contract's allocation is claimed by ProveCommitSectors3, which notifies a contract; power counts it ten times", async function () {
    const [owner] = await ethers.getSigners();
    const miner = await fevm.miners.create({ owner: owner.address, sectorSize: 2048 });
    const client = await ethers.deployContract("DataCapClient"); // DataCapAPI.transfer to f06
    const notifee = await ethers.deployContract("SectorNotifee"); // records SectorContentChanged
    const p = piece(TEXT);
    await fevm.verifreg.addVerifiedClient(await client.getAddress(), p.size);
    const termMax = MIN_DURATION + 200_000n;
    const expiration = (await fevm.epoch()) + 1000n; // the allocation must be claimed by then
    const ret = (await client.allocate.staticCall(miner.id, p.bytes, p.size, MIN_DURATION, termMax, expiration))[1];
    const [, , [allocationId]] = decodeCbor(ethers.getBytes(ret.recipient_data)) as [unknown, unknown, bigint[]];
    await (await client.allocate(miner.id, p.bytes, p.size, MIN_DURATION, termMax, expiration)).wait();
    const held = await fevm.datacap.balanceOf("t06");

    const sector = await fevm.miners.commitSectors(miner.address, {
      pieces: [{ pieceCid: p.cid, size: p.size, allocationId, client: await client.getAddress(), notify: [await notifee.getAddress()] }],
    });
    // The allocation became the miner's claim, and the DataCap held by f06 was burnt.
    expect(await fevm.verifreg.getAllocation(await client.getAddress(), allocationId)).to.equal(null);
    const claim = await fevm.verifreg.getClaim(miner.address, allocationId);
    expect(claim).to.include({ data: p.cid, size: p.size, sector: sector.sectorNumber, termMin: MIN_DURATION, termMax });
    expect(held - (await fevm.datacap.balanceOf("t06"))).to.equal(p.size * UNIT);
    // The notifee recorded the sector and the piece, and sees it Active.
    expect([await notifee.notifications(), await notifee.lastMiner(), await notifee.lastSector()]).to.deep.equal([1n, miner.id, sector.sectorNumber]);
    const [[sectorNumber, , [[data, size]]]] = decodeCbor(ethers.getBytes(await notifee.lastParams())) as [[bigint, bigint, [[{ toString(): string }, bigint]]]];
    expect([sectorNumber, data.toString(), size]).to.deep.equal([sector.sectorNumber, p.cid, p.size]);
    expect(await notifee.checkSector.staticCall()).to.deep.equal([1n, true]);
    // QA power: 256 verified bytes count ten times in a 2048-byte sector, 2048 - 256 + 2560.
    expect([sector.rawPower, sector.qaPower]).to.deep.equal([2048n, 4352n]);
    const power = await ethers.deployContract("PowerCallerPL");
    expect((await power.minerRawPower(miner.id))[1].val).to.equal("0x0800");

    // Extending keeps the claim within its term (term start + termMax); past it, 16.
    const keep = { [`${sector.sectorNumber}`]: { maintain: [allocationId] } };
    const limit = claim!.termStart + termMax;
    await expect(fevm.miners.extendSectors(miner.address, { sectors: [sector.sectorNumber], newExpiration: limit + 1n, claims: keep })).to.be.rejectedWith(/16|allows extension/);
    const [extended] = await fevm.miners.extendSectors(miner.address, { sectors: [sector.sectorNumber], newExpiration: limit, claims: keep });
    expect([extended.expiration, extended.qaPower]).to.deep.equal([limit, 4352n]);

    // Termination: power leaves the claim; the verified claim stays until its term ends (not refunded).
    await fevm.miners.terminateSectors(miner.address, [sector.sectorNumber]);
    expect((await power.minerRawPower(miner.id))[1].val).to.equal("0x");
    expect(await notifee.checkSector.staticCall()).to.deep.equal([0n, false]);
    expect(await fevm.verifreg.getClaim(miner.address, allocationId)).to.include({ sector: sector.sectorNumber, size: p.size });
    expect(await fevm.datacap.balanceOf(await client.getAddress())).to.equal(0n);
  });

  it("a verified market deal committed by its deal id claims the deal's allocation without naming it", async function () {
    const [owner, client] = await ethers.getSigners();
    const miner = await fevm.miners.create({ owner: owner.address, sectorSize: 2048 });
    const p = piece(TEXT);
    await fevm.verifreg.addVerifiedClient(client.address, p.size);
    await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
    await fevm.market.addBalance(client.address, ethers.parseEther("1"));
    const startEpoch = (await fevm.epoch()) + 200n;
    const dealId = await fevm.market.publishDeal({ client: client.address, provider: miner.address, pieceCid: p.cid, pieceSize: p.size, verifiedDeal: true, startEpoch, endEpoch: startEpoch + MIN_DURATION });
    const [allocation] = await fevm.verifreg.listAllocations(client.address);
    const held = await fevm.datacap.balanceOf("t06");

    const sector = await fevm.miners.commitSectors(miner.address, { pieces: [{ dealId }] });
    expect((await fevm.market.getDeal(dealId)).state?.sectorNumber).to.equal(sector.sectorNumber);
    expect(await fevm.verifreg.getAllocation(client.address, allocation.id)).to.equal(null);
    expect(await fevm.verifreg.getClaim(miner.address, allocation.id)).to.include({ data: p.cid, size: p.size, sector: sector.sectorNumber });
    expect(held - (await fevm.datacap.balanceOf("t06"))).to.equal(p.size * UNIT);
    expect([sector.rawPower, sector.qaPower]).to.deep.equal([2048n, 4352n]);
    // Terminating the sector ends the deal at the market; the claim stays.
    await fevm.miners.terminateSectors(miner.address, [sector.sectorNumber]);
    await expect(fevm.market.getDeal(dealId)).to.be.rejected;
    expect(await fevm.verifreg.getClaim(miner.address, allocation.id)).to.include({ sector: sector.sectorNumber });
  });
});

import { expect } from "chai";
import { ethers, fevm, network } from "hardhat";

const PIECE_CID = "baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci";

describe("a sector with a deal", function () {
  before(function () { if (network.name !== "filecoin") this.skip(); });
  it("notifies the client contract, which checks the sector; a fault and a recovery move power", async function () {
    const [owner, client] = await ethers.getSigners();
    const miner = await fevm.miners.create({ owner: owner.address, sectorSize: 2048 });
    await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
    await fevm.market.addBalance(client.address, ethers.parseEther("1"));
    const start = (await fevm.epoch()) + 100n;
    const dealId = await fevm.market.publishDeal({ client: client.address, provider: miner.address, pieceCid: PIECE_CID,
      pieceSize: 2048n, startEpoch: start, endEpoch: start + 518_400n, storagePricePerEpoch: 1000n });
    const notifee = await ethers.deployContract("SectorNotifee"); // records SectorContentChanged
    const power = await ethers.deployContract("PowerCallerPL"); // PowerAPI of filecoin-solidity-api
    const sector = await fevm.miners.commitSectors(miner.address, { pieces: [{ dealId }], notify: [await notifee.getAddress()] });
    expect(await notifee.lastSector()).to.equal(sector.sectorNumber);
    expect(await notifee.checkSector.staticCall()).to.deep.equal([1n, true]); // FIP-0112: Active
    expect((await fevm.market.getDeal(dealId)).state?.sectorNumber).to.equal(sector.sectorNumber);
    const [, raw, meetsMinimum] = await power.minerRawPower(miner.id);
    expect([raw.val, meetsMinimum]).to.deep.equal(["0x0800", true]); // 2048 bytes: the testing build's minimum
    await fevm.miners.declareFaults(miner.address, [sector.sectorNumber]);
    expect((await power.minerRawPower(miner.id))[1].val).to.equal("0x");
    expect(await notifee.checkSector.staticCall()).to.deep.equal([2n, false]); // Faulty
    await fevm.miners.recoverFaults(miner.address, [sector.sectorNumber]);
    expect((await power.minerRawPower(miner.id))[1].val).to.equal("0x0800");
  });
});

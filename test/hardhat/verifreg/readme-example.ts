import { expect } from "chai";
import { ethers, fevm, network } from "hardhat";

const PIECE_CID = "baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci";

describe("a verified deal", function () {
  before(function () { if (network.name !== "filecoin") this.skip(); });
  it("spends the client's DataCap on an allocation that the provider claims", async function () {
    const [owner, client] = await ethers.getSigners();
    const miner = await fevm.miners.create({ owner: owner.address });
    await fevm.market.addBalance(client.address, ethers.parseEther("1"));
    await fevm.verifreg.addVerifiedClient(client.address, 2048n);                      // bytes of DataCap
    expect(await fevm.datacap.balanceOf(client.address)).to.equal(2048n * 10n ** 18n); // tokens: 10^18 per byte
    const start = (await fevm.epoch()) + 100n;
    const id = await fevm.market.publishDeal({ client: client.address, provider: miner.address, pieceCid: PIECE_CID,
      pieceSize: 2048n, verifiedDeal: true, startEpoch: start, endEpoch: start + 518_400n });
    expect(await fevm.datacap.balanceOf(client.address)).to.equal(0n);                 // now held by f06
    const [allocation] = await fevm.verifreg.listAllocations(client.address);
    expect(allocation).to.include({ provider: miner.address, size: 2048n, termMin: 518_400n });
    await fevm.market.activateDeal(id);                                                   // the miner claims it
    expect(await fevm.verifreg.getClaim(miner.address, allocation.id)).to.include({ sector: id, size: 2048n });
  });
});

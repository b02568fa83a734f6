import { expect } from "chai";
import { ethers, fevm, network } from "hardhat";
import { CID } from "multiformats/cid";

const PIECE_CID = "baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci";

describe("a contract deal served by the simulated storage provider", function () {
  before(function () { if (network.name !== "filecoin") this.skip(); });
  after(async function () { if (network.name === "filecoin") await fevm.storageProvider.stop(); });
  it("is picked up, published with the contract as client, and sealed", async function () {
    const [owner] = await ethers.getSigners();
    const miner = await fevm.miners.create({ owner: owner.address });
    await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
    const client = await ethers.deployContract("DealClient"); // Boost-style: emits DealProposalCreate
    await (await client.addBalance({ value: ethers.parseEther("1") })).wait();
    await fevm.storageProvider.start({ miners: [miner.id] });
    await fevm.storageProvider.setPolicy({ sealingDelay: 11, maxPricePerEpoch: 10_000n });

    const pieceCid = CID.parse(PIECE_CID).bytes, start = (await fevm.epoch()) + 100n;
    await (await client.makeDealProposal({ pieceCid, pieceSize: 2048n, verifiedDeal: false, label: "hello",
      startEpoch: start, endEpoch: start + 518_400n, storagePricePerEpoch: 1000n, providerCollateral: 0n, clientCollateral: 0n })).wait();
    const [status, dealId] = await client.deals(ethers.keccak256(pieceCid)); // set by MarketNotifyDeal
    expect(status).to.equal(2n); // Published

    await fevm.mineEpochs(11n); // the sealing delay
    expect((await client.getDealActivation(dealId))[1].activated).to.be.greaterThan(0n);
    const mine = (await fevm.storageProvider.history()).filter((e) => e.dealId === dealId);
    expect(mine.map((e) => e.kind)).to.deep.equal(["published", "activated"]);
  });
});

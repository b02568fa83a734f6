import { expect } from "chai";
import { ethers, fevm, network } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";

const PIECE_CID = "baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci";

async function storageProviderAndClient() {
  const [owner, client] = await ethers.getSigners();
  const miner = await fevm.miners.create({ owner: owner.address });
  await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
  await fevm.market.addBalance(client.address, ethers.parseEther("1"));
  return { miner, client };
}

describe("a storage deal", function () {
  before(function () { if (network.name !== "filecoin") this.skip(); });
  it("is published, activated, paid per epoch and completed", async function () {
    const { miner, client } = await loadFixture(storageProviderAndClient);
    const start = (await fevm.epoch()) + 10n, end = start + 518_400n; // 180 days, the shortest deal
    const id = await fevm.market.publishDeal({ client: client.address, provider: miner.address, pieceCid: PIECE_CID,
      pieceSize: 2048n, startEpoch: start, endEpoch: end, storagePricePerEpoch: 1000n, providerCollateral: 10n ** 15n });
    await fevm.market.activateDeal(id);
    await fevm.mineEpochs(start + 100n - (await fevm.epoch())); // control operations run at the head epoch
    expect((await fevm.market.settle([id]))[0].payment).to.equal(100n * 1000n);
    await fevm.mineEpochs(end - start);
    expect(await fevm.market.settle([id])).to.deep.equal([{ id, exitCode: 0, payment: (end - start - 100n) * 1000n, completed: true }]);
    expect(await fevm.market.getBalance(miner.address)).to.deep.equal({ balance: ethers.parseEther("1") + (end - start) * 1000n, locked: 0n });
  });
});

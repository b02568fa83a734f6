// A storage deal on the in-process Filecoin network, in a Hardhat 3 mocha + ethers project
// (copied into the project's test/ by test/e2e/hardhat3-project.sh). The README's Hardhat 3 example.
import { expect } from "chai";
import { network } from "hardhat";

const { ethers, fevm, networkHelpers } = await network.create("filecoin");
const PIECE_CID = "baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci";

async function storageProviderAndClient() {
  const [owner, client] = await ethers.getSigners();
  const miner = await fevm.miners.create({ owner: owner.address });
  await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
  await fevm.market.addBalance(client.address, ethers.parseEther("1"));
  return { miner, client };
}

describe("a storage deal on filecoin", function () {
  it("is published, activated, paid per epoch and completed", async function () {
    const { miner, client } = await networkHelpers.loadFixture(storageProviderAndClient);
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

  it("runs on the FEVM: Filecoin chain id and t410 addresses", async function () {
    const [owner] = await ethers.getSigners();
    expect((await ethers.provider.getNetwork()).chainId).to.equal(31415926n);
    expect(await fevm.address.toFilecoin(owner.address)).to.match(/^t410f/);
  });
});

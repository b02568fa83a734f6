// A storage deal on the in-process Filecoin network, in a Hardhat 3 node:test + viem project
// (copied into the project's test/ by test/e2e/hardhat3-project.sh).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { network } from "hardhat";
import { parseEther } from "viem";

const PIECE_CID = "baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci";

describe("a storage deal on filecoin", async function () {
  const { viem, fevm } = await network.create("filecoin");
  const publicClient = await viem.getPublicClient();
  const [owner, client] = await viem.getWalletClients();

  it("is published, activated and paid to the storage provider", async function () {
    assert.equal(await publicClient.getChainId(), 31415926);
    const miner = await fevm.miners.create({ owner: owner.account.address });
    await fevm.market.addBalance(miner.address, parseEther("1"));
    await fevm.market.addBalance(client.account.address, parseEther("1"));
    const start = (await fevm.epoch()) + 10n, end = start + 518_400n;
    const id = await fevm.market.publishDeal({ client: client.account.address, provider: miner.address, pieceCid: PIECE_CID,
      pieceSize: 2048n, startEpoch: start, endEpoch: end, storagePricePerEpoch: 1000n, providerCollateral: 10n ** 15n });
    await fevm.market.activateDeal(id);
    await fevm.mineEpochs(end - (await fevm.epoch()));
    const [settled] = await fevm.market.settle([id]);
    assert.deepEqual(settled, { id, exitCode: 0, payment: (end - start) * 1000n, completed: true });
  });
});

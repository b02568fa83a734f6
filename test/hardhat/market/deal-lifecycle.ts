// A deal's life from the client's side, driven by hre.fevm.market (the provider's part is test
// control) and watched through the market's own answers: escrow, settlements and the getters.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import {
  BURNT_FUNDS,
  CLIENT_COLLATERAL,
  dealProposal,
  ESCROW,
  marketFixture,
  mineTo,
  onlyOnFilecoin,
  PRICE_PER_EPOCH,
  PROVIDER_COLLATERAL,
  refusal,
  storageFee,
} from "./support/fixtures";

describe("a storage deal: published, activated, paid, completed or terminated", function () {
  onlyOnFilecoin();

  it("locks the fee and collaterals on publish, pays the provider per elapsed epoch at each settlement, and unlocks everything at the end", async function () {
    const { client, provider, dealClient } = await loadFixture(marketFixture);
    const p = await dealProposal(client.address, provider.address);
    const fee = storageFee(p);
    const id = await fevm.market.publishDeal(p);
    expect(await fevm.market.getBalance(client.address)).to.deep.equal({ balance: ESCROW, locked: fee + CLIENT_COLLATERAL });
    expect(await fevm.market.getBalance(provider.address)).to.deep.equal({ balance: ESCROW, locked: PROVIDER_COLLATERAL });

    // Control operations run at the chain's head: fevm.epoch().
    const activatedAt = await fevm.epoch();
    expect(await fevm.market.activateDeal(id, { sectorNumber: 3n })).to.deep.equal({ sectorNumber: 3n, sectorStartEpoch: activatedAt, lastUpdatedEpoch: -1n, slashEpoch: -1n });
    expect(await dealClient.getDealActivation(id)).to.deep.equal([0n, [activatedAt, 0n]]);
    expect(await dealClient.getDealSector(id)).to.deep.equal([0n, 3n]);

    await mineTo(p.startEpoch + 100n);
    expect(await fevm.market.settle([id])).to.deep.equal([{ id, exitCode: 0, payment: 100n * PRICE_PER_EPOCH, completed: false }]);
    expect(await fevm.market.getBalance(client.address)).to.deep.equal({ balance: ESCROW - 100n * PRICE_PER_EPOCH, locked: fee + CLIENT_COLLATERAL - 100n * PRICE_PER_EPOCH });
    expect(await fevm.market.getBalance(provider.address)).to.deep.equal({ balance: ESCROW + 100n * PRICE_PER_EPOCH, locked: PROVIDER_COLLATERAL });
    expect((await fevm.market.getDeal(id)).state?.lastUpdatedEpoch).to.equal(p.startEpoch + 100n);

    await mineTo(p.endEpoch + 10n);
    expect(await fevm.market.settle([id])).to.deep.equal([{ id, exitCode: 0, payment: fee - 100n * PRICE_PER_EPOCH, completed: true }]);
    expect(await fevm.market.getBalance(client.address)).to.deep.equal({ balance: ESCROW - fee, locked: 0n });
    expect(await fevm.market.getBalance(provider.address)).to.deep.equal({ balance: ESCROW + fee, locked: 0n });

    // A completed deal is removed: every getter answers 32 (EX_DEAL_EXPIRED), and so does settling it again.
    expect(await dealClient.getDealClient(id)).to.deep.equal([32n, 0n]);
    expect(await dealClient.getDealActivation(id)).to.deep.equal([32n, [0n, 0n]]);
    expect((await refusal(fevm.market.getDeal(id))).exitCode).to.equal(32);
    expect(await fevm.market.settle([id])).to.deep.equal([{ id, exitCode: 32, payment: 0n, completed: false }]);
  });

  it("control operations act at the chain's head epoch: an activation is never in the future", async function () {
    const { client, provider, dealClient } = await loadFixture(marketFixture);
    const p = await dealProposal(client.address, provider.address);
    const id = await fevm.market.publishDeal(p);
    const head = await fevm.epoch();
    const { sectorStartEpoch } = await fevm.market.activateDeal(id);
    expect(await fevm.epoch()).to.equal(head);
    expect(sectorStartEpoch).to.equal(head);
    expect(sectorStartEpoch <= (await fevm.epoch())).to.equal(true);
    expect((await dealClient.getDealActivation(id))[1][0]).to.equal(head);
    expect((await refusal(fevm.market.activateDeal(id, { epoch: head + 1n }))).message).to.contain(`the chain is at epoch ${head}`);
  });

  it("terminating a deal ends its whole sector now: paid to date, client refunded, provider collateral burnt", async function () {
    const { client, provider, dealClient } = await loadFixture(marketFixture);
    const p = await dealProposal(client.address, provider.address);
    const neighbour = await dealProposal(client.address, provider.address, "another piece");
    const id = await fevm.market.publishDeal(p);
    const other = await fevm.market.publishDeal(neighbour);
    await fevm.market.activateDeal(id, { sectorNumber: 9n });
    await fevm.market.activateDeal(other, { sectorNumber: 9n });
    await mineTo(p.startEpoch + 50n);
    const burntBefore = await ethers.provider.getBalance(BURNT_FUNDS);

    expect(await fevm.market.terminateDeal(id)).to.deep.equal([id, other]);
    // Terminated at startEpoch + 50: each deal pays 50 epochs, the rest of the fee and the client collateral come back.
    const paid = 2n * 50n * PRICE_PER_EPOCH;
    expect(await fevm.market.getBalance(client.address)).to.deep.equal({ balance: ESCROW - paid, locked: 0n });
    expect(await fevm.market.getBalance(provider.address)).to.deep.equal({ balance: ESCROW + paid - 2n * PROVIDER_COLLATERAL, locked: 0n });
    expect(await ethers.provider.getBalance(BURNT_FUNDS)).to.equal(burntBefore + 2n * PROVIDER_COLLATERAL);
    expect((await refusal(fevm.market.getDeal(other))).exitCode).to.equal(32);
    expect(await dealClient.getDealProvider(other)).to.deep.equal([32n, 0n]);
  });

  it("a deal nobody activates stays published while epochs pass; settling it after its start times it out (32) and burns the provider collateral", async function () {
    const { client, provider, dealClient } = await loadFixture(marketFixture);
    const p = await dealProposal(client.address, provider.address, "never sealed", 5n);
    const id = await fevm.market.publishDeal(p);
    await mineTo(p.startEpoch + 1000n);
    // No cron runs by itself: the deal is still there, not activated (MarketAPI reads [-1, -1] as (0, 0)).
    expect(await dealClient.getDealActivation(id)).to.deep.equal([0n, [0n, 0n]]);
    expect(await dealClient.getDealSector(id)).to.deep.equal([33n, 0n]);
    const activation = await refusal(fevm.market.activateDeal(id));
    expect(activation.exitCode).to.equal(32);
    expect(activation.message).to.contain("a deal must be activated at or before its start epoch");

    const burntBefore = await ethers.provider.getBalance(BURNT_FUNDS);
    expect(await fevm.market.settle([id])).to.deep.equal([{ id, exitCode: 32, payment: 0n, completed: false }]);
    expect(await fevm.market.getBalance(client.address)).to.deep.equal({ balance: ESCROW, locked: 0n });
    expect(await fevm.market.getBalance(provider.address)).to.deep.equal({ balance: ESCROW - PROVIDER_COLLATERAL, locked: 0n });
    expect(await ethers.provider.getBalance(BURNT_FUNDS)).to.equal(burntBefore + PROVIDER_COLLATERAL);
    expect(await dealClient.getDealSector(id)).to.deep.equal([32n, 0n]);
  });

  it("a verified deal needs DataCap: a client without enough is dropped (16, insufficient DataCap)", async function () {
    const { client, provider } = await loadFixture(marketFixture);
    const refused = await refusal(fevm.market.publishDeal({ ...(await dealProposal(client.address, provider.address)), verifiedDeal: true }));
    expect(refused.exitCode).to.equal(16);
    expect(refused.message).to.contain("insufficient DataCap");
  });

  it("loadFixture takes back deals, escrow, burnt funds, epochs and the deal ids they used", async function () {
    const { client, provider } = await loadFixture(marketFixture);
    const epoch = await fevm.epoch();
    const deals = await fevm.market.listDeals();
    const burnt = await ethers.provider.getBalance(BURNT_FUNDS);
    const p = await dealProposal(client.address, provider.address);
    const id = await fevm.market.publishDeal(p);
    await fevm.market.activateDeal(id);
    await mineTo(p.startEpoch + 10n);
    await fevm.market.terminateDeal(id);

    await loadFixture(marketFixture);
    expect(await fevm.epoch()).to.equal(epoch);
    expect(await fevm.market.listDeals()).to.deep.equal(deals);
    expect(await fevm.market.getBalance(client.address)).to.deep.equal({ balance: ESCROW, locked: 0n });
    expect(await fevm.market.getBalance(provider.address)).to.deep.equal({ balance: ESCROW, locked: 0n });
    expect(await ethers.provider.getBalance(BURNT_FUNDS)).to.equal(burnt);
    expect(await fevm.market.publishDeal(p)).to.equal(id);
  });
});

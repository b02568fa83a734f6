import { expect } from "chai";
import type { RpcError } from "../provider/support";
import { ACCOUNTS, FIL, fund, marketNet, MIN_DURATION, PIECE_CID, proposalFor, revertAfterEach, type MarketNet } from "./support";

describe("fevm_market_* test control and hre.fevm.market", function () {
  let net: MarketNet;

  before(async () => {
    net = await marketNet();
    await fund(net, ACCOUNTS[1]);
  });
  revertAfterEach(() => net);

  it("answers deals as JSON: decimal strings, t0 addresses, null state until activated", async () => {
    const start = (await net.epoch()) + 100n;
    const id = await net.rpc.call<string>("fevm_market_publishDeal", {
      client: ACCOUNTS[1],
      provider: Number(net.miner.id),
      pieceCid: PIECE_CID,
      pieceSize: "0x800",
      startEpoch: start.toString(),
      endEpoch: (start + MIN_DURATION).toString(),
      label: { bytes: "0x0102" },
      storagePricePerEpoch: 7,
    });
    expect(id).to.equal("1");
    const clientId = (await net.rpc.call<{ id: string }>("fevm_address", ACCOUNTS[1])).id;
    const deal = await net.rpc.call("fevm_market_getDeal", id);
    expect(deal).to.deep.equal({
      id: "1",
      proposal: {
        pieceCid: PIECE_CID,
        pieceSize: "2048",
        verifiedDeal: false,
        client: `t0${clientId}`,
        provider: net.miner.address,
        label: { bytes: "0x0102" },
        startEpoch: start.toString(),
        endEpoch: (start + MIN_DURATION).toString(),
        storagePricePerEpoch: "7",
        providerCollateral: "0",
        clientCollateral: "0",
      },
      state: null,
    });
    const state = await net.rpc.call("fevm_market_activateDeal", "1", { sectorNumber: 3 });
    expect(state).to.deep.equal({ sectorNumber: "3", sectorStartEpoch: `${await net.epoch()}`, lastUpdatedEpoch: "-1", slashEpoch: "-1" });
    expect(await net.rpc.call("fevm_market_listDeals")).to.deep.equal([{ ...(deal as object), state }]);
    expect(await net.rpc.call("fevm_market_getBalance", ACCOUNTS[1])).to.deep.equal({ balance: FIL.toString(), locked: (7n * MIN_DURATION).toString() });
  });

  it("refuses malformed parameters with -32602 naming the parameter", async () => {
    const good = await proposalFor(net, ACCOUNTS[1]);
    const wire = { ...good, pieceSize: "2048", startEpoch: `${good.startEpoch}`, endEpoch: `${good.endEpoch}`, storagePricePerEpoch: "10", providerCollateral: "1000", clientCollateral: "100" };
    const bad: [string, unknown[], string][] = [
      ["fevm_market_getDeal", ["one"], "param id"],
      ["fevm_market_getDeal", ["-1"], "param id"],
      ["fevm_market_publishDeal", [{ ...wire, pieceCid: "nope" }], "proposal.pieceCid"],
      ["fevm_market_publishDeal", [{ ...wire, client: "0x1234" }], "proposal.client"],
      ["fevm_market_publishDeal", [{ ...wire, label: { bytes: "zz" } }], "proposal.label"],
      ["fevm_market_publishDeal", [{ ...wire, clientSignature: "0x07aa" }], "clientSignature"],
      ["fevm_market_publishDeal", [{ ...wire, storagePricePerEpoch: "-1" }], "proposal.storagePricePerEpoch"],
      ["fevm_market_settle", ["1"], "param ids"],
      ["fevm_market_addBalance", [ACCOUNTS[1]], "fevm_market_addBalance"],
    ];
    for (const [method, params, names] of bad) {
      const err = (await net.rpc.error(method, ...params)) as RpcError;
      expect(err.code, `${method} ${names}`).to.equal(-32602);
      expect(err.message, method).to.contain(names);
    }
  });

  it("reports the market's refusals with the exit code", async () => {
    const unknown = await net.rpc.error("fevm_market_getDeal", "41");
    expect(unknown.code).to.equal(-32000);
    expect(unknown.data).to.deep.equal({ exitCode: 17 });
    expect(unknown.message).to.contain("no such deal 41");
  });

  it("deposits from the first account by default, or from `from`", async () => {
    const balanceOf = async (a: string) => BigInt(await net.rpc.call<string>("eth_getBalance", a, "latest"));
    const [first, third] = [await balanceOf(ACCOUNTS[0]), await balanceOf(ACCOUNTS[2])];
    await net.market.addBalance(ACCOUNTS[3], 2n * FIL);
    await net.market.addBalance(ACCOUNTS[3], FIL, { from: ACCOUNTS[2] });
    expect(await balanceOf(ACCOUNTS[0])).to.equal(first - 2n * FIL);
    expect(await balanceOf(ACCOUNTS[2])).to.equal(third - FIL);
    expect(await net.market.getBalance(ACCOUNTS[3])).to.deep.equal({ balance: 3n * FIL, locked: 0n });
    const broke = await net.rpc.error("fevm_market_addBalance", ACCOUNTS[3], (10n ** 30n).toString(), { from: ACCOUNTS[2] });
    expect(broke.message).to.contain("InsufficientFunds");
  });

  it("evm_revert takes back deals, locks and the deal ids they used", async () => {
    const before = await net.snapshot();
    const id = await net.market.publishDeal(await proposalFor(net, ACCOUNTS[1]));
    await net.market.activateDeal(id);
    await net.revert(before);
    expect(await net.market.listDeals()).to.deep.equal([]);
    expect(await net.market.getBalance(ACCOUNTS[1])).to.deep.equal({ balance: FIL, locked: 0n });
    expect(await net.market.publishDeal(await proposalFor(net, ACCOUNTS[1]))).to.equal(id);
  });

  it("the first deal id is configurable until a deal is published", async () => {
    await net.market.setFirstDealId(500n);
    expect(await net.market.publishDeal(await proposalFor(net, ACCOUNTS[1]))).to.equal(500n);
    expect((await net.market.listDeals()).map((d) => d.id)).to.deep.equal([500n]);
    const refused = await net.rpc.error("fevm_market_setFirstDealId", "0x7");
    expect(refused.message).to.contain("before any deal is published");
  });
});

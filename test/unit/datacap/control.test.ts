import { expect } from "chai";
import type { RpcError } from "../provider/support";
import { ACCOUNTS, fund, marketNet, MIN_DURATION, PIECE_CID, proposalFor, revertAfterEach, type MarketNet } from "../market/support";

const UNIT = 10n ** 18n;

describe("fevm_verifreg_* / fevm_datacap_* test control and verified deals", function () {
  let net: MarketNet;
  let clientId: string;

  before(async () => {
    net = await marketNet();
    await fund(net, ACCOUNTS[1]);
    clientId = `t0${(await net.rpc.call<{ id: string }>("fevm_address", ACCOUNTS[1])).id}`;
  });
  revertAfterEach(() => net);

  const balance = async (a: string) => BigInt(await net.rpc.call<string>("fevm_datacap_balanceOf", a));

  it("mints DataCap through the registry and reads balances in tokens", async () => {
    expect(await balance(ACCOUNTS[1])).to.equal(0n);
    await net.rpc.call("fevm_datacap_mint", ACCOUNTS[1], (4096n * UNIT).toString());
    expect(await balance(ACCOUNTS[1])).to.equal(4096n * UNIT);
    const small = await net.rpc.error("fevm_datacap_mint", ACCOUNTS[1], (255n * UNIT).toString());
    expect(small.data).to.deep.equal({ exitCode: 16 });
    expect(small.message).to.contain("below the minimum verified allocation size 256");
  });

  it("refuses malformed parameters with -32602 naming the parameter", async () => {
    const bad: [string, unknown[], string][] = [
      ["fevm_datacap_mint", [ACCOUNTS[1], "1000"], "param amount"],
      ["fevm_datacap_mint", ["0x12", "1000"], "to"],
      ["fevm_datacap_balanceOf", [42.5], "address"],
      ["fevm_verifreg_addVerifier", [ACCOUNTS[2], "-1"], "param allowance"],
      ["fevm_verifreg_addVerifiedClient", [ACCOUNTS[1], "1024", { verifier: "nope" }], "options.verifier"],
      ["fevm_verifreg_getAllocation", [ACCOUNTS[1], "x"], "param id"],
      ["fevm_verifreg_getClaim", ["t01000"], "fevm_verifreg_getClaim"],
    ];
    for (const [method, params, names] of bad) {
      const err = (await net.rpc.error(method, ...params)) as RpcError;
      expect(err.code, `${method} ${names}`).to.equal(-32602);
      expect(err.message, method).to.contain(names);
    }
  });

  it("adds verifiers from the root key; a non-verifier's AddVerifiedClient fails with 17", async () => {
    const refused = await net.rpc.error("fevm_verifreg_addVerifiedClient", ACCOUNTS[1], "1024", { verifier: ACCOUNTS[2] });
    expect(refused.data).to.deep.equal({ exitCode: 17 });
    expect(refused.message).to.contain("is not a verifier");
    await net.rpc.call("fevm_verifreg_addVerifier", ACCOUNTS[2], "4096");
    await net.rpc.call("fevm_verifreg_addVerifiedClient", ACCOUNTS[1], "1024", { verifier: ACCOUNTS[2] });
    expect(await balance(ACCOUNTS[1])).to.equal(1024n * UNIT);
  });

  it("publishes a verified deal: the client's DataCap becomes an allocation, claimed when the deal is activated", async () => {
    await net.rpc.call("fevm_datacap_mint", ACCOUNTS[1], (4096n * UNIT).toString());
    const p = await proposalFor(net, ACCOUNTS[1], { verifiedDeal: true });
    const id = await net.market.publishDeal(p);
    expect(await balance(ACCOUNTS[1])).to.equal(2048n * UNIT);
    expect(await balance("t06")).to.equal(2048n * UNIT);
    const now = await net.epoch();
    expect(await net.rpc.call("fevm_verifreg_getAllocation", ACCOUNTS[1], "1")).to.deep.equal({
      client: clientId,
      provider: net.miner.address,
      data: PIECE_CID,
      size: "2048",
      termMin: `${MIN_DURATION}`,
      termMax: `${MIN_DURATION + 259200n}`,
      expiration: `${p.startEpoch}`,
    });
    expect((await net.rpc.call<{ id: string }[]>("fevm_verifreg_listAllocations", ACCOUNTS[1])).map((a) => a.id)).to.deep.equal(["1"]);
    await net.market.activateDeal(id, { sectorNumber: 9n });
    expect(await net.rpc.call("fevm_verifreg_listAllocations", ACCOUNTS[1])).to.deep.equal([]);
    expect((await net.rpc.call<{ id: string; sector: string }[]>("fevm_verifreg_listClaims", net.miner.address)).map((c) => [c.id, c.sector])).to.deep.equal([["1", "9"]]);
    expect(await net.rpc.call("fevm_verifreg_getAllocation", ACCOUNTS[1], "1")).to.equal(null);
    expect(await net.rpc.call("fevm_verifreg_getClaim", net.miner.address, "1")).to.deep.equal({
      provider: net.miner.address,
      client: clientId,
      data: PIECE_CID,
      size: "2048",
      termMin: `${MIN_DURATION}`,
      termMax: `${MIN_DURATION + 259200n}`,
      termStart: `${now}`, // control operations run at the head epoch
      sector: "9",
    });
    expect(await balance("t06"), "claimed DataCap is burnt").to.equal(0n);
  });

  it("drops a verified deal whose client lacks DataCap, and keeps an unclaimed allocation after the deal times out", async () => {
    const poor = (await net.market.publishDeal(await proposalFor(net, ACCOUNTS[1], { verifiedDeal: true })).catch((e: unknown) => e)) as RpcError;
    expect(poor.data).to.deep.equal({ exitCode: 16 });
    expect(poor.message).to.contain("insufficient DataCap");
    await net.rpc.call("fevm_datacap_mint", ACCOUNTS[1], (2048n * UNIT).toString());
    const p = await proposalFor(net, ACCOUNTS[1], { verifiedDeal: true }, 10n);
    const id = await net.market.publishDeal(p);
    await net.rpc.call("fevm_mineEpochs", 20);
    expect((await net.market.settle([id]))[0].exitCode, "timed out").to.equal(32);
    expect(await net.rpc.call("fevm_verifreg_getAllocation", ACCOUNTS[1], "1")).to.not.equal(null);
  });
});

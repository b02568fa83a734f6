import { expect } from "chai";
import { encodeBigIntBytes, parseCid } from "../../../src/fil";
import { ACCOUNTS, cbor, fund, marketNet, Method, MIN_DURATION, PIECE_CID, proposalFor, revertAfterEach, type ClientContract, type MarketNet } from "./support";

const PROPOSAL_GETTERS = [
  Method.GetDealDataCommitmentExported,
  Method.GetDealClientExported,
  Method.GetDealProviderExported,
  Method.GetDealLabelExported,
  Method.GetDealTermExported,
  Method.GetDealTotalPriceExported,
  Method.GetDealClientCollateralExported,
  Method.GetDealProviderCollateralExported,
  Method.GetDealVerifiedExported,
];

describe("market deal getters, phase by phase (as MarketAPI reads them)", function () {
  let net: MarketNet;
  let client: ClientContract;
  let clientId: bigint;

  const codes = async (id: bigint) => {
    const all = [...PROPOSAL_GETTERS, Method.GetDealActivationExported, Method.GetDealSectorExported];
    return Promise.all(all.map(async (m) => (await client.query(m, cbor(id))).exitCode));
  };

  before(async () => {
    net = await marketNet();
    client = await net.deployClient();
    await fund(net, ACCOUNTS[1]);
    clientId = BigInt((await net.rpc.call<{ id: string }>("fevm_address", ACCOUNTS[1])).id);
  });
  revertAfterEach(() => net);

  it("an id never handed out is 17 for every getter", async () => {
    expect(await codes(1n)).to.deep.equal(new Array(11).fill(17));
  });

  it("a published deal answers every proposal getter with the actor's CBOR; activation is [-1, -1] and the sector 33", async () => {
    const p = await proposalFor(net, ACCOUNTS[1]);
    const id = await net.market.publishDeal(p);
    const raw = async (m: bigint) => {
      const out = await client.query(m, cbor(id));
      expect(out.exitCode, `method ${m}`).to.equal(0);
      return out.raw;
    };
    expect(await raw(Method.GetDealDataCommitmentExported)).to.equal(cbor([parseCid(PIECE_CID), 2048n]));
    expect(await raw(Method.GetDealClientExported)).to.equal(cbor(clientId));
    expect(await raw(Method.GetDealProviderExported)).to.equal(cbor(net.miner.id));
    expect(await raw(Method.GetDealLabelExported)).to.equal("0x656c6162656c");
    expect(await raw(Method.GetDealTermExported)).to.equal(cbor([p.startEpoch, MIN_DURATION]));
    expect(await raw(Method.GetDealTotalPriceExported)).to.equal(cbor(encodeBigIntBytes(10n * MIN_DURATION)));
    expect(await raw(Method.GetDealClientCollateralExported)).to.equal("0x420064");
    expect(await raw(Method.GetDealProviderCollateralExported)).to.equal("0x430003e8");
    expect(await raw(Method.GetDealVerifiedExported)).to.equal("0xf4");
    expect(await raw(Method.GetDealActivationExported)).to.equal("0x822020");
    expect((await client.query(Method.GetDealSectorExported, cbor(id))).exitCode).to.equal(33);
    // Read-only callers (STATICCALL frames) get the same answers.
    expect((await client.queryStatic(Method.GetDealActivationExported, cbor(id))).raw).to.equal("0x822020");
  });

  it("a byte label comes back as a byte string", async () => {
    const id = await net.market.publishDeal(await proposalFor(net, ACCOUNTS[1], { label: Uint8Array.of(1, 2, 3) }));
    expect((await client.query(Method.GetDealLabelExported, cbor(id))).raw).to.equal("0x43010203");
    expect((await net.market.getDeal(id)).proposal.label).to.deep.equal(Uint8Array.of(1, 2, 3));
  });

  it("stays [-1, -1] after the start epoch passes unactivated, until someone settles it away (then 32)", async () => {
    const id = await net.market.publishDeal(await proposalFor(net, ACCOUNTS[1], {}, 5n));
    await net.rpc.call("fevm_mineEpochs", 10);
    expect((await client.query(Method.GetDealActivationExported, cbor(id))).raw).to.equal("0x822020");
    expect(await net.market.settle([id])).to.deep.equal([{ id, exitCode: 32, payment: 0n, completed: false }]);
    expect(await codes(id)).to.deep.equal(new Array(11).fill(32));
  });

  it("an activated deal reports its activation epoch and sector", async () => {
    const id = await net.market.publishDeal(await proposalFor(net, ACCOUNTS[1]));
    const at = await net.epoch();
    await net.market.activateDeal(id, { sectorNumber: 7n });
    expect((await client.query(Method.GetDealActivationExported, cbor(id))).raw).to.equal(cbor([at, -1n]));
    expect((await client.query(Method.GetDealSectorExported, cbor(id))).raw).to.equal("0x07");
  });

  it("a terminated deal is gone at once: 32 for every getter", async () => {
    const id = await net.market.publishDeal(await proposalFor(net, ACCOUNTS[1]));
    await net.market.activateDeal(id);
    await net.market.terminateDeal(id);
    expect(await codes(id)).to.deep.equal(new Array(11).fill(32));
    // Later ids were never handed out: still 17.
    expect((await client.query(Method.GetDealActivationExported, cbor(id + 1n))).exitCode).to.equal(17);
  });

  it("rejects a deal id of the wrong shape (21) or missing (16)", async () => {
    expect((await client.query(Method.GetDealClientExported, cbor(new Uint8Array(1)))).exitCode).to.equal(21);
    expect((await client.query(Method.GetDealActivationExported, cbor(-1n))).exitCode).to.equal(21);
    expect((await client.query(Method.GetDealSectorExported, "0x")).exitCode).to.equal(16);
  });
});

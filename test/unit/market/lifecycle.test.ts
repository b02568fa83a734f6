import { expect } from "chai";
import { decodeCbor, encodeBigIntBytes, encodeBitfield, encodeCbor, parseCid } from "../../../src/fil";
import type { RpcError } from "../provider/support";
import { ACCOUNTS, BURNT_FUNDS, cbor, FIL, fund, marketNet, Method, MIN_DURATION, PIECE_CID, proposalFor, revertAfterEach, type ClientContract, type MarketNet } from "./support";

const PRICE = 10n;
const FEE = PRICE * MIN_DURATION;

async function failure(p: Promise<unknown>): Promise<{ message: string; exitCode?: number }> {
  try {
    await p;
  } catch (e) {
    return { message: (e as RpcError).message, exitCode: ((e as RpcError).data as { exitCode?: number } | undefined)?.exitCode };
  }
  return expect.fail("expected the market to refuse");
}

describe("market deal lifecycle: activation, payments, completion, time-out, termination, cron", function () {
  let net: MarketNet;
  let client: ClientContract;
  const burnt = async () => BigInt(await net.rpc.call<string>("eth_getBalance", BURNT_FUNDS, "latest"));
  const balances = async () => ({ client: await net.market.getBalance(ACCOUNTS[1]), provider: await net.market.getBalance(net.miner.address) });
  const mineTo = async (epoch: bigint) => net.rpc.call("fevm_mineEpochs", `0x${(epoch - (await net.epoch())).toString(16)}`);

  before(async () => {
    net = await marketNet();
    client = await net.deployClient();
    await fund(net, ACCOUNTS[1]);
  });
  revertAfterEach(() => net);

  it("pays the provider per elapsed epoch on each settlement and completes the deal at its end", async () => {
    const p = await proposalFor(net, ACCOUNTS[1]);
    const id = await net.market.publishDeal(p);
    const activatedAt = await net.epoch();
    expect(await net.market.activateDeal(id)).to.deep.equal({ sectorNumber: id, sectorStartEpoch: activatedAt, lastUpdatedEpoch: -1n, slashEpoch: -1n });

    await mineTo(p.startEpoch + 50n);
    expect(await net.market.settle([id])).to.deep.equal([{ id, exitCode: 0, payment: 50n * PRICE, completed: false }]);
    expect(await balances()).to.deep.equal({
      client: { balance: FIL - 500n, locked: 100n + FEE - 500n },
      provider: { balance: FIL + 500n, locked: 1000n },
    });
    expect((await net.market.getDeal(id)).state?.lastUpdatedEpoch).to.equal(p.startEpoch + 50n);

    await mineTo(p.startEpoch + 80n);
    expect((await net.market.settle([id]))[0].payment).to.equal(30n * PRICE);

    await mineTo(p.endEpoch + 1000n);
    expect(await net.market.settle([id])).to.deep.equal([{ id, exitCode: 0, payment: FEE - 800n, completed: true }]);
    expect(await balances()).to.deep.equal({ client: { balance: FIL - FEE, locked: 0n }, provider: { balance: FIL + FEE, locked: 0n } });
    expect((await failure(net.market.getDeal(id))).exitCode).to.equal(32);
    expect(await net.market.settle([id])).to.deep.equal([{ id, exitCode: 32, payment: 0n, completed: false }]);
  });

  it("settling before the start pays nothing and changes no balance", async () => {
    const p = await proposalFor(net, ACCOUNTS[1]);
    const id = await net.market.publishDeal(p);
    const before = await balances();
    expect(await net.market.settle([id])).to.deep.equal([{ id, exitCode: 0, payment: 0n, completed: false }]);
    await net.market.activateDeal(id);
    const at = await net.epoch();
    expect(await net.market.settle([id])).to.deep.equal([{ id, exitCode: 0, payment: 0n, completed: false }]);
    expect(await balances()).to.deep.equal(before);
    expect((await net.market.getDeal(id)).state?.lastUpdatedEpoch).to.equal(at);
  });

  it("a deal not activated by its start times out: client refunded, provider collateral burnt, deal removed (32)", async () => {
    const p = await proposalFor(net, ACCOUNTS[1], {}, 5n);
    const id = await net.market.publishDeal(p);
    const burntBefore = await burnt();
    await mineTo(p.startEpoch + 1n);
    const activation = await failure(net.market.activateDeal(id));
    expect(activation.exitCode).to.equal(32);
    expect(activation.message).to.contain(`cannot activate deal ${id}: proposal start epoch ${p.startEpoch} has already elapsed`);
    expect(await net.market.settle([id])).to.deep.equal([{ id, exitCode: 32, payment: 0n, completed: false }]);
    expect(await balances()).to.deep.equal({ client: { balance: FIL, locked: 0n }, provider: { balance: FIL - 1000n, locked: 0n } });
    expect(await burnt()).to.equal(burntBefore + 1000n);
  });

  it("terminating a sector ends every deal in it at once: paid to date, client refunded, provider collateral burnt", async () => {
    const p = await proposalFor(net, ACCOUNTS[1]);
    const [a, b, c] = [await net.market.publishDeal(p), await net.market.publishDeal({ ...p, label: "b" }), await net.market.publishDeal({ ...p, label: "c" })];
    await net.market.activateDeal(a, { sectorNumber: 7n });
    await net.market.activateDeal(b, { sectorNumber: 7n });
    await net.market.activateDeal(c, { sectorNumber: 8n });
    await mineTo(p.startEpoch + 100n);
    const burntBefore = await burnt();
    expect(await net.market.terminateDeal(a)).to.deep.equal([a, b]);
    const paid = 2n * 100n * PRICE;
    expect(await balances()).to.deep.equal({
      client: { balance: FIL - paid, locked: 100n + FEE },
      provider: { balance: FIL + paid - 2000n, locked: 1000n },
    });
    expect(await burnt()).to.equal(burntBefore + 2000n);
    expect((await net.market.listDeals()).map((d) => d.id)).to.deep.equal([c]);
  });

  it("test control explains what cannot be activated or terminated", async () => {
    const p = await proposalFor(net, ACCOUNTS[1]);
    const id = await net.market.publishDeal(p);
    expect(await failure(net.market.terminateDeal(id))).to.deep.include({ exitCode: 33 });
    expect((await failure(net.market.activateDeal(id, { epoch: (await net.epoch()) + 5n }))).message).to.contain("mine epochs first");
    await net.market.activateDeal(id);
    const again = await failure(net.market.activateDeal(id));
    expect(again).to.deep.include({ exitCode: 16 });
    expect(again.message).to.contain(`deal ${id} already activated`);
    expect(await failure(net.market.activateDeal(99n))).to.deep.include({ exitCode: 17 });
    await mineTo(p.endEpoch);
    expect((await failure(net.market.terminateDeal(id))).message).to.contain("can no longer be terminated");
  });

  it("SectorContentChanged: only the deal's own provider activates it, for the matching piece; contracts get 18", async () => {
    const p = await proposalFor(net, ACCOUNTS[1]);
    const id = await net.market.publishDeal(p);
    const piece = (cid = parseCid(PIECE_CID), size = 2048n, payload = encodeCbor(id)) => [[5n, p.endEpoch, [[cid, size, payload]]]];
    const other = await net.rpc.call<{ id: string }>("fevm_miners_create", { owner: ACCOUNTS[0] });
    const replies = async (from: bigint, params: unknown) => {
      const out = await net.sendAs(from, Method.SectorContentChangedExported, params as never);
      expect(out).to.include({ kind: "returned", exitCode: 0 });
      return decodeCbor((out as { ret: { data: Uint8Array } }).ret.data);
    };
    expect(await replies(BigInt(other.id), piece())).to.deep.equal([[false]]);
    expect(await replies(net.miner.id, piece(undefined, 4096n))).to.deep.equal([[false]]);
    expect(await replies(net.miner.id, piece(undefined, undefined, Uint8Array.of(0xff)))).to.deep.equal([[false]]);
    expect(await replies(net.miner.id, [[5n, p.endEpoch - 1n, piece()[0][2]]])).to.deep.equal([[false]]);
    expect((await net.market.getDeal(id)).state).to.equal(null);
    expect(await replies(net.miner.id, piece())).to.deep.equal([[true]]);
    expect((await net.market.getDeal(id)).state?.sectorNumber).to.equal(5n);
    expect((await client.query(Method.SectorContentChangedExported, cbor(piece()))).exitCode).to.equal(18);
  });

  it("SettleDealPayments from a contract answers [BatchReturn, settlements]; read-only it is 25", async () => {
    const p = await proposalFor(net, ACCOUNTS[1]);
    const id = await net.market.publishDeal(p);
    await net.market.activateDeal(id);
    await mineTo(p.startEpoch + 9n);
    const ids = cbor(encodeBitfield([id, 999n]));
    // Mined in the next block, 10 epochs after the start.
    const out = await client.transact(Method.SettleDealPaymentsExported, ids);
    expect(out.raw).to.equal(cbor([[1, [[1, 32]]], [[encodeBigIntBytes(10n * PRICE), false]]]));
    expect((await client.query(Method.SettleDealPaymentsExported, ids, { flags: 1 })).exitCode).to.equal(25);
    expect((await client.query(Method.SettleDealPaymentsExported, cbor(Uint8Array.of(0x0c, 0x00)))).exitCode).to.equal(21);
  });

  it("cron times out unactivated deals at their scheduled epoch and settles deals already settled once", async () => {
    const p = await proposalFor(net, ACCOUNTS[1], {}, 5n);
    const lapsed = await net.market.publishDeal(p);
    const active = await net.market.publishDeal({ ...p, label: "active" });
    await net.market.activateDeal(active);
    await mineTo(p.startEpoch + 9n);
    await net.market.settle([active]);
    const burntBefore = await burnt();
    const cron = 3n;
    // Deals are scheduled at the first epoch ≥ start whose residue mod 86400 is the id's.
    const tick = 86400n + active;
    expect(await net.sendAs(cron, Method.CronTick, null, { epoch: tick })).to.include({ exitCode: 0 });
    expect((await failure(net.market.getDeal(lapsed))).exitCode).to.equal(32);
    expect(await burnt()).to.equal(burntBefore + 1000n);
    expect(await balances()).to.deep.equal({
      client: { balance: FIL - PRICE * (tick - p.startEpoch), locked: 100n + FEE - PRICE * (tick - p.startEpoch) },
      provider: { balance: FIL - 1000n + PRICE * (tick - p.startEpoch), locked: 1000n },
    });
    expect((await net.market.getDeal(active)).state?.lastUpdatedEpoch).to.equal(tick);
    expect(await net.sendAs(net.miner.worker, Method.CronTick, null, { epoch: tick + 1n })).to.include({ exitCode: 18 });
    expect(await net.sendAs(cron, Method.CronTick, 1n, { epoch: tick + 1n })).to.include({ exitCode: 16 });
  });

  it("internal methods refuse contract callers (18)", async () => {
    const contractId = BigInt((await net.rpc.call<{ id: string }>("fevm_address", client.address)).id);
    expect(await net.sendAs(contractId, Method.OnMinerSectorsTerminate, [1n, encodeBitfield([1n])])).to.include({ exitCode: 18 });
    expect(await net.sendAs(contractId, Method.AddBalance, new Uint8Array(), { value: 0n })).to.include({ exitCode: 18 });
  });
});

import { expect } from "chai";
import { keccak256 } from "ethers";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { blake2b } from "@noble/hashes/blake2.js";
import {
  decodeCbor,
  encodeCbor,
  formatAddress,
  idAddress,
  secp256k1AddressFromPublicKey,
} from "../../../src/fil";
import { send as actorSend } from "../../../src/actors/send";
import { dealProposalCbor } from "../../../src/actors/market/types";
import { ACCOUNTS, asFil, Auth, cbor, FIL, fund, hexOf, marketNet, Method, MIN_DURATION, PIECE_CID, proposalFor, psd, raw, revertAfterEach, type ClientContract, type MarketNet } from "./support";
import type { RpcError } from "../provider/support";

/** The market's refusal of a test-control call: its message and exit code. */
async function refusal(p: Promise<unknown>): Promise<{ message: string; exitCode?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as RpcError;
    return { message: err.message, exitCode: (err.data as { exitCode?: number } | undefined)?.exitCode };
  }
  return expect.fail("the market accepted it");
}

describe("market PublishStorageDeals", function () {
  let net: MarketNet;
  let client: ClientContract;

  before(async () => {
    net = await marketNet();
    client = await net.deployClient(10n * FIL);
    await fund(net, ACCOUNTS[1]);
    await fund(net, client.address);
  });
  revertAfterEach(() => net);

  it("publishes for an EOA client: ids start at 1, the client locks fee + collateral, the provider its collateral", async () => {
    const p = await proposalFor(net, ACCOUNTS[1]);
    expect(await net.market.publishDeal(p)).to.equal(1n);
    expect(await net.market.publishDeal({ ...p, label: "second" })).to.equal(2n);
    expect(await net.market.getBalance(ACCOUNTS[1])).to.deep.equal({ balance: FIL, locked: 2n * (100n + 10n * MIN_DURATION) });
    expect(await net.market.getBalance(net.miner.address)).to.deep.equal({ balance: 2n * FIL, locked: 2000n });
    const deal = await net.market.getDeal(1n);
    const clientId = (await net.rpc.call<{ id: string }>("fevm_address", ACCOUNTS[1])).id;
    expect(deal.proposal).to.include({ client: `t0${clientId}`, provider: net.miner.address, pieceCid: PIECE_CID, label: "label", pieceSize: 2048n });
    expect(deal.state).to.equal(null);
    expect((await net.market.listDeals()).map((d) => d.id)).to.deep.equal([1n, 2n]);
  });

  it("drops a proposal that is already pending (16: all deal proposals invalid)", async () => {
    const p = await proposalFor(net, ACCOUNTS[1]);
    await net.market.publishDeal(p);
    const r = await refusal(net.market.publishDeal(p));
    expect(r.exitCode).to.equal(16);
    expect(r.message).to.contain("All deal proposals invalid").and.contain("duplicate deal proposal");
  });

  it("names the rule a proposal breaks, with exit 16", async () => {
    const now = await net.epoch();
    const cases: [string, Record<string, unknown>, string][] = [
      ["label", { label: "x".repeat(257) }, "label is 257 bytes; a deal label can be at most 256 bytes"],
      ["small piece", { pieceSize: 64n }, "piece size 64 is invalid: minimum piece size is 128 bytes"],
      ["odd piece", { pieceSize: 3000n }, "padded piece size must be a power of 2"],
      ["v2 piece CID", { pieceCid: "bafkzcibcaaces3nobte6ezpp4wqan2age2s5yxcatzotcvobhgcmv5wi2xh5mbi" }, "is not a v1 piece CID"],
      ["backwards", { startEpoch: now + 100n, endEpoch: now + 100n }, `end epoch ${now + 100n} is not after start epoch ${now + 100n}`],
      ["past start", { startEpoch: now - 1n, endEpoch: now - 1n + MIN_DURATION }, `start epoch ${now - 1n} is in the past (current ${now})`],
      ["short", { endEpoch: now + 100n + MIN_DURATION - 1n }, "duration 518399 epochs is out of bounds"],
      ["long", { endEpoch: now + 100n + 1278n * 2880n + 1n }, "duration 3680641 epochs is out of bounds"],
      ["price", { storagePricePerEpoch: 2_000_000_001n * FIL }, "storage price per epoch"],
      ["provider collateral", { providerCollateral: 2_000_000_001n * FIL }, "provider collateral"],
      ["client collateral", { clientCollateral: 2_000_000_001n * FIL }, "client collateral"],
      ["client escrow", { storagePricePerEpoch: FIL }, "insufficient client funds"],
      ["provider escrow", { providerCollateral: 3n * FIL }, "insufficient provider funds"],
    ];
    for (const [what, overrides, rule] of cases) {
      const r = await refusal(net.market.publishDeal(await proposalFor(net, ACCOUNTS[1], overrides)));
      expect(r.exitCode, what).to.equal(16);
      expect(r.message, what).to.contain(`All deal proposals invalid: deals[0]: `).and.contain(rule);
    }
    expect(await net.market.listDeals()).to.deep.equal([]);
  });

  it("test control refuses a provider that is not a miner, and a client the network does not know", async () => {
    expect((await refusal(net.market.publishDeal({ ...(await proposalFor(net, ACCOUNTS[1])), provider: ACCOUNTS[2] }))).message).to.contain("not a storage provider");
    const unknown = await refusal(net.market.publishDeal(await proposalFor(net, "0x00000000000000000000000000000000000000bb")));
    expect(unknown.message).to.contain("failed to resolve client address");
  });

  describe("a contract client", () => {
    it("is asked AuthenticateMessage read-only with the proposal as submitted, then told its deal id by MarketNotifyDeal", async () => {
      const p = await proposalFor(net, client.address);
      const submitted = encodeCbor(dealProposalCbor(raw(p)));
      await client.set("setAuth", [Auth.Expect, keccak256(encodeCbor([Uint8Array.of(0xde, 0xad), submitted]))]);
      const id = await net.market.publishDeal(p);
      expect(await client.get("notifications")).to.equal(1n);
      expect((await client.get("notifySender") as string).toLowerCase()).to.equal("0xff00000000000000000000000000000000000005");
      const contractId = BigInt((await net.rpc.call<{ id: string }>("fevm_address", client.address)).id);
      const normalised = encodeCbor(dealProposalCbor({ ...raw(p), client: idAddress(contractId), provider: idAddress(net.miner.id) }));
      expect(await client.get("notifyParams")).to.equal(hexOf(encodeCbor([normalised, id])));
    });

    it("loses the deal when it answers false, reverts, answers nothing, or writes state in AuthenticateMessage", async () => {
      const reasons: [number, string][] = [
        [Auth.Reject, "answered false to AuthenticateMessage"],
        [Auth.Revert, "send aborted with code 33"],
        [Auth.NoAnswer, "returned no value to AuthenticateMessage"],
        [Auth.Write, "send aborted with code 25"],
      ];
      for (const [mode, reason] of reasons) {
        await client.set("setAuth", [mode, `0x${"00".repeat(32)}`]);
        const r = await refusal(net.market.publishDeal(await proposalFor(net, client.address)));
        expect(r.exitCode, `mode ${mode}`).to.equal(16);
        expect(r.message, `mode ${mode}`).to.contain("proposal authentication failed").and.contain(reason);
      }
      expect(await client.get("notifications")).to.equal(0n);
    });

    it("aborts the whole publish with 16 when MarketNotifyDeal fails, leaving no trace", async () => {
      await client.set("setRefuseNotify", [true]);
      const r = await refusal(net.market.publishDeal(await proposalFor(net, client.address)));
      expect(r.exitCode).to.equal(16);
      expect(r.message).to.contain("failed to notify deal with proposal cid");
      expect(await net.market.listDeals()).to.deep.equal([]);
      expect((await net.market.getBalance(client.address)).locked).to.equal(0n);
      // The id was not used up either.
      await client.set("setRefuseNotify", [false]);
      expect(await net.market.publishDeal(await proposalFor(net, client.address))).to.equal(1n);
    });

    it("publishes its own deals once it is a control address of the provider; the reply is [[ids], RLE+ of valid inputs]", async () => {
      const created = await net.rpc.call<{ id: string; address: string }>("fevm_miners_create", { owner: ACCOUNTS[0], controlAddresses: [client.address] });
      await net.market.addBalance(created.address, FIL);
      const deal = async (overrides: Record<string, unknown>) => raw({ ...(await proposalFor(net, client.address, overrides)), provider: created.address });
      const one = await client.transact(Method.PublishStorageDealsExported, psd([await deal({})]));
      expect(one).to.include({ exitCode: 0, raw: "0x82810141" + "0c" });
      const three = await client.transact(Method.PublishStorageDealsExported, psd([await deal({ label: "a" }), await deal({ pieceSize: 100n }), await deal({ label: "c" })]));
      expect(three.exitCode).to.equal(0);
      expect(three.value).to.deep.equal([[2n, 3n], Uint8Array.of(0x3c)]);
    });

    it("may not publish for a provider it does not control (18)", async () => {
      const out = await client.transact(Method.PublishStorageDealsExported, psd([raw(await proposalFor(net, client.address))]));
      expect(out.exitCode).to.equal(18);
    });
  });

  it("checks the whole message first: empty (16), unknown provider (17), non-miner provider (16), bad signature bytes (21)", async () => {
    const p = raw(await proposalFor(net, client.address));
    expect((await client.query(Method.PublishStorageDealsExported, cbor([[]]))).exitCode).to.equal(16);
    expect((await client.query(Method.PublishStorageDealsExported, psd([{ ...p, provider: idAddress(99999n) }]))).exitCode).to.equal(17);
    expect((await client.query(Method.PublishStorageDealsExported, psd([{ ...p, provider: asFil("0x00000000000000000000000000000000000000cc") }]))).exitCode).to.equal(17);
    expect((await client.query(Method.PublishStorageDealsExported, psd([{ ...p, provider: asFil(ACCOUNTS[2]) }]))).exitCode).to.equal(16);
    expect((await client.query(Method.PublishStorageDealsExported, psd([p], Uint8Array.of(3, 1)))).exitCode).to.equal(21);
    const noSignature = cbor([[[dealProposalCbor(p), new Uint8Array()]]]);
    expect((await client.query(Method.PublishStorageDealsExported, noSignature)).exitCode).to.equal(21);
    expect((await client.query(Method.PublishStorageDealsExported, "0x")).exitCode).to.equal(16);
  });

  it("drops deals of a second provider in the same batch", async () => {
    const other = await net.rpc.call<{ address: string }>("fevm_miners_create", { owner: ACCOUNTS[0] });
    const a = raw(await proposalFor(net, client.address));
    const b = { ...raw(await proposalFor(net, client.address, { label: "b" })), provider: asFil(other.address) };
    const params = decodeCbor(Buffer.from(psd([a, b]).slice(2), "hex")) as never;
    const out = await net.sendAs(net.miner.worker, Method.PublishStorageDeals, params);
    expect(out).to.include({ kind: "returned", exitCode: 0 });
    expect(decodeCbor((out as { ret: { data: Uint8Array } }).ret.data)).to.deep.equal([[1n], Uint8Array.of(0x0c)]);
  });

  it("a client that fails AuthenticateMessage loses only its own deal in a batch", async () => {
    const eoaDeal = raw(await proposalFor(net, ACCOUNTS[1]));
    const contractDeal = raw(await proposalFor(net, client.address));
    const out = await net.sendAs(net.miner.worker, Method.PublishStorageDealsExported, decodeCbor(Buffer.from(psd([eoaDeal, contractDeal]).slice(2), "hex")) as never);
    expect(out).to.include({ kind: "returned", exitCode: 0 });
    expect(decodeCbor((out as { ret: { data: Uint8Array } }).ret.data)).to.deep.equal([[1n], Uint8Array.of(0x18)]);
    expect((await net.market.getBalance(ACCOUNTS[1])).locked).to.equal(0n);
  });

  it("authenticates an f1 account client by its signature, and drops a forged one", async () => {
    const key = secp256k1.utils.randomSecretKey();
    const f1 = secp256k1AddressFromPublicKey(secp256k1.getPublicKey(key, false));
    await net.chain.runAsSystem(async (evm) => {
      await actorSend({ evm, from: { id: 0n, kind: "system" }, to: f1, method: 0n, params: null, value: 0n, gasLimit: 0n, readOnly: false, depth: 0, epoch: 0n });
    });
    const name = formatAddress(f1, "t");
    await net.market.addBalance(name, FIL);
    const p = await proposalFor(net, name);
    const sign = (message: Uint8Array) => {
      const sig = secp256k1.sign(blake2b(message, { dkLen: 32 }), key, { prehash: false, format: "recovered" });
      return Uint8Array.of(1, ...sig.subarray(1), sig[0]);
    };
    const forged = await refusal(net.market.publishDeal({ ...p, clientSignature: sign(new TextEncoder().encode("something else")) }));
    expect(forged.message).to.contain("proposal authentication failed").and.contain("send aborted with code 16");
    const id = await net.market.publishDeal({ ...p, clientSignature: sign(encodeCbor(dealProposalCbor(raw(p)))) });
    expect((await net.market.getDeal(id)).proposal.label).to.equal("label");
  });

  it("an EOA (EthAccount) can never authenticate a proposal itself: with a signature the deal drops", async () => {
    const r = await refusal(net.market.publishDeal({ ...(await proposalFor(net, ACCOUNTS[1])), clientSignature: "0x01" + "00".repeat(65) }));
    expect(r.message).to.contain("returned no value to AuthenticateMessage");
  });

  it("a verified deal of a client without DataCap is dropped (16, insufficient DataCap)", async () => {
    const r = await refusal(net.market.publishDeal(await proposalFor(net, ACCOUNTS[1], { verifiedDeal: true })));
    expect(r.exitCode).to.equal(16);
    expect(r.message).to.contain("insufficient DataCap").and.contain("has 0 DataCap left");
  });
});

/**
 * The miner actor through @zondax/filecoin-solidity 4.0.3's MinerAPI: each function decodes what
 * the actor holds, and where filecoin-solidity-api returns an exit code (miner.test.ts), Zondax
 * reverts `ActorError(exitCode)`.
 */
import { expect } from "chai";
import type { EIP1193Provider } from "hardhat/types";
import { delegatedAddress, EAM_ACTOR_ID, idAddress } from "../../../src/fil";
import { createMinerHelpers } from "../../../src/helpers/miners";
import { ActorNetwork, ACCOUNTS, FIL, type Deployed } from "./actor-network";
import { blsKey, secpKey } from "./filecoin-keys";
import { addrHex, amountHex, idHex, MULTIADDR, MULTIADDR_BYTES, PEER_ID, PEER_ID_BYTES, startEachTestFromSnapshot, text } from "./miner-fixtures";

const SECOND_MULTIADDR = "/ip4/127.0.0.1/tcp/443";
const SECOND_MULTIADDR_BYTES = "0x047f0000010601bb";

describe("Miner actor through Zondax MinerAPI (4.0.3)", function () {
  const net = new ActorNetwork();
  const miners = createMinerHelpers(() => net.provider as unknown as EIP1193Provider);
  let owner: Deployed;
  let stranger: Deployed;
  let miner: bigint;
  let worker: bigint;
  const control = secpKey(81);

  /** The exit code `fn` ends with: 0 when the eth_call returns, else the code of the ActorError it reverts with. */
  async function exitOf(from: Deployed, fn: string, args: unknown[]): Promise<bigint> {
    try {
      await from.call(fn, args);
      return 0n;
    } catch {
      const error = await from.revert(fn, args);
      expect(error, `${fn} reverts ActorError`).to.have.property("name", "ActorError");
      return (error as { args: bigint[] }).args[0];
    }
  }
  /** The exit code of `fn`; on 0 the transaction that makes the change is mined too. */
  async function change(from: Deployed, fn: string, args: unknown[]): Promise<bigint> {
    const exit = await exitOf(from, fn, args);
    if (exit === 0n) await from.send(fn, args);
    return exit;
  }
  const fund = (amount: bigint) => net.nativeSend({ from: 100n, to: idAddress(miner), method: 0n, value: amount });

  before(async function () {
    owner = await net.deploy("MinerCallerZondax");
    stranger = await net.deploy("MinerCallerZondax");
    await net.nativeSend({ from: 100n, to: control.address, method: 0n, value: 1n });
    const created = await miners.create({ owner: owner.address, controlAddresses: [text(control.address)], peerId: PEER_ID, multiaddrs: [MULTIADDR, SECOND_MULTIADDR] });
    miner = created.id;
    worker = BigInt((await miners.get(miner)).worker.slice(2));
  });

  describe("getters", function () {
    it("getOwner: the owner's ID address, and an empty proposed address when the actor answers null", async function () {
      const { owner: current, proposed } = await owner.call("getOwner", [miner]).then((r) => r[0]);
      expect([current.data, proposed.data]).to.deep.equal([idHex(owner.id), "0x"]);
    });

    it("isControllingAddress: true for owner, worker and control addresses, false for others", async function () {
      const check = async (address: string) => (await stranger.call("isControllingAddress", [miner, address]))[0];
      expect(await check(idHex(owner.id))).to.equal(true);
      expect(await check(idHex(worker))).to.equal(true);
      expect(await check(addrHex(control.address))).to.equal(true);
      expect(await check(idHex(stranger.id))).to.equal(false);
      expect(await check(addrHex(secpKey(82).address))).to.equal(false);
    });

    it("getSectorSize, getPeerId and getMultiaddresses return what the miner was created with", async function () {
      expect((await owner.call("getSectorSize", [miner]))[0]).to.equal((await miners.get(miner)).sectorSize);
      expect((await owner.call("getPeerId", [miner]))[0]).to.equal(PEER_ID_BYTES);
      const [multiaddrs] = await owner.call("getMultiaddresses", [miner]);
      expect(multiaddrs.map((m: { data: string }) => m.data)).to.deep.equal([MULTIADDR_BYTES, SECOND_MULTIADDR_BYTES]);
    });

    it("getAvailableBalance is the miner's balance (zero as empty bytes); getVestingFunds is empty", async function () {
      const [zero] = await owner.call("getAvailableBalance", [miner]);
      expect([zero.val, zero.neg]).to.deep.equal(["0x", false]);
      await fund(3n * FIL);
      expect((await owner.call("getAvailableBalance", [miner]))[0].val).to.equal(amountHex((await miners.get(miner)).balance));
      expect((await owner.call("getVestingFunds", [miner]))[0]).to.deep.equal([]);
    });

    it("getBeneficiary: the owner with an empty term, and no proposal", async function () {
      const [{ active, proposed }] = await owner.call("getBeneficiary", [miner]);
      expect([active.beneficiary.data, active.term.quota.val, active.term.used_quota.val, active.term.expiration]).to.deep.equal([idHex(owner.id), "0x", "0x", 0n]);
      expect([proposed.new_beneficiary.data, proposed.approved_by_beneficiary]).to.deep.equal(["0x", false]);
    });

    it("a miner id with no actor is ActorError(-6, NotFound); a singleton id is refused by the library (InvalidActorID)", async function () {
      expect(await exitOf(owner, "getOwner", [987654n])).to.equal(-6n);
      expect(await owner.revert("getSectorSize", [4n])).to.deep.equal({ name: "InvalidActorID", args: [4n] });
    });

    it("an account is no miner, yet answers every exported method 0 with no return: getters revert decoding nothing, getAvailableBalance reads 0", async function () {
      // EthAccount's fallback accepts any method number >= 2^24 and returns nothing, as on chain.
      const account = await net.actorId(ACCOUNTS[1]);
      expect(await owner.revert("getOwner", [account])).to.deep.equal({ name: "Error", args: ["slicing out of range"] });
      expect((await owner.call("getAvailableBalance", [account]))[0].val).to.equal("0x");
    });

    it("a malformed address is ActorError(21): the actor cannot read its params", async function () {
      expect(await exitOf(owner, "isControllingAddress", [miner, "0x0909"])).to.equal(21n);
    });
  });

  describe("changes (each test starts from the same state)", function () {
    startEachTestFromSnapshot(net);

    it("changePeerId and changeMultiaddresses: owner, worker or control address only (18), within the size limits (16)", async function () {
      const newPeer = "0x" + "cd".repeat(34);
      expect(await change(stranger, "changePeerId", [miner, newPeer])).to.equal(18n);
      expect(await change(owner, "changePeerId", [miner, "0x" + "cd".repeat(129)])).to.equal(16n);
      expect(await change(owner, "changePeerId", [miner, newPeer])).to.equal(0n);
      expect([(await owner.call("getPeerId", [miner]))[0], (await miners.get(miner)).peerId]).to.deep.equal([newPeer, newPeer]);

      expect(await change(stranger, "changeMultiaddresses", [miner, [MULTIADDR_BYTES]])).to.equal(18n);
      expect(await change(owner, "changeMultiaddresses", [miner, [MULTIADDR_BYTES, "0x"]])).to.equal(16n);
      expect(await change(owner, "changeMultiaddresses", [miner, [SECOND_MULTIADDR_BYTES]])).to.equal(0n);
      expect((await miners.get(miner)).multiaddrs).to.deep.equal([SECOND_MULTIADDR]);
      expect((await owner.call("getMultiaddresses", [miner]))[0].map((m: { data: string }) => m.data)).to.deep.equal([SECOND_MULTIADDR_BYTES]);
    });

    it("repayDebt: owner, worker or control address only (18); there is no debt to repay", async function () {
      expect(await change(stranger, "repayDebt", [miner])).to.equal(18n);
      expect(await change(owner, "repayDebt", [miner])).to.equal(0n);
    });

    it("changeWorkerAddress (owner only) sets control addresses at once and the worker after 900 epochs, on confirmation", async function () {
      const newWorker = blsKey(83).address;
      await net.nativeSend({ from: 100n, to: newWorker, method: 0n, value: 1n });
      const args = [miner, addrHex(newWorker), [idHex(stranger.id)]];
      expect(await change(stranger, "changeWorkerAddress", args)).to.equal(18n);
      expect(await change(owner, "changeWorkerAddress", [miner, addrHex(control.address), []])).to.equal(16n);
      expect(await change(owner, "changeWorkerAddress", args)).to.equal(0n);
      expect((await stranger.call("isControllingAddress", [miner, idHex(stranger.id)]))[0]).to.equal(true);
      expect((await stranger.call("isControllingAddress", [miner, addrHex(control.address)]))[0]).to.equal(false);

      expect(await change(stranger, "confirmChangeWorkerAddress", [miner])).to.equal(18n);
      expect(await change(owner, "confirmChangeWorkerAddress", [miner])).to.equal(0n);
      expect((await miners.get(miner)).worker).to.equal(`t0${worker}`);
      await net.rpc("fevm_mineEpochs", 900);
      expect(await change(owner, "confirmChangeWorkerAddress", [miner])).to.equal(0n);
      const after = await miners.get(miner);
      expect([after.worker, after.pendingWorker]).to.deep.equal([text(idAddress(await net.actorId(text(newWorker)))), null]);
      expect((await owner.call("isControllingAddress", [miner, addrHex(newWorker)]))[0]).to.equal(true);
    });

    it("changeOwnerAddress proposes (owner only, 18; ID addresses only, 16) and confirms from the proposed address", async function () {
      const f410 = addrHex(delegatedAddress(EAM_ACTOR_ID, Buffer.from(stranger.address.slice(2), "hex")));
      expect(await change(owner, "changeOwnerAddress", [miner, f410])).to.equal(16n);
      expect(await change(stranger, "changeOwnerAddress", [miner, idHex(stranger.id)])).to.equal(18n);
      expect(await change(owner, "changeOwnerAddress", [miner, idHex(stranger.id)])).to.equal(0n);
      const pending = (await owner.call("getOwner", [miner]))[0];
      expect([pending.owner.data, pending.proposed.data]).to.deep.equal([idHex(owner.id), idHex(stranger.id)]);
      expect(await change(stranger, "changeOwnerAddress", [miner, idHex(stranger.id)])).to.equal(0n);
      const after = (await owner.call("getOwner", [miner]))[0];
      expect([after.owner.data, after.proposed.data]).to.deep.equal([idHex(stranger.id), "0x"]);
      expect((await miners.get(miner)).owner).to.equal(`t0${stranger.id}`);
      expect(await change(owner, "changePeerId", [miner, "0x01"])).to.equal(18n);
    });

    it("changeBeneficiary (FIP-0029): getBeneficiary decodes the proposal and the new term; withdrawBalance keeps to the quota", async function () {
      await fund(5n * FIL);
      const expiration = BigInt(await net.rpc<string>("eth_blockNumber")) + 10_000n;
      const proposal = [miner, idHex(stranger.id), amountHex(FIL), expiration];
      expect(await change(stranger, "changeBeneficiary", proposal)).to.equal(18n);
      expect(await change(owner, "changeBeneficiary", [miner, idHex(owner.id), amountHex(FIL), 0n])).to.equal(16n);
      expect(await change(owner, "changeBeneficiary", proposal)).to.equal(0n);
      const { proposed } = (await owner.call("getBeneficiary", [miner]))[0];
      expect([proposed.new_beneficiary.data, proposed.new_quota.val, proposed.new_expiration, proposed.approved_by_beneficiary, proposed.approved_by_nominee])
        .to.deep.equal([idHex(stranger.id), amountHex(FIL), expiration, true, false]);
      expect(await change(stranger, "changeBeneficiary", proposal)).to.equal(0n);

      expect((await stranger.call("withdrawBalance", [miner, amountHex(3n * FIL)]))[0].val).to.equal(amountHex(FIL));
      await stranger.send("withdrawBalance", [miner, amountHex(3n * FIL)]);
      expect(await exitOf(stranger, "withdrawBalance", [miner, amountHex(FIL)])).to.equal(18n);
      const { active } = (await owner.call("getBeneficiary", [miner]))[0];
      const held = await miners.get(miner);
      expect([active.beneficiary.data, active.term.quota.val, active.term.used_quota.val, active.term.expiration])
        .to.deep.equal([idHex(stranger.id), amountHex(held.beneficiaryTerm.quota), amountHex(held.beneficiaryTerm.usedQuota), held.beneficiaryTerm.expiration]);
      expect(held.beneficiaryTerm.usedQuota).to.equal(FIL);
    });

    it("withdrawBalance: owner or beneficiary only (18); pays at most the balance", async function () {
      await fund(2n * FIL);
      const balance = (await miners.get(miner)).balance;
      expect(await exitOf(stranger, "withdrawBalance", [miner, amountHex(FIL)])).to.equal(18n);
      expect((await owner.call("withdrawBalance", [miner, amountHex(balance + FIL)]))[0].val).to.equal(amountHex(balance));
      const before = await net.balance(owner.address);
      await owner.send("withdrawBalance", [miner, amountHex(balance + FIL)]);
      expect(await net.balance(owner.address)).to.equal(before + balance);
      expect((await owner.call("getAvailableBalance", [miner]))[0].val).to.equal("0x");
    });
  });
});

/**
 * The miner actor as storage providers and SP-finance contracts use it: created from the config
 * (genesis, ids from 1000) or by test control, read and changed through filecoin-solidity-api's
 * MinerAPI from contracts, with the real caller checks and exit codes.
 */
import { expect } from "chai";
import type { Result } from "ethers";
import type { EIP1193Provider } from "hardhat/types";
import type { SendOutcome } from "../../../src/actors/outcome";
import { addressToBytes, decodeCbor, delegatedAddress, EAM_ACTOR_ID, ExitCode, idAddress, MinerMethod } from "../../../src/fil";
import { createMinerHelpers } from "../../../src/helpers/miners";
import type { MinerJson } from "../../../src/provider/methods/fevm-miners";
import { ActorNetwork, ACCOUNTS, FIL, type Deployed } from "./actor-network";
import { blsKey, secpKey } from "./filecoin-keys";
import { addrHex, amountHex, idHex, MULTIADDR, MULTIADDR_BYTES, PEER_ID, PEER_ID_BYTES, startEachTestFromSnapshot, text } from "./miner-fixtures";

function exitOf(outcome: SendOutcome): number {
  expect(outcome.kind, "the send itself succeeded").to.equal("returned");
  return outcome.kind === "returned" ? outcome.exitCode : -1;
}

describe("Miner actor", function () {
  const net = new ActorNetwork({
    miners: [{ peerId: PEER_ID, multiaddrs: [MULTIADDR, "/dns4/sp.example.com/tcp/443/wss"], sectorSize: 2048 }, { owner: ACCOUNTS[1] }],
  });
  const miners = createMinerHelpers(() => net.provider as unknown as EIP1193Provider);
  let owner: Deployed;
  let stranger: Deployed;
  let miner: bigint;
  let worker: bigint;
  const control = secpKey(61);
  let controlId: bigint;

  const get = (id: bigint) => net.rpc<MinerJson>("fevm_miners_get", id.toString());
  /** eth_call for the exit code, then the transaction that makes the change. */
  async function change(from: Deployed, fn: string, args: unknown[]): Promise<bigint> {
    const [exit] = await from.call(fn, args);
    if (exit === 0n) await from.send(fn, args);
    return exit as bigint;
  }

  before(async function () {
    owner = await net.deploy("MinerCallerPL");
    stranger = await net.deploy("MinerCallerPL");
    await net.nativeSend({ from: 100n, to: control.address, method: 0n, value: 1n });
    controlId = await net.actorId(text(control.address));
    const created = await miners.create({ owner: owner.address, controlAddresses: [text(control.address)], peerId: PEER_ID, multiaddrs: [MULTIADDR] });
    miner = created.id;
    worker = BigInt((await get(miner)).worker.slice(2));
  });

  describe("creation", function () {
    it("genesis miners from fevm.miners take ids 1000, 1001, … before any other actor, owned by the first account by default", async function () {
      const first = await get(1000n);
      expect(first).to.include({ address: "t01000", maskedAddress: "0xff000000000000000000000000000000000003e8", owner: "t0100", beneficiary: "t0100" });
      expect(first).to.include({ sectorSize: "2048", windowPoStProofType: 10, peerId: PEER_ID });
      expect(first.multiaddrs).to.deep.equal([MULTIADDR, "/dns4/sp.example.com/tcp/443/wss"]);
      expect(first.robustAddress).to.match(/^t2/);
      const second = await get(1001n);
      expect(second).to.include({ owner: "t0101", sectorSize: "34359738368", windowPoStProofType: 13 });
      // Their generated BLS workers come right after them; everything created later after those.
      for (const m of [first, second]) {
        const forms = await net.rpc<{ kind: string; robust: string }>("fevm_address", m.worker);
        expect(forms.kind).to.equal("account");
        expect(forms.robust).to.match(/^t3/);
      }
      expect([first.worker, second.worker]).to.deep.equal(["t01002", "t01003"]);
      expect(owner.id > 1003n).to.equal(true);
    });

    it("hre.fevm.miners.create makes a miner at the next id with a generated BLS worker; get shows its info", async function () {
      const view = await miners.get(miner);
      expect(view.id).to.equal(miner);
      expect(view.address).to.equal(`t0${miner}`);
      expect(view.owner).to.equal(`t0${owner.id}`);
      expect(view.controlAddresses).to.deep.equal([`t0${controlId}`]);
      expect(view.sectorSize).to.equal(34359738368n);
      expect(view.beneficiaryTerm).to.deep.equal({ quota: 0n, usedQuota: 0n, expiration: 0n });
      expect(view.balance).to.equal(0n);
      expect((await net.rpc<{ kind: string; robust: string }>("fevm_address", view.worker)).robust).to.match(/^t3/);
      expect(await miners.get(view.maskedAddress)).to.deep.equal(view);
    });

    it("a BLS owner is its own worker; a worker that is not a BLS account is refused", async function () {
      const f3 = blsKey(62).address;
      const created = await miners.create({ owner: text(f3) });
      const view = await miners.get(created.id);
      expect(view.worker).to.equal(view.owner);
      const error = await net.rpcError("fevm_miners_create", { owner: ACCOUNTS[0], worker: ACCOUNTS[2] });
      expect(error.code).to.equal(-32602);
      expect(error.message).to.contain("worker must be a BLS (t3) account");
    });

    it("fevm_miners_create names the option that is wrong", async function () {
      const cases: [Record<string, unknown>, string][] = [
        [{ owner: ACCOUNTS[0], sectorSize: 4096 }, "sectorSize 4096 is not a sector size"],
        [{ owner: ACCOUNTS[0], multiaddrs: ["/ip4/300.1.1.1/tcp/1"] }, "multiaddrs"],
        [{ owner: ACCOUNTS[0], peerId: "not-a-peer-id" }, "peerId"],
        [{ owner: "t2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }, "owner"],
        [{ owner: ACCOUNTS[0], controlAddresses: Array.from({ length: 11 }, () => ACCOUNTS[1]) }, "at most 10"],
        [{ owner: ACCOUNTS[0], colour: "blue" }, "unknown option colour"],
        [{}, "owner is required"],
      ];
      for (const [options, expected] of cases) {
        const error = await net.rpcError("fevm_miners_create", options);
        expect(error.code, JSON.stringify(options)).to.equal(-32602);
        expect(error.message).to.contain(expected);
      }
      expect((await net.rpcError("fevm_miners_get", ACCOUNTS[0])).message).to.contain("is a ethaccount actor, not a miner");
    });

    it("a bad genesis miner in the config stops the network with the config key and the problem", async function () {
      const broken = new ActorNetwork({ miners: [{}, { multiaddrs: ["/ip4/1.2.3.4/tcp"] }] });
      const error = await broken.rpcError("eth_blockNumber");
      expect(error.message).to.contain("fevm.miners[1]: multiaddrs").and.contain("/tcp needs a value");
    });
  });

  describe("getters through MinerAPI (read-only calls)", function () {
    it("getOwner: the owner's ID address and no proposal", async function () {
      const [exit, ret] = await owner.call("getOwner", [miner]);
      expect(exit).to.equal(0n);
      expect([ret.owner.data, ret.proposed.data]).to.deep.equal([idHex(owner.id), "0x"]);
    });

    it("isControllingAddress: true for owner, worker and control addresses, false for others and unknown addresses", async function () {
      const check = async (address: string) => {
        const [exit, result] = await stranger.call("isControllingAddress", [miner, address]);
        expect(exit).to.equal(0n);
        return result;
      };
      expect(await check(idHex(owner.id))).to.equal(true);
      expect(await check(idHex(worker))).to.equal(true);
      expect(await check(addrHex(control.address))).to.equal(true);
      expect(await check(idHex(stranger.id))).to.equal(false);
      expect(await check(addrHex(secpKey(63).address))).to.equal(false);
    });

    it("getSectorSize, getPeerId and getMultiaddresses return what the miner was created with", async function () {
      expect([...(await owner.call("getSectorSize", [miner]))]).to.deep.equal([0n, 34359738368n]);
      const [, peer] = await owner.call("getPeerId", [miner]);
      expect(peer).to.equal(PEER_ID_BYTES);
      const [, multiaddrs] = await owner.call("getMultiaddresses", [miner]);
      expect(multiaddrs.map((m: Result) => m.data)).to.deep.equal([MULTIADDR_BYTES]);
    });

    it("getAvailableBalance is the miner's whole balance and getVestingFunds is empty (no sectors, no rewards)", async function () {
      const [exit, zero] = await owner.call("getAvailableBalance", [miner]);
      expect([exit, zero.val, zero.neg]).to.deep.equal([0n, "0x", false]);
      expect(exitOf(await net.nativeSend({ from: 100n, to: idAddress(miner), method: 0n, value: 3n * FIL }))).to.equal(0);
      const [, balance] = await owner.call("getAvailableBalance", [miner]);
      expect(balance.val).to.equal(amountHex(3n * FIL));
      expect([...(await owner.call("getVestingFunds", [miner]))]).to.deep.equal([0n, []]);
    });

    it("getBeneficiary: the owner, with an empty term and no proposal", async function () {
      const [exit, ret] = await owner.call("getBeneficiary", [miner]);
      expect(exit).to.equal(0n);
      expect(ret.active.beneficiary.data).to.equal(idHex(owner.id));
      expect([ret.active.term.expiration, ret.proposed.new_beneficiary.data]).to.deep.equal([0n, "0x"]);
    });

    it("an account is no miner, yet answers every exported method 0 with no return: getters revert decoding nothing, getAvailableBalance reads 0", async function () {
      const account = await net.actorId(ACCOUNTS[1]);
      const error = await net.rpcError("eth_call", { to: owner.address, data: owner.wrapper.iface.encodeFunctionData("getOwner", [account]) }, "latest");
      expect(error.message).to.contain("slicing out of range");
      const [exit, balance] = await owner.call("getAvailableBalance", [account]);
      expect([exit, balance.val]).to.deep.equal([0n, "0x"]);
    });
  });

  describe("changes (each test starts from the same state)", function () {
    startEachTestFromSnapshot(net);

    it("changePeerId and changeMultiaddresses: owner, worker or control address only (18), within the size limits (16)", async function () {
      const newPeer = "0x" + "ab".repeat(34);
      expect(await change(stranger, "changePeerId", [miner, newPeer])).to.equal(18n);
      expect(await change(owner, "changePeerId", [miner, "0x" + "ab".repeat(129)])).to.equal(16n);
      expect(await change(owner, "changePeerId", [miner, newPeer])).to.equal(0n);
      expect((await owner.call("getPeerId", [miner]))[1]).to.equal(newPeer);

      expect(await change(stranger, "changeMultiaddresses", [miner, [MULTIADDR_BYTES]])).to.equal(18n);
      expect(await change(owner, "changeMultiaddresses", [miner, [MULTIADDR_BYTES, "0x"]])).to.equal(16n);
      expect(await change(owner, "changeMultiaddresses", [miner, Array.from({ length: 129 }, () => MULTIADDR_BYTES)])).to.equal(16n);
      expect(await change(owner, "changeMultiaddresses", [miner, [MULTIADDR_BYTES, "0x047f0000010601bb"]])).to.equal(0n);
      expect((await get(miner)).multiaddrs).to.deep.equal([MULTIADDR, "/ip4/127.0.0.1/tcp/443"]);
    });

    it("repayDebt: owner, worker or control address only; there is no debt to repay", async function () {
      expect(await change(stranger, "repayDebt", [miner])).to.equal(18n);
      expect(await change(owner, "repayDebt", [miner])).to.equal(0n);
    });

    it("changeWorkerAddress (owner only) sets control addresses at once and the worker after 900 epochs, on confirmation", async function () {
      const newWorker = blsKey(64).address;
      await net.nativeSend({ from: 100n, to: newWorker, method: 0n, value: 1n });
      const args = [miner, addrHex(newWorker), [idHex(stranger.id)]];
      expect(await change(stranger, "changeWorkerAddress", args)).to.equal(18n);
      expect(await change(owner, "changeWorkerAddress", args)).to.equal(0n);
      expect((await stranger.call("isControllingAddress", [miner, idHex(stranger.id)]))[1]).to.equal(true);
      expect((await owner.call("isControllingAddress", [miner, addrHex(control.address)]))[1]).to.equal(false);
      const epoch = BigInt(await net.rpc<string>("eth_blockNumber"));
      const pending = (await get(miner)).pendingWorker!;
      expect(pending).to.deep.equal({ address: text(idAddress(await net.actorId(text(newWorker)))), effectiveAt: (epoch + 900n).toString() });

      expect(await change(owner, "confirmChangeWorkerAddress", [miner])).to.equal(0n);
      expect((await get(miner)).worker).to.equal(`t0${worker}`);
      expect(await change(stranger, "confirmChangeWorkerAddress", [miner])).to.equal(18n);
      await net.rpc("fevm_mineEpochs", 900);
      expect(await change(owner, "confirmChangeWorkerAddress", [miner])).to.equal(0n);
      const after = await get(miner);
      expect([after.worker, after.pendingWorker]).to.deep.equal([pending.address, null]);
    });

    it("changeWorkerAddress refuses (16) a worker that is not a BLS account, an unknown control address or more than 10", async function () {
      const f1Worker = addrHex(control.address);
      expect(await change(owner, "changeWorkerAddress", [miner, f1Worker, []])).to.equal(16n);
      expect(await change(owner, "changeWorkerAddress", [miner, idHex(owner.id), []])).to.equal(16n);
      expect(await change(owner, "changeWorkerAddress", [miner, idHex(worker), [addrHex(secpKey(65).address)]])).to.equal(16n);
      expect(await change(owner, "changeWorkerAddress", [miner, idHex(worker), Array.from({ length: 11 }, () => idHex(owner.id))])).to.equal(16n);
      expect(await change(owner, "changeWorkerAddress", [miner, idHex(worker), []])).to.equal(0n);
      expect((await get(miner)).controlAddresses).to.deep.equal([]);
    });

    it("changeOwnerAddress: the owner proposes an ID address, the proposed address confirms; the beneficiary follows", async function () {
      const f410 = addrHex(delegatedAddress(EAM_ACTOR_ID, Buffer.from(stranger.address.slice(2), "hex")));
      expect(await change(owner, "changeOwnerAddress", [miner, f410])).to.equal(16n);
      expect(await change(stranger, "changeOwnerAddress", [miner, idHex(stranger.id)])).to.equal(18n);
      expect(await change(owner, "changeOwnerAddress", [miner, idHex(stranger.id)])).to.equal(0n);
      expect((await owner.call("getOwner", [miner]))[1].proposed.data).to.equal(idHex(stranger.id));
      expect(await change(stranger, "changeOwnerAddress", [miner, idHex(owner.id)])).to.equal(16n);
      expect(await change(stranger, "changeOwnerAddress", [miner, idHex(stranger.id)])).to.equal(0n);
      const after = await get(miner);
      expect([after.owner, after.pendingOwner, after.beneficiary]).to.deep.equal([`t0${stranger.id}`, null, `t0${stranger.id}`]);
      expect(await change(owner, "changePeerId", [miner, "0x01"])).to.equal(18n);
    });

    it("changeBeneficiary (FIP-0029): owner proposes, nominee approves; withdrawBalance then respects the quota", async function () {
      expect(exitOf(await net.nativeSend({ from: 100n, to: idAddress(miner), method: 0n, value: 5n * FIL }))).to.equal(0);
      const expiration = BigInt(await net.rpc<string>("eth_blockNumber")) + 10_000n;
      const proposal = [miner, idHex(stranger.id), amountHex(FIL), expiration];
      expect(await change(stranger, "changeBeneficiary", proposal)).to.equal(18n);
      expect(await change(owner, "changeBeneficiary", [miner, idHex(owner.id), amountHex(FIL), 0n])).to.equal(16n);
      expect(await change(owner, "changeBeneficiary", proposal)).to.equal(0n);
      const proposed = (await owner.call("getBeneficiary", [miner]))[1].proposed;
      expect([proposed.new_beneficiary.data, proposed.approved_by_beneficiary, proposed.approved_by_nominee]).to.deep.equal([idHex(stranger.id), true, false]);
      expect(await change(stranger, "changeBeneficiary", [miner, idHex(stranger.id), amountHex(2n * FIL), expiration])).to.equal(16n);
      expect(await change(stranger, "changeBeneficiary", proposal)).to.equal(0n);
      const view = await miners.get(miner);
      expect([view.beneficiary, view.beneficiaryTerm, view.pendingBeneficiary]).to.deep.equal([`t0${stranger.id}`, { quota: FIL, usedQuota: 0n, expiration }, null]);

      // The beneficiary withdraws at most its quota; afterwards it is depleted (18).
      const before = await net.balance(stranger.address);
      const [exit, withdrawn] = await stranger.call("withdrawBalance", [miner, amountHex(3n * FIL)]);
      expect([exit, withdrawn.val]).to.deep.equal([0n, amountHex(FIL)]);
      await stranger.send("withdrawBalance", [miner, amountHex(3n * FIL)]);
      expect(await net.balance(stranger.address)).to.equal(before + FIL);
      expect((await stranger.call("withdrawBalance", [miner, amountHex(FIL)]))[0]).to.equal(18n);
      expect((await miners.get(miner)).beneficiaryTerm.usedQuota).to.equal(FIL);
    });

    it("withdrawBalance: owner or beneficiary only (18); pays at most the balance to the beneficiary", async function () {
      expect(exitOf(await net.nativeSend({ from: 100n, to: idAddress(miner), method: 0n, value: 2n * FIL }))).to.equal(0);
      const balance = (await miners.get(miner)).balance;
      expect((await stranger.call("withdrawBalance", [miner, amountHex(FIL)]))[0]).to.equal(18n);
      const before = await net.balance(owner.address);
      const [exit, withdrawn] = await owner.call("withdrawBalance", [miner, amountHex(balance + FIL)]);
      expect([exit, withdrawn.val]).to.deep.equal([0n, amountHex(balance)]);
      await owner.send("withdrawBalance", [miner, amountHex(balance + FIL)]);
      expect(await net.balance(owner.address)).to.equal(before + balance);
      expect((await miners.get(miner)).balance).to.equal(0n);
    });

    it("evm_revert restores the miner's state like contract storage", async function () {
      const inner = await net.rpc<string>("evm_snapshot");
      expect(await change(owner, "changePeerId", [miner, "0x0102"])).to.equal(0n);
      expect((await get(miner)).peerId).to.equal("0x0102");
      await net.rpc("evm_revert", inner);
      expect((await get(miner)).peerId).to.equal(PEER_ID);
    });
  });

  describe("dispatch rules", function () {
    const send = (from: bigint, method: bigint, params?: unknown, readOnly = false) =>
      net.nativeSend({ from, to: idAddress(miner), method, params: params as never, readOnly });

    it("a change in a read-only call aborts 25 after the caller check; getters answer read-only", async function () {
      expect(exitOf(await send(owner.id, MinerMethod.ChangePeerIDExported, [new Uint8Array([1])], true))).to.equal(ExitCode.USR_READ_ONLY);
      expect(exitOf(await send(stranger.id, MinerMethod.ChangePeerIDExported, [new Uint8Array([1])], true))).to.equal(ExitCode.USR_FORBIDDEN);
      expect(exitOf(await send(owner.id, MinerMethod.ConfirmChangeWorkerAddressExported, undefined, true))).to.equal(ExitCode.USR_READ_ONLY);
      expect(exitOf(await send(stranger.id, MinerMethod.GetOwnerExported, undefined, true))).to.equal(0);
    });

    it("params: none for a method that needs them or some for one that takes none is 16, the wrong shape 21", async function () {
      expect(exitOf(await send(owner.id, MinerMethod.ChangePeerIDExported))).to.equal(ExitCode.USR_ILLEGAL_ARGUMENT);
      expect(exitOf(await send(owner.id, MinerMethod.GetOwnerExported, []))).to.equal(ExitCode.USR_ILLEGAL_ARGUMENT);
      expect(exitOf(await send(owner.id, MinerMethod.ChangePeerIDExported, [1n]))).to.equal(ExitCode.USR_SERIALIZATION);
      expect(exitOf(await send(owner.id, MinerMethod.IsControllingAddressExported, new Uint8Array([9, 9])))).to.equal(ExitCode.USR_SERIALIZATION);
    });

    it("ControlAddresses (2) answers builtin actors [owner, worker, [controls]] and refuses contracts (18)", async function () {
      const outcome = await send(5n, MinerMethod.ControlAddresses);
      expect(exitOf(outcome)).to.equal(0);
      const ret = outcome.kind === "returned" && outcome.ret ? decodeCbor(outcome.ret.data) : undefined;
      expect(ret).to.deep.equal([addressToBytes(idAddress(owner.id)), addressToBytes(idAddress(worker)), [addressToBytes(idAddress(controlId))]]);
      expect(exitOf(await send(owner.id, MinerMethod.ControlAddresses))).to.equal(ExitCode.USR_FORBIDDEN);
    });

    it("methods the emulator does not model answer 22: Window PoSt, legacy prove-commit, replica updates", async function () {
      expect(exitOf(await send(100n, MinerMethod.SubmitWindowedPoSt))).to.equal(ExitCode.USR_UNHANDLED_MESSAGE);
      expect(exitOf(await send(100n, MinerMethod.ProveReplicaUpdates3))).to.equal(ExitCode.USR_UNHANDLED_MESSAGE);
    });
  });
});

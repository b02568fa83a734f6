/**
 * SELFDESTRUCT with the FEVM's tombstone semantics, not EIP-6780 (spec fevm-semantics §2.7, §8
 * item 10): the balance goes to the beneficiary without running its code, a masked id of no actor
 * makes it fail, the contract keeps working until the transaction ends and is dead afterwards —
 * no code, no storage, calls succeed doing nothing — until CREATE2 deploys it again.
 */
import { expect } from "chai";
import { bytesToHex, KECCAK256_NULL } from "@ethereumjs/util";
import { maskedIdAddress } from "../../../src/fil";
import { ACCOUNTS, actorAt, balance, conformance, deploy, fevmAt, maskedAddressOf, read, write } from "./support";

const SALT = `0x${"5a".padStart(64, "0")}`;
const ZERO_WORD = `0x${"0".repeat(64)}`;
const EMPTY_CODE_HASH = bytesToHex(KECCAK256_NULL);

describe("FEVM SELFDESTRUCT", function () {
  const { Destructible, DestructibleFactory, PaymentRefuser } = conformance("SelfDestruct");
  const { CallProbe } = conformance("Calls");

  /** A Destructible holding 1000 attoFIL with counter = 1, deployed by a factory at a CREATE2 address. */
  async function setup(networkVersion: number) {
    const rpc = fevmAt(networkVersion);
    const factory = await deploy(rpc, DestructibleFactory);
    const [target] = (await read(rpc, DestructibleFactory, factory, "deploy", [SALT])) as string[];
    await write(rpc, DestructibleFactory, factory, "deploy", [SALT], 1000n);
    await write(rpc, Destructible, target, "bump");
    return { rpc, factory, target: target.toLowerCase() };
  }

  for (const nv of [23, 25, 28]) {
    it(`at nv${nv}, a contract created in an earlier transaction dies at the end of the one that destroys it`, async function () {
      const { rpc, factory, target } = await setup(nv);
      const beneficiary = ACCOUNTS[3];
      const before = await balance(rpc, beneficiary);
      const [inSameTx] = await read(rpc, DestructibleFactory, factory, "destroyThenBump", [target, beneficiary]);
      expect(inSameTx, "still running code after SELFDESTRUCT in the same transaction").to.equal(2n);

      expect((await write(rpc, DestructibleFactory, factory, "destroyThenBump", [target, beneficiary])).status).to.equal("0x1");
      expect(await balance(rpc, beneficiary)).to.equal(before + 1000n);
      expect(await rpc.call("eth_getCode", target, "latest")).to.equal("0x");
      expect(await rpc.call("eth_getStorageAt", target, "0x0", "latest")).to.equal(ZERO_WORD);
      const call = { to: target, data: Destructible.iface.encodeFunctionData("bump") };
      expect(await rpc.call("eth_call", call, "latest"), "a call to a dead contract does nothing").to.equal("0x");
      expect((await actorAt(rpc, target))?.kind, "the actor stays").to.equal("evm");

      await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: target, value: "0x7" });
      expect(await balance(rpc, target), "FIL sent to a dead contract stays there").to.equal(7n);
    });

    it(`at nv${nv}, CREATE2 brings a dead contract back at the same address with fresh storage and nonce 1`, async function () {
      const { rpc, factory, target } = await setup(nv);
      await write(rpc, Destructible, target, "destroy", [ACCOUNTS[3]]);
      const [again] = (await read(rpc, DestructibleFactory, factory, "deploy", [SALT])) as string[];
      expect(again.toLowerCase()).to.equal(target);
      expect((await write(rpc, DestructibleFactory, factory, "deploy", [SALT])).status).to.equal("0x1");
      expect(await read(rpc, Destructible, target, "counter")).to.deep.equal([0n]);
      expect(await rpc.call("eth_getTransactionCount", target, "latest")).to.equal("0x1");
    });

    it(`at nv${nv}, FIL paid to a contract after its SELFDESTRUCT in the same transaction is not burned`, async function () {
      const { rpc, factory, target } = await setup(nv);
      const receipt = await write(rpc, DestructibleFactory, factory, "destroyThenPay", [target, ACCOUNTS[3]], 300n);
      expect(receipt.status).to.equal("0x1");
      expect(await rpc.call("eth_getCode", target, "latest")).to.equal("0x");
      expect(await balance(rpc, target)).to.equal(300n);
    });
  }

  it("a dead contract exists without code for EXTCODESIZE/EXTCODEHASH/EXTCODECOPY", async function () {
    const { rpc, target } = await setup(28);
    const { CodeProbe } = conformance("ExtCode");
    const inspector = await deploy(rpc, CodeProbe);
    await write(rpc, Destructible, target, "destroy", [ACCOUNTS[3]]);
    expect(await read(rpc, CodeProbe, inspector, "inspect", [target])).to.deep.equal([0n, EMPTY_CODE_HASH, "0x"]);
    expect(await read(rpc, CodeProbe, inspector, "inspect", [await maskedAddressOf(rpc, target)])).to.deep.equal([0n, EMPTY_CODE_HASH, "0x"]);
  });

  it("a live contract cannot be deployed over with CREATE2", async function () {
    const { rpc, factory } = await setup(28);
    expect((await write(rpc, DestructibleFactory, factory, "deploy", [SALT])).status).to.equal("0x0");
  });

  it("pays a beneficiary whose code refuses payments, without running that code", async function () {
    const { rpc, target } = await setup(28);
    const refuser = await deploy(rpc, PaymentRefuser);
    expect((await write(rpc, Destructible, target, "destroy", [refuser])).status).to.equal("0x1");
    expect(await balance(rpc, refuser)).to.equal(1000n);
  });

  it("pays an address of no actor, which becomes a Placeholder", async function () {
    const { rpc, target } = await setup(28);
    const fresh = "0x00000000000000000000000000000000000b0b00";
    expect((await write(rpc, Destructible, target, "destroy", [fresh])).status).to.equal("0x1");
    expect(await balance(rpc, fresh)).to.equal(1000n);
    expect((await actorAt(rpc, fresh))?.kind).to.equal("placeholder");
  });

  it("pays an EthAccount named by its masked id at its 0x address", async function () {
    const { rpc, target } = await setup(28);
    const before = await balance(rpc, ACCOUNTS[2]);
    expect((await write(rpc, Destructible, target, "destroy", [await maskedAddressOf(rpc, ACCOUNTS[2])])).status).to.equal("0x1");
    expect(await balance(rpc, ACCOUNTS[2])).to.equal(before + 1000n);
  });

  it("naming itself as beneficiary keeps the FIL in the (dead) contract", async function () {
    const { rpc, target } = await setup(28);
    expect((await write(rpc, Destructible, target, "destroy", [target])).status).to.equal("0x1");
    expect(await rpc.call("eth_getCode", target, "latest")).to.equal("0x");
    expect(await balance(rpc, target)).to.equal(1000n);
  });

  it("fails the call when the beneficiary is a masked id of no actor, and the contract lives on", async function () {
    const { rpc, target } = await setup(28);
    const failed = await write(rpc, Destructible, target, "destroy", [maskedIdAddress(999_999n)]);
    expect(failed.status).to.equal("0x0");
    const [trace] = await rpc.call<{ error?: string }[]>("trace_transaction", failed.transactionHash);
    expect(trace.error, "Lotus' trace error text").to.equal("self destruct failed");
    expect(await rpc.call("eth_getCode", target, "latest")).to.not.equal("0x");
    expect(await balance(rpc, target)).to.equal(1000n);
    expect(await read(rpc, Destructible, target, "counter")).to.deep.equal([1n]);
  });

  it("is forbidden in a read-only frame, and undone with a frame that reverts after it", async function () {
    const { rpc, factory, target } = await setup(28);
    const probe = await deploy(rpc, CallProbe);
    const destroy = Destructible.iface.encodeFunctionData("destroy", [ACCOUNTS[3]]);
    expect(await read(rpc, CallProbe, probe, "staticcallTo", [target, destroy])).to.deep.equal([false, "0x"]);

    const destroyThenRevert = DestructibleFactory.iface.encodeFunctionData("destroyThenRevert", [target, ACCOUNTS[3]]);
    const receipt = await write(rpc, CallProbe, probe, "callTo", [factory, destroyThenRevert, 0n]);
    expect(receipt.status, "the transaction itself succeeds").to.equal("0x1");
    expect(await rpc.call("eth_getCode", target, "latest")).to.not.equal("0x");
    expect(await balance(rpc, target)).to.equal(1000n);
  });
});

/**
 * CALL / STATICCALL / DELEGATECALL as the FEVM runs them (spec fevm-semantics §2.4, §8 items 4,
 * 7, 8): masked ids reach the actor behind them, native actors refuse InvokeEVM, masked ids of no
 * actor succeed moving nothing, bare transfers get 10M gas, and read-only frames cannot move FIL.
 */
import { expect } from "chai";
import { maskedIdAddress } from "../../../src/fil";
import { ACCOUNTS, actorAt, balance, conformance, deploy, fevmAt, maskedAddressOf, read, write } from "./support";

const MARKET = maskedIdAddress(5n);
const BURNT_FUNDS = maskedIdAddress(99n); // a key-less account actor
const NO_ACTOR = maskedIdAddress(999_999n);
const FIL = 10n ** 18n;

describe("FEVM CALL, STATICCALL and DELEGATECALL", function () {
  const { CallProbe, CallRecorder, MarkerSetter } = conformance("Calls");

  async function setup(networkVersion = 28) {
    const rpc = fevmAt(networkVersion);
    const probe = await deploy(rpc, CallProbe);
    const recorder = await deploy(rpc, CallRecorder);
    await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: probe, value: `0x${(10n * FIL).toString(16)}` });
    return { rpc, probe, recorder };
  }

  describe("CALL", function () {
    it("reaches a contract named by its masked id, which runs as its 0x address and keeps the value there", async function () {
      const { rpc, probe, recorder } = await setup();
      const masked = await maskedAddressOf(rpc, recorder);
      const data = CallRecorder.iface.encodeFunctionData("record");
      const [ok, ret] = await read(rpc, CallProbe, probe, "callTo", [masked, data, 5n]);
      expect(ok).to.equal(true);
      const [self, sender, value] = CallRecorder.iface.decodeFunctionResult("record", ret as string);
      expect([self.toLowerCase(), sender.toLowerCase(), value]).to.deep.equal([recorder, probe, 5n]);

      await write(rpc, CallProbe, probe, "callTo", [masked, data, 5n]);
      expect(await balance(rpc, recorder)).to.equal(5n);
      expect(await balance(rpc, masked)).to.equal(0n);
    });

    it("to a contract named by masked id that reverts gives 0 and the revert data", async function () {
      const { rpc, probe, recorder } = await setup();
      const [ok, ret] = await read(rpc, CallProbe, probe, "callTo", [await maskedAddressOf(rpc, recorder), CallRecorder.iface.encodeFunctionData("fail"), 0n]);
      expect(ok).to.equal(false);
      expect(CallRecorder.iface.parseError(ret as string)?.args[0]).to.equal("recorder refused");
    });

    it("pays an EthAccount named by its masked id at its 0x address", async function () {
      const { rpc, probe } = await setup();
      const before = await balance(rpc, ACCOUNTS[1]);
      const receipt = await write(rpc, CallProbe, probe, "callTo", [await maskedAddressOf(rpc, ACCOUNTS[1]), "0x", FIL]);
      expect(receipt.status).to.equal("0x1");
      expect(await balance(rpc, ACCOUNTS[1])).to.equal(before + FIL);
    });

    it("pays a key account (f1/f3, here the burnt-funds actor f099) named by its masked id", async function () {
      const { rpc, probe } = await setup();
      expect(await read(rpc, CallProbe, probe, "callTo", [BURNT_FUNDS, "0x", 3n])).to.deep.equal([true, "0x"]);
      await write(rpc, CallProbe, probe, "callTo", [BURNT_FUNDS, "0x", 3n]);
      expect(await balance(rpc, BURNT_FUNDS)).to.equal(3n);
    });

    it("fails when the caller holds less than the value, also to an actor named by masked id", async function () {
      const { rpc, probe } = await setup();
      expect(await read(rpc, CallProbe, probe, "callTo", [BURNT_FUNDS, "0x", 11n * FIL])).to.deep.equal([false, "0x"]);
    });

    it("fails against a native actor (the market answers InvokeEVM with exit 22) and moves nothing", async function () {
      const { rpc, probe } = await setup();
      expect(await read(rpc, CallProbe, probe, "callTo", [MARKET, "0x", 0n])).to.deep.equal([false, "0x"]);
      await write(rpc, CallProbe, probe, "callTo", [MARKET, "0x", FIL]);
      expect(await balance(rpc, MARKET)).to.equal(0n);
      expect(await balance(rpc, probe)).to.equal(10n * FIL);
    });

    it("to a masked id of no actor succeeds with empty return data and moves no FIL", async function () {
      const { rpc, probe } = await setup();
      expect(await read(rpc, CallProbe, probe, "callTo", [NO_ACTOR, "0x1234", FIL])).to.deep.equal([true, "0x"]);
      await write(rpc, CallProbe, probe, "callTo", [NO_ACTOR, "0x", FIL]);
      expect(await balance(rpc, probe)).to.equal(10n * FIL);
      expect(await balance(rpc, NO_ACTOR)).to.equal(0n);
      expect(await actorAt(rpc, NO_ACTOR)).to.equal(undefined);
    });

    for (const nv of [23, 28]) {
      it(`at nv${nv}, transfer() and send() give the recipient 10M gas, enough to write storage`, async function () {
        const { rpc, probe, recorder } = await setup(nv);
        expect((await write(rpc, CallProbe, probe, "transferTo", [recorder, 1n])).status).to.equal("0x1");
        expect(await read(rpc, CallProbe, probe, "sendTo", [recorder, 1n])).to.deep.equal([true]);
        expect(await read(rpc, CallRecorder, recorder, "received")).to.deep.equal([1n]);
        expect(await balance(rpc, recorder)).to.equal(1n);
      });
    }

    it("a value-less CALL asking for exactly 2300 gas gets 10M; any other small amount is kept", async function () {
      const { rpc, probe, recorder } = await setup();
      const [withStipendShape] = await read(rpc, CallProbe, probe, "callWithGas", [recorder, "0x", 0n, 2300n]);
      const [withOtherGas] = await read(rpc, CallProbe, probe, "callWithGas", [recorder, "0x", 0n, 2301n]);
      expect([withStipendShape, withOtherGas]).to.deep.equal([true, false]);
    });

    it("with value inside a read-only frame aborts that frame, and nothing moves", async function () {
      const { rpc, probe, recorder } = await setup();
      expect(await read(rpc, CallProbe, probe, "sendValueWhileStatic", [recorder])).to.deep.equal([false]);
      expect(await read(rpc, CallProbe, probe, "callTo", [recorder, "0x", 1n]), "the same call outside a read-only frame").to.deep.equal([
        true,
        "0x",
      ]);
    });
  });

  describe("STATICCALL", function () {
    it("reaches contracts and accounts by masked id, fails on native actors, succeeds on missing ids", async function () {
      const { rpc, probe, recorder } = await setup();
      const record = CallRecorder.iface.encodeFunctionData("record");
      const [ok, ret] = await read(rpc, CallProbe, probe, "staticcallTo", [await maskedAddressOf(rpc, recorder), record]);
      expect(ok).to.equal(true);
      expect(CallRecorder.iface.decodeFunctionResult("record", ret as string)[0].toLowerCase()).to.equal(recorder);
      expect(await read(rpc, CallProbe, probe, "staticcallTo", [await maskedAddressOf(rpc, ACCOUNTS[1]), "0x"])).to.deep.equal([true, "0x"]);
      expect(await read(rpc, CallProbe, probe, "staticcallTo", [BURNT_FUNDS, "0x"])).to.deep.equal([true, "0x"]);
      expect(await read(rpc, CallProbe, probe, "staticcallTo", [MARKET, "0x"])).to.deep.equal([false, "0x"]);
      expect(await read(rpc, CallProbe, probe, "staticcallTo", [NO_ACTOR, "0x"])).to.deep.equal([true, "0x"]);
    });

    it("to an address of no actor succeeds without creating one (a read-only call cannot create actors)", async function () {
      const { rpc, probe } = await setup();
      const fresh = "0x00000000000000000000000000000000000fee00";
      const receipt = await write(rpc, CallProbe, probe, "staticcallTo", [fresh, "0x"]);
      expect(receipt.status).to.equal("0x1");
      expect(await read(rpc, CallProbe, probe, "staticcallTo", [fresh, "0x"])).to.deep.equal([true, "0x"]);
      expect(await actorAt(rpc, fresh)).to.equal(undefined);
    });
  });

  describe("DELEGATECALL", function () {
    it("runs a contract's code named by masked id in the caller's storage, as in Ethereum", async function () {
      const { rpc, probe } = await setup();
      const setter = await deploy(rpc, MarkerSetter);
      const data = MarkerSetter.iface.encodeFunctionData("setMarker", [7n]);
      expect((await write(rpc, CallProbe, probe, "delegatecallTo", [await maskedAddressOf(rpc, setter), data])).status).to.equal("0x1");
      expect(await read(rpc, CallProbe, probe, "marker")).to.deep.equal([7n]);
      expect(await read(rpc, MarkerSetter, setter, "marker")).to.deep.equal([0n]);
    });

    it("to accounts, EthAccounts, Placeholders and missing ids succeeds doing nothing; to native actors fails", async function () {
      const { rpc, probe } = await setup();
      const fresh = "0x00000000000000000000000000000000c0ffee00";
      await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: fresh, value: "0x1" });
      expect((await actorAt(rpc, fresh))?.kind).to.equal("placeholder");
      const data = MarkerSetter.iface.encodeFunctionData("setMarker", [7n]);
      const targets = {
        "key account": BURNT_FUNDS,
        EthAccount: await maskedAddressOf(rpc, ACCOUNTS[1]),
        Placeholder: await maskedAddressOf(rpc, fresh),
        "missing id": NO_ACTOR,
        "market actor": MARKET,
      };
      const results: Record<string, unknown> = {};
      for (const [name, target] of Object.entries(targets)) results[name] = await read(rpc, CallProbe, probe, "delegatecallTo", [target, data]);
      expect(results).to.deep.equal({
        "key account": [true, "0x"],
        EthAccount: [true, "0x"],
        Placeholder: [true, "0x"],
        "missing id": [true, "0x"],
        "market actor": [false, "0x"],
      });
    });
  });
});

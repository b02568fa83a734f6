import { expect } from "chai";
import { createAddressFromString } from "@ethereumjs/util";
import { fevmPrecompiles, isImplementedPrecompile } from "../../../src/evm/precompiles";
import { beaconDigest } from "../../../src/evm/opcodes/beacon";
import { hex, Network, word, type Deployed } from "./support";
import { p256VerifyCases } from "./vectors";

const ethereum = (index: number) => `0x${index.toString(16).padStart(40, "0")}`;
const filecoin = (index: number) => `0xfe${index.toString(16).padStart(38, "0")}`;
const P256 = ethereum(0x100);
const VALID_P256_INPUT = p256VerifyCases()
  .flatMap((family) => family.cases)
  .find((c) => c.expected !== "0x")!.input;
const EMPTY = [true, "0x"];
const FAILED = [false, "0x"];

describe("the reserved precompile range", function () {
  it("registers all of 0x01–0xff and 0xfe00…01–0xfe00…ff, and 0x0100 from nv28 only", function () {
    for (const nv of [23, 24, 26, 27, 28]) {
      const addresses = new Set(fevmPrecompiles(nv).map((p) => p.address.toString()));
      expect(addresses.size, `nv${nv}`).to.equal(nv >= 28 ? 511 : 510);
      for (let i = 1; i <= 0xff; i++) expect(addresses.has(ethereum(i)) && addresses.has(filecoin(i)), `0x..${i.toString(16)}`).to.equal(true);
      expect(addresses.has(ethereum(0)) || addresses.has(filecoin(0))).to.equal(false);
      expect(addresses.has(P256)).to.equal(nv >= 28);
    }
  });

  it("tells implemented precompiles from empty slots, per network version", function () {
    const implemented = (nv: number) => [...Array(0x100).keys()].flatMap((i) => [ethereum(i), filecoin(i)]).concat(P256).filter((a) => isImplementedPrecompile(createAddressFromString(a), nv));
    const base = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(ethereum).concat([1, 2, 3, 5].map(filecoin));
    const bls = [0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11].map(ethereum);
    expect(implemented(23)).to.have.members(base);
    expect(implemented(24)).to.have.members([...base, filecoin(6)]);
    expect(implemented(27)).to.have.members([...base, filecoin(6), ...bls]);
    expect(implemented(28)).to.have.members([...base, filecoin(6), ...bls, P256]);
  });

  describe("what exists at each network version, seen from a contract", function () {
    const probes = new Map<number, Deployed>();

    before(async function () {
      for (const nv of [23, 24, 26, 27, 28]) probes.set(nv, await new Network(nv).deploy("PrecompileProbe"));
    });

    const staticCall = async (nv: number, target: string, input: string) => [...(await probes.get(nv)!.call("staticCallWith", [target, input]))];

    it("empty slots succeed with empty output on every version: 0x0a, 0x12–0xff, 0xfe..04, 0xfe..07–0xff", async function () {
      for (const nv of probes.keys()) {
        for (const target of [ethereum(0x0a), ethereum(0x12), ethereum(0xff), filecoin(0x04), filecoin(0x07), filecoin(0xff)]) {
          expect(await staticCall(nv, target, "0xdeadbeef"), `nv${nv} ${target}`).to.deep.equal(EMPTY);
        }
      }
    });

    it("BLS12-381 (0x0b–0x11) runs from nv27 and is an empty slot before", async function () {
      for (const nv of probes.keys()) {
        const identityAddition = await staticCall(nv, ethereum(0x0b), `0x${"00".repeat(256)}`);
        const garbage = await staticCall(nv, ethereum(0x0b), "0x01");
        if (nv >= 27) {
          expect(identityAddition, `nv${nv}`).to.deep.equal([true, `0x${"00".repeat(128)}`]);
          expect(garbage, `nv${nv}`).to.deep.equal(FAILED);
        } else {
          expect(identityAddition, `nv${nv}`).to.deep.equal(EMPTY);
          expect(garbage, `nv${nv}`).to.deep.equal(EMPTY);
        }
      }
    });

    it("get_beacon_randomness (0xfe..06) runs from nv24 and is an empty slot before", async function () {
      for (const nv of probes.keys()) {
        const expected = nv >= 24 ? [true, hex(beaconDigest(0n))] : EMPTY;
        expect(await staticCall(nv, filecoin(0x06), `0x${word(0n)}`), `nv${nv}`).to.deep.equal(expected);
      }
    });

    it("P256VERIFY (0x0100) verifies from nv28; before, 0x0100 is an ordinary empty address", async function () {
      for (const nv of probes.keys()) {
        const expected = nv >= 28 ? [true, `0x${word(1n)}`] : EMPTY;
        expect(await staticCall(nv, P256, VALID_P256_INPUT), `nv${nv}`).to.deep.equal(expected);
      }
    });

    it("ecRecover, SHA-256 and the Filecoin lookups exist on every version", async function () {
      for (const nv of probes.keys()) {
        expect(await staticCall(nv, ethereum(2), "0x616263"), `nv${nv}`).to.deep.equal([true, "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"]);
        expect(await staticCall(nv, ethereum(1), "0x"), `nv${nv}`).to.deep.equal(EMPTY);
        expect(await staticCall(nv, filecoin(0x01), "0x0064"), `nv${nv}`).to.deep.equal([true, `0x${word(100n)}`]);
        expect(await staticCall(nv, filecoin(0x01), "0x"), `nv${nv}`).to.deep.equal(FAILED);
      }
    });
  });

  describe("calling conventions (nv28)", function () {
    let network: Network;
    let probe: Deployed;

    beforeEach(async function () {
      network = new Network(28);
      probe = await network.deploy("PrecompileProbe");
    });

    it("a failing precompile leaves EMPTY returndata and the calling contract carries on", async function () {
      expect([...(await probe.call("returnDataSizeAfterCall", [filecoin(0x01), "0x09"]))]).to.deep.equal([false, 0n]);
      const tx = await probe.send("callTwice", [filecoin(0x01), "0x09", 0, ethereum(4), "0x0102"]);
      expect(tx.status).to.equal("0x1");
      expect((await probe.call("callsCompleted", []))[0]).to.equal(2n);
      expect([...(await probe.call("lastReturn", []))]).to.deep.equal(["0x0102"]);
    });

    it("a failing precompile does not burn the gas the CALL forwarded", async function () {
      const tx = await probe.send("callWith", [filecoin(0x01), "0x09", 0]);
      expect(tx.status).to.equal("0x1");
      expect(tx.gasUsed < 200_000n, `gas used ${tx.gasUsed}`).to.equal(true);
    });

    it("ignores the CALL's gas argument: SHA-256 answers even with gas 0", async function () {
      expect([...(await probe.call("callWithGas", [ethereum(2), "0x616263", 0, 0]))]).to.deep.equal([
        true,
        "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      ]);
    });

    it("value sent with a successful call moves to the precompile's address, which becomes a Placeholder", async function () {
      await probe.send("callWith", [ethereum(4), "0x", 7], 7n);
      await probe.send("callWith", [filecoin(0x04), "0x", 3], 3n);
      expect(await network.balance(ethereum(4))).to.equal(7n);
      expect(await network.balance(filecoin(0x04))).to.equal(3n);
      expect(await network.balance(probe.address)).to.equal(0n);
      const actors = (await network.evm()).actors;
      expect((await actors.lookupEth(createAddressFromString(ethereum(4))))?.kind).to.equal("placeholder");
      expect((await actors.lookupEth(createAddressFromString(filecoin(0x04))))?.kind).to.equal("placeholder");
    });

    it("value sent with a failing call stays with the caller and creates no actor", async function () {
      // call_actor refuses a plain CALL.
      const tx = await probe.send("callWith", [filecoin(0x03), "0x", 5], 5n);
      expect(tx.status).to.equal("0x1");
      expect((await probe.call("lastSuccess", []))[0]).to.equal(false);
      expect(await network.balance(filecoin(0x03))).to.equal(0n);
      expect(await network.balance(probe.address)).to.equal(5n);
      expect(await (await network.evm()).actors.lookupEth(createAddressFromString(filecoin(0x03)))).to.equal(undefined);
    });

    it("DELEGATECALL runs a precompile on the caller's behalf and moves no value", async function () {
      expect([...(await probe.call("delegateCallWith", [ethereum(4), "0xabcd"], 9n))]).to.deep.equal([true, "0xabcd"]);
      await probe.send("delegateCallWith", [ethereum(4), "0xabcd"], 9n);
      expect(await network.balance(ethereum(4))).to.equal(0n);
      expect(await network.balance(probe.address)).to.equal(9n);
      expect(await (await network.evm()).actors.lookupEth(createAddressFromString(ethereum(4)))).to.equal(undefined);
    });

    it("a transaction straight to a precompile address runs no precompile: empty success, a Placeholder gets the value", async function () {
      expect(await network.rpc("eth_call", { to: ethereum(2), data: "0x616263" }, "latest")).to.equal("0x");
      const hash = await network.rpc<string>("eth_sendTransaction", { from: (await network.rpc<string[]>("eth_accounts"))[0], to: filecoin(0x01), data: "0x09", value: "0x4" });
      expect((await network.rpc<{ status: string }>("eth_getTransactionReceipt", hash)).status).to.equal("0x1");
      expect(await network.balance(filecoin(0x01))).to.equal(4n);
      expect((await (await network.evm()).actors.lookupEth(createAddressFromString(filecoin(0x01))))?.kind).to.equal("placeholder");
    });
  });
});

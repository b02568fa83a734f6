/**
 * EXTCODESIZE / EXTCODEHASH / EXTCODECOPY and BALANCE per kind of target (spec fevm-semantics
 * §2.5, §8 items 4 and 9). filecoin-solidity checks extcodehash(precompile) != 0 before every
 * actor call, and isContract() is true for native actors.
 */
import { expect } from "chai";
import { bytesToHex, KECCAK256_NULL } from "@ethereumjs/util";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { maskedIdAddress } from "../../../src/fil";
import { ACCOUNTS, conformance, deploy, fevmAt, maskedAddressOf, read } from "./support";

const EMPTY_HASH = bytesToHex(KECCAK256_NULL);
const NATIVE_HASH = bytesToHex(keccak_256(Uint8Array.from([0xfe])));
const ZERO_HASH = `0x${"0".repeat(64)}`;

const NO_CODE = [0n, EMPTY_HASH, "0x"];
const NATIVE = [1n, NATIVE_HASH, "0xfe"];
const NOTHING = [0n, ZERO_HASH, "0x"];

const reserved = (prefix: "00" | "fe", slot: number) => `0x${prefix}${slot.toString(16).padStart(38, "0")}`;

describe("FEVM EXTCODESIZE, EXTCODEHASH, EXTCODECOPY and BALANCE", function () {
  const { CodeProbe } = conformance("ExtCode");

  async function inspector(networkVersion: number) {
    const rpc = fevmAt(networkVersion);
    const probe = await deploy(rpc, CodeProbe);
    const inspect = async (target: string) => read(rpc, CodeProbe, probe, "inspect", [target]);
    return { rpc, probe, inspect };
  }

  it("a live contract shows its code by 0x address and by masked id", async function () {
    const { rpc, probe, inspect } = await inspector(28);
    const code = await rpc.call<string>("eth_getCode", probe, "latest");
    const expected = [BigInt((code.length - 2) / 2), bytesToHex(keccak_256(Buffer.from(code.slice(2), "hex"))), code];
    expect(await inspect(probe)).to.deep.equal(expected);
    expect(await inspect(await maskedAddressOf(rpc, probe))).to.deep.equal(expected);
  });

  it("accounts, EthAccounts and Placeholders exist without code: size 0, keccak of nothing", async function () {
    const { rpc, inspect } = await inspector(28);
    const fresh = "0x00000000000000000000000000000000c0ffee00";
    await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: fresh, value: "0x1" });
    expect(await inspect(ACCOUNTS[1]), "EthAccount").to.deep.equal(NO_CODE);
    expect(await inspect(await maskedAddressOf(rpc, ACCOUNTS[1])), "EthAccount by masked id").to.deep.equal(NO_CODE);
    expect(await inspect(fresh), "Placeholder").to.deep.equal(NO_CODE);
    expect(await inspect(maskedIdAddress(99n)), "key account f099").to.deep.equal(NO_CODE);
  });

  it("native actors look like one byte of INVALID, so isContract() is true for them", async function () {
    const { inspect } = await inspector(28);
    for (const id of [5n, 4n, 7n, 10n]) expect(await inspect(maskedIdAddress(id)), `f0${id}`).to.deep.equal(NATIVE);
  });

  it("addresses of no actor report nothing at all, hash included", async function () {
    const { inspect } = await inspector(28);
    expect(await inspect("0x00000000000000000000000000000000deadbeef")).to.deep.equal(NOTHING);
    expect(await inspect(maskedIdAddress(999_999n))).to.deep.equal(NOTHING);
  });

  for (const nv of [23, 24, 27, 28]) {
    it(`at nv${nv}, implemented precompiles hash to keccak of nothing, empty slots are ordinary addresses`, async function () {
      const { inspect } = await inspector(nv);
      const implemented = (since: number) => (nv >= since ? NO_CODE : NOTHING);
      const results = {
        ecrecover: await inspect(reserved("00", 0x01)),
        blake2f: await inspect(reserved("00", 0x09)),
        kzg: await inspect(reserved("00", 0x0a)),
        bls12G1Add: await inspect(reserved("00", 0x0b)),
        p256verify: await inspect(`0x${"0".repeat(36)}0100`),
        resolveAddress: await inspect(reserved("fe", 0x01)),
        callActorById: await inspect(reserved("fe", 0x05)),
        getActorType: await inspect(reserved("fe", 0x04)),
        beaconRandomness: await inspect(reserved("fe", 0x06)),
      };
      expect(results).to.deep.equal({
        ecrecover: NO_CODE,
        blake2f: NO_CODE,
        kzg: NOTHING,
        bls12G1Add: implemented(27),
        p256verify: implemented(28),
        resolveAddress: NO_CODE,
        callActorById: NO_CODE,
        getActorType: NOTHING,
        beaconRandomness: implemented(24),
      });
    });
  }

  it("BALANCE of a masked id reads the actor's balance, also for contracts and EthAccounts holding it at their 0x address", async function () {
    const { rpc, probe } = await inspector(28);
    const masked = await maskedAddressOf(rpc, ACCOUNTS[2]);
    const onChain = BigInt(await rpc.call<string>("eth_getBalance", ACCOUNTS[2], "latest"));
    expect(await read(rpc, CodeProbe, probe, "balanceOf", [masked])).to.deep.equal([onChain]);
    await rpc.call("eth_sendTransaction", { from: ACCOUNTS[0], to: probe, value: "0x2a" });
    expect(await read(rpc, CodeProbe, probe, "balanceOf", [await maskedAddressOf(rpc, probe)])).to.deep.equal([42n]);
    expect(await read(rpc, CodeProbe, probe, "balanceOf", [maskedIdAddress(999_999n)])).to.deep.equal([0n]);
  });
});

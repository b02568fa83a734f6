/**
 * The FEVM instruction set per network version (spec fevm-semantics §2.2, §8 item 12): Paris +
 * PUSH0 at nv18–23, MCOPY from nv24, TSTORE/TLOAD from nv25, CLZ from nv28; CALLCODE, BLOBHASH and
 * BLOBBASEFEE never. An opcode the network does not have aborts the frame like an undefined byte.
 */
import { expect } from "chai";
import { conformance, deploy, deployRuntime, fevmAt, read } from "./support";

const WORD_0x2a = `0x${"2a".padStart(64, "0")}`;

/** Runtime code (hex) of each opcode under test, returning one 32-byte word where there is a result. */
const PROGRAMS = {
  // MSTORE 0x2a at 0, MCOPY 32 bytes from 0 to 32, return memory[32..64]
  MCOPY: "602a5f52" + "60205f60205e" + "60206020f3",
  // TSTORE(1, 0x2a), TLOAD(1), return it
  TSTORE: "602a60015d" + "60015c" + "5f52" + "60205ff3",
  // CLZ(1) = 255
  CLZ: "60011e" + "5f52" + "60205ff3",
  // CLZ(0) = 256
  CLZ_OF_ZERO: "5f1e" + "5f52" + "60205ff3",
  // CALLCODE(0, 0, 0, 0, 0, 0, 0) then STOP: a valid call on Ethereum
  CALLCODE: "5f5f5f5f5f5f5ff200",
  // BLOBHASH(0) then STOP: valid on Ethereum Cancun
  BLOBHASH: "5f4900",
  // BLOBBASEFEE then STOP: valid on Ethereum Cancun
  BLOBBASEFEE: "4a00",
} as const;

type Program = keyof typeof PROGRAMS;

/** What eth_call of the program returns, or "undefined instruction" when the frame aborted on it. */
async function run(networkVersion: number, programs: Program[]): Promise<Record<string, string>> {
  const rpc = fevmAt(networkVersion);
  const results: Record<string, string> = {};
  for (const program of programs) {
    const address = await deployRuntime(rpc, PROGRAMS[program]);
    try {
      results[program] = await rpc.call<string>("eth_call", { to: address }, "latest");
    } catch (e) {
      expect((e as Error).message).to.contain("invalid opcode");
      results[program] = "undefined instruction";
    }
  }
  return results;
}

describe("FEVM opcode table by network version", function () {
  it("nv23 (Paris + PUSH0) has no MCOPY, TSTORE/TLOAD or CLZ", async function () {
    expect(await run(23, ["MCOPY", "TSTORE", "CLZ"])).to.deep.equal({
      MCOPY: "undefined instruction",
      TSTORE: "undefined instruction",
      CLZ: "undefined instruction",
    });
  });

  it("nv24 adds MCOPY (FIP-0094) but not TSTORE/TLOAD", async function () {
    expect(await run(24, ["MCOPY", "TSTORE"])).to.deep.equal({ MCOPY: WORD_0x2a, TSTORE: "undefined instruction" });
  });

  it("nv25 adds TSTORE/TLOAD (FIP-0097) but not CLZ", async function () {
    expect(await run(25, ["MCOPY", "TSTORE", "CLZ"])).to.deep.equal({
      MCOPY: WORD_0x2a,
      TSTORE: WORD_0x2a,
      CLZ: "undefined instruction",
    });
  });

  it("nv28 adds CLZ (FIP-0114, EIP-7939): leading zero bits of a word, 256 for zero", async function () {
    const results = await run(28, ["CLZ", "CLZ_OF_ZERO", "TSTORE"]);
    expect(BigInt(results.CLZ)).to.equal(255n);
    expect(BigInt(results.CLZ_OF_ZERO)).to.equal(256n);
    expect(results.TSTORE).to.equal(WORD_0x2a);
  });

  for (const nv of [23, 28]) {
    it(`CALLCODE, BLOBHASH and BLOBBASEFEE abort the frame at nv${nv}`, async function () {
      expect(await run(nv, ["CALLCODE", "BLOBHASH", "BLOBBASEFEE"])).to.deep.equal({
        CALLCODE: "undefined instruction",
        BLOBHASH: "undefined instruction",
        BLOBBASEFEE: "undefined instruction",
      });
    });
  }

  it("a contract calling code that hits an undefined instruction sees the call fail and goes on", async function () {
    const rpc = fevmAt(28);
    const { CallProbe } = conformance("Calls");
    const probe = await deploy(rpc, CallProbe);
    const callcode = await deployRuntime(rpc, PROGRAMS.CALLCODE);
    const [ok, ret] = await read(rpc, CallProbe, probe, "callTo", [callcode, "0x", 0n]);
    expect(ok).to.equal(false);
    expect(ret).to.equal("0x");
  });
});

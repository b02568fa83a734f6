// A JUMP may only land on a JUMPDEST byte that is an instruction, not PUSH data. The emulator
// reuses its analysis of a contract's code from call to call: code that changes (hardhat_setCode)
// or differs from contract to contract must still be judged by its own bytes.
import { expect } from "chai";
import { Network } from "../precompiles/support";

// PUSH1 4, JUMP, INVALID, then at 4: JUMPDEST and "return 1".
const JUMPS_TO_JUMPDEST = "0x60045600" + "5b" + "600160005260206000f3";
// The same jump, but byte 4 is PUSH2 data (0x61 at 3 covers bytes 4 and 5): an invalid destination.
const JUMPS_INTO_PUSH_DATA = "0x600456" + "615b5b" + "600160005260206000f3";
const ONE = `0x${"00".repeat(31)}01`;

describe("jump destinations of changing code", function () {
  this.timeout(60_000);
  const net = new Network(28);
  const A = "0x00000000000000000000000000000000000a11ce";
  const B = "0x0000000000000000000000000000000000000b0b";
  const call = (to: string) => net.rpc<string>("eth_call", { to }, "latest");
  /** The error message of a call expected to fail. */
  const failure = (to: string) => call(to).then((result) => `succeeded with ${result}`, (e: Error) => e.message);

  it("runs code whose jump lands on a JUMPDEST, again and again", async function () {
    await net.rpc("hardhat_setCode", A, JUMPS_TO_JUMPDEST);
    for (let i = 0; i < 3; i++) expect(await call(A)).to.equal(ONE);
  });

  it("refuses the same jump once the code at that address puts the JUMPDEST byte inside PUSH data", async function () {
    await net.rpc("hardhat_setCode", A, JUMPS_TO_JUMPDEST);
    expect(await call(A)).to.equal(ONE);
    await net.rpc("hardhat_setCode", A, JUMPS_INTO_PUSH_DATA);
    expect(await failure(A)).to.match(/^Transaction reverted without a reason/);
    await net.rpc("hardhat_setCode", A, JUMPS_TO_JUMPDEST);
    expect(await call(A)).to.equal(ONE);
  });

  it("judges two contracts by their own code", async function () {
    await net.rpc("hardhat_setCode", A, JUMPS_TO_JUMPDEST);
    await net.rpc("hardhat_setCode", B, JUMPS_INTO_PUSH_DATA);
    expect(await call(A)).to.equal(ONE);
    expect(await failure(B)).to.match(/^Transaction reverted without a reason/);
    expect(await call(A)).to.equal(ONE);
  });
});

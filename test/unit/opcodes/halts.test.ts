/**
 * The exit codes the EVM actor aborts with for the FEVM-only halts (spec fevm-semantics §4.4):
 * what call_actor / actor callers see when such a frame fails.
 */
import { expect } from "chai";
import { exitCodeOfFevmHalt, FevmHalt } from "../../../src/evm/opcodes";

describe("FEVM-only frame halts", function () {
  it("a refused event is USR_ASSERTION_FAILED (24), a failed SELFDESTRUCT EVM_CONTRACT_SELFDESTRUCT_FAILED (40)", function () {
    expect(exitCodeOfFevmHalt(FevmHalt.EventTooLarge)).to.equal(24);
    expect(exitCodeOfFevmHalt(FevmHalt.SelfDestructFailed)).to.equal(40);
  });

  it("Ethereum's own errors are left to the usual mapping", function () {
    for (const error of ["revert", "invalid opcode", "out of gas", "constructor", "toString"]) {
      expect(exitCodeOfFevmHalt(error), error).to.equal(undefined);
    }
  });
});

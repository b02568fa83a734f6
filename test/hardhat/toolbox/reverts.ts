import { expect } from "chai";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { PANIC_CODES } from "@nomicfoundation/hardhat-chai-matchers/panic";
import { INITIAL_COUNT, deployCounter, deployCounterWithCaller } from "./support/fixtures";

describe("reverts", function () {
  describe("in transactions", function () {
    it("matches a require reason string", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.incrementBy(0n)).to.be.revertedWith("Counter: step must be positive");
    });

    it("matches a custom error and its arguments", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.incrementBy(101n)).to.be.revertedWithCustomError(counter, "TooLarge").withArgs(101n, 100n);
    });

    it("matches a custom error carrying the caller's address", async function () {
      const { counter, alice } = await loadFixture(deployCounter);
      await expect(counter.connect(alice).reset())
        .to.be.revertedWithCustomError(counter, "NotOwner")
        .withArgs(alice.address);
    });

    it("matches an empty revert", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.failWithoutReason()).to.be.revertedWithoutReason();
      await expect(counter.failWithoutReason()).to.be.reverted;
    });

    it("leaves state unchanged after a reverted transaction", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.incrementBy(1000n)).to.be.reverted;
      expect(await counter.count()).to.equal(INITIAL_COUNT);
    });

    it("does not report a revert for a successful transaction", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.incrementBy(3n)).not.to.be.reverted;
      await expect(
        expect(counter.incrementBy(3n)).to.be.revertedWith("Counter: value must be positive"),
      ).to.be.rejectedWith("Expected transaction to be reverted with reason 'Counter: value must be positive', but it didn't revert");
    });

    it("tells a wrong reason string apart from the real one", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(expect(counter.incrementBy(0n)).to.be.revertedWith("something else")).to.be.rejectedWith(
        "Expected transaction to be reverted with reason 'something else', but it reverted with reason 'Counter: step must be positive'",
      );
    });

    it("reports arithmetic overflow in a transaction as panic 0x11", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.addToCount(2n ** 256n - 1n)).to.be.revertedWithPanic(PANIC_CODES.ARITHMETIC_OVERFLOW);
      await expect(counter.addToCount(1n)).not.to.be.reverted;
    });
  });

  describe("panics in view calls", function () {
    it("reports division by zero as panic 0x12", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.divide(1n, 0n)).to.be.revertedWithPanic(PANIC_CODES.DIVISION_BY_ZERO);
    });

    it("reports an out-of-bounds array index as panic 0x32", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.historyAt(0n)).to.be.revertedWithPanic(PANIC_CODES.ARRAY_ACCESS_OUT_OF_BOUNDS);
    });

    it("reports a failed assert as panic 0x01", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.assertCountIs(0n)).to.be.revertedWithPanic(PANIC_CODES.ASSERTION_ERROR);
      await expect(counter.assertCountIs(INITIAL_COUNT)).not.to.be.reverted;
    });

    it("matches any panic when no code is given", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.divide(1n, 0n)).to.be.revertedWithPanic();
    });
  });

  describe("through another contract", function () {
    it("bubbles a reason string up through a typed call", async function () {
      const { caller } = await loadFixture(deployCounterWithCaller);
      await expect(caller.requirePositive(0n)).to.be.revertedWith("Counter: value must be positive");
    });

    it("bubbles a custom error that the caller matches against the callee's interface", async function () {
      const { counter, caller } = await loadFixture(deployCounterWithCaller);
      await expect(caller.incrementBy(500n)).to.be.revertedWithCustomError(counter, "TooLarge").withArgs(500n, 100n);
    });

    it("bubbles a panic code", async function () {
      const { caller } = await loadFixture(deployCounterWithCaller);
      await expect(caller.divide(7n, 0n)).to.be.revertedWithPanic(PANIC_CODES.DIVISION_BY_ZERO);
    });

    it("re-throws raw revert data forwarded with a low-level call", async function () {
      const { counter, caller } = await loadFixture(deployCounterWithCaller);
      const data = counter.interface.encodeFunctionData("incrementBy", [250n]);
      await expect(caller.forward(data)).to.be.revertedWithCustomError(counter, "TooLarge").withArgs(250n, 100n);
    });

    it("lets the caller catch the revert and carry on", async function () {
      const { counter, caller } = await loadFixture(deployCounterWithCaller);
      const reason = counter.interface.encodeErrorResult("TooLarge", [300n, 100n]);
      await expect(caller.tryIncrementBy(300n)).to.emit(caller, "CallFailed").withArgs(reason);
      await expect(caller.tryIncrementBy(2n)).not.to.emit(caller, "CallFailed");
      expect(await counter.count()).to.equal(INITIAL_COUNT + 2n);
    });
  });

  describe("in calls", function () {
    it("rejects a view call with the decoded reason and revert data", async function () {
      const { counter } = await loadFixture(deployCounter);
      const error = await counter.requirePositive.staticCall(0n).then(
        () => expect.fail("the call should have reverted"),
        (e: unknown) => e as { data?: string; message: string },
      );
      expect(error.message).to.include("Counter: value must be positive");
      expect(error.data).to.equal(
        counter.interface.encodeErrorResult("Error(string)", ["Counter: value must be positive"]),
      );
    });

    it("matches reverts of view calls with the same matchers", async function () {
      const { counter } = await loadFixture(deployCounter);
      await expect(counter.requirePositive(0n)).to.be.revertedWith("Counter: value must be positive");
      await expect(counter.failWithoutReason.staticCall()).to.be.revertedWithoutReason();
    });
  });
});

import { expect } from "chai";
import { ethers } from "hardhat";
import { captureStdout } from "./support/stdout-capture";

// Hardhat prints each console.log call as one line on stdout, formatted like Node's
// util.format: addresses in lowercase hex, numbers in decimal, %s/%d substituted.
describe("console.log from contracts", function () {
  async function deployLogger() {
    const [sender] = await ethers.getSigners();
    const logger = await ethers.deployContract("ConsoleLogger");
    await logger.waitForDeployment();
    return { logger, sender, senderHex: sender.address.toLowerCase() };
  }

  it("prints a string, a uint, an address and a bool exactly as Hardhat formats them", async function () {
    const { logger, sender, senderHex } = await deployLogger();
    const { lines } = await captureStdout(async () => {
      await logger.logString("hello from the FEVM");
      await logger.logUint(1_000_000_000_000_000_000n);
      await logger.logAddress(sender.address);
      await logger.logBool(false);
    });
    expect(lines).to.deep.equal(["hello from the FEVM", "1000000000000000000", senderHex, "false"]);
  });

  it("prints every line of a transaction once, in order, with multiple arguments and format strings", async function () {
    const { logger, sender, senderHex } = await deployLogger();
    const { lines } = await captureStdout(async () => (await logger.logMany(sender.address, 5n)).wait());
    expect(lines).to.deep.equal([
      "call number 1",
      `sender ${senderHex} sends 5 wei`,
      "flag true and false",
      `${senderHex} 5 done`,
    ]);
  });

  it("prints nothing for an explicit gas estimate", async function () {
    const { logger, sender } = await deployLogger();
    const { lines } = await captureStdout(() => logger.logMany.estimateGas(sender.address, 3n));
    expect(lines).to.deep.equal([]);
  });

  it("prints the lines of a call that does not create a transaction", async function () {
    const { logger, sender, senderHex } = await deployLogger();
    const { lines } = await captureStdout(() => logger.logMany.staticCall(sender.address, 9n));
    expect(lines).to.deep.equal([
      "call number 1",
      `sender ${senderHex} sends 9 wei`,
      "flag true and false",
      `${senderHex} 9 done`,
    ]);
  });

  it("prints lines logged before a revert, once, for a failing transaction and a failing call", async function () {
    const { logger } = await deployLogger();
    const sent = await captureStdout(() =>
      expect(logger.logThenRevert("about to fail")).to.be.revertedWith("ConsoleLogger: reverted after logging"),
    );
    expect(sent.lines).to.deep.equal(["about to fail"]);

    const called = await captureStdout(() =>
      expect(logger.logThenRevert.staticCall("call fails")).to.be.revertedWith("ConsoleLogger: reverted after logging"),
    );
    expect(called.lines).to.deep.equal(["call fails"]);
  });
});

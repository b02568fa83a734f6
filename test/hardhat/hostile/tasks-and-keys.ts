// Issue 8: a bad address given to `fevm address` is a plugin error naming it (no "unexpected
// error" with a stack), and a malformed FEVM_PRIVATE_KEY fails only the networks that sign with it.
import { expect } from "chai";
import hre from "hardhat";
import { HardhatContext } from "hardhat/internal/context";
import { createProvider } from "hardhat/internal/core/providers/construction";
import { HardhatPluginError } from "hardhat/plugins";

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  return expect.fail("should have failed");
}

describe("hostile input to tasks and the environment", function () {
  before(function () {
    if (hre.network.name !== "filecoin") this.skip();
  });

  it("`fevm address garbage` is a plugin error that names the address", async () => {
    const error = await rejection(hre.run({ scope: "fevm", task: "address" }, { address: "garbage" }));
    expect(HardhatPluginError.isHardhatPluginError(error)).to.equal(true);
    expect(error.message).to.contain('"garbage"').and.contain("actor id such as 1001");
  });

  it("`fevm address` with a 100,000-digit id answers at once with a short message", async () => {
    const error = await rejection(hre.run({ scope: "fevm", task: "address" }, { address: "9".repeat(100_000) }));
    expect(HardhatPluginError.isHardhatPluginError(error)).to.equal(true);
    expect(error.message.length).to.be.below(400);
  });

  it("a malformed FEVM_PRIVATE_KEY fails calibration when it is used, by position and without the value", async () => {
    const saved = process.env.FEVM_PRIVATE_KEY;
    process.env.FEVM_PRIVATE_KEY = "0x1234secret";
    try {
      const { providerExtenders } = HardhatContext.getHardhatContext();
      const error = await rejection(createProvider(hre.config, "calibration", hre.artifacts, providerExtenders));
      expect(HardhatPluginError.isHardhatPluginError(error)).to.equal(true);
      expect(error.message).to.contain("FEVM_PRIVATE_KEY: entry 1 of 1 is not a private key").and.not.contain("secret");
      // The in-process network, which signs with its own accounts, is unaffected.
      expect(await hre.network.provider.request({ method: "eth_chainId" })).to.equal(`0x${hre.config.fevm.chainId.toString(16)}`);
    } finally {
      if (saved === undefined) delete process.env.FEVM_PRIVATE_KEY;
      else process.env.FEVM_PRIVATE_KEY = saved;
    }
  });
});

// Hardhat's `mining` network config, as `fevm.mining`: automine off at start (and after
// hardhat_reset), and interval mining.
import { expect } from "chai";
import { ACCOUNTS, fevmNetwork } from "./support";

describe("the mining option (Hardhat's networks.hardhat.mining)", function () {
  it("starts with automine off when mining.auto is false, and keeps it so after hardhat_reset", async function () {
    const rpc = fevmNetwork({ mining: { auto: false, interval: 0 } });
    expect(await rpc.call("hardhat_getAutomine")).to.equal(false);
    const hash = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[0], to: ACCOUNTS[1], value: "0x1" });
    expect(await rpc.call("eth_getTransactionReceipt", hash)).to.equal(null);
    await rpc.call("evm_mine");
    expect(await rpc.call("eth_getTransactionReceipt", hash)).to.not.equal(null);
    await rpc.call("hardhat_reset");
    expect(await rpc.call("hardhat_getAutomine")).to.equal(false);
  });

  it("mines blocks by itself with an interval", async function () {
    const rpc = fevmNetwork({ mining: { auto: true, interval: 20 } });
    let latest = "0x0";
    for (let i = 0; i < 500 && latest === "0x0"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      latest = await rpc.call<string>("eth_blockNumber");
    }
    expect(latest).to.not.equal("0x0");
    await rpc.call("evm_setIntervalMining", 0);
  });
});

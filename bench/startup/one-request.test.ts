// The smallest test a project has: one request to the network (which creates it).
import { expect } from "chai";
import { network } from "hardhat";

describe("start-up", function () {
  it("answers eth_blockNumber", async function () {
    expect(await network.provider.send("eth_blockNumber")).to.match(/^0x/);
  });
});

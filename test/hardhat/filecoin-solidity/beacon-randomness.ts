// get_beacon_randomness (0xfe…06): neither npm library wraps it, so this reads it the way the
// Filecoin docs show (STATICCALL with the epoch as one word) through the BeaconRandomness contract.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { onlyOnFilecoin } from "./support/filecoin-only";

async function deployBeacon() {
  const beacon = await ethers.deployContract("BeaconRandomness");
  await fevm.mineEpochs(3);
  return beacon;
}

describe("get_beacon_randomness (0xfe…06)", function () {
  onlyOnFilecoin();

  it("gives 32 bytes for the current epoch and for past ones", async function () {
    const beacon = await loadFixture(deployBeacon);
    const [current, ok, randomness] = await beacon.read(0n);
    expect(ok).to.equal(true);
    expect(ethers.dataLength(randomness)).to.equal(32);
    for (const epoch of [current, current - 1n]) {
      const [, success, value] = await beacon.read(epoch);
      expect(success, `epoch ${epoch}`).to.equal(true);
      expect(ethers.dataLength(value), `epoch ${epoch}`).to.equal(32);
    }
  });

  it("is deterministic per epoch: asked again epochs later, a past epoch gives the same bytes", async function () {
    const beacon = await loadFixture(deployBeacon);
    const [current] = await beacon.read(0n);
    const before = await Promise.all([1n, 2n].map(async (epoch) => (await beacon.read(epoch))[2]));
    await fevm.mineEpochs(5);
    const [later] = await beacon.read(0n);
    expect(later).to.be.gt(current);
    const after = await Promise.all([1n, 2n].map(async (epoch) => (await beacon.read(epoch))[2]));
    expect(after).to.deep.equal(before);
    expect(before[0]).to.not.equal(before[1]);
  });

  it("fails (success false, no data) for an epoch after the current one", async function () {
    const beacon = await loadFixture(deployBeacon);
    const [current] = await beacon.read(0n);
    expect(await beacon.read(current + 1n)).to.deep.equal([current, false, "0x"]);
  });
});

// FilAddresses of both filecoin-solidity lines: the bytes they build must be the bytes the chain
// uses (hre.fevm.address.toBytes answers from the emulator's own address codec) and resolve back.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { f410Bytes, randomF1Bytes } from "./support/bytes";
import { deployAddressHelpers } from "./support/fixtures";
import { onlyOnFilecoin } from "./support/filecoin-only";

const MAX_U64 = (1n << 64n) - 1n;
/** Ids around every LEB128 length boundary a user's actor id can hit. */
const IDS = [0n, 5n, 100n, 127n, 128n, 1000n, 16383n, 16384n, 1n << 63n, MAX_U64];

describe("FilAddresses of both filecoin-solidity lines", function () {
  onlyOnFilecoin();

  it("fromEthAddress builds the 22-byte f410 bytes 0x040a‖address that hre.fevm.address.toBytes gives", async function () {
    const { zondax, api, signers } = await loadFixture(deployAddressHelpers);
    for (const address of [signers[0].address, await api.getAddress(), ethers.ZeroAddress]) {
      const expected = await fevm.address.toBytes(address);
      expect(expected).to.equal(f410Bytes(address));
      expect(await zondax.fromEthAddress(address)).to.equal(expected);
      expect(await api.fromEthAddress(address)).to.equal(expected);
    }
  });

  it("fromActorID builds 0x00‖leb128(id) exactly as the chain encodes f0 addresses", async function () {
    const { zondax, api } = await loadFixture(deployAddressHelpers);
    for (const id of IDS) {
      const expected = await fevm.address.toBytes(id);
      expect(await zondax.fromActorID(id), `f0${id}`).to.equal(expected);
      expect(await api.fromActorID(id), `f0${id}`).to.equal(expected);
    }
    expect(await api.fromActorID(MAX_U64)).to.have.length(2 + 2 * 11);
  });

  it("fromActorID and fromEthAddress resolve back to the actor they name", async function () {
    const { zondax, api, signers } = await loadFixture(deployAddressHelpers);
    const id = await fevm.address.actorId(signers[7].address);
    expect(await api.resolveAddress(await zondax.fromActorID(id))).to.equal(id);
    expect(await zondax.resolveAddress(await api.fromEthAddress(signers[7].address))).to.equal(id);
  });

  it("fromBytes accepts the f0, f1 and f410 bytes of real addresses unchanged", async function () {
    const { zondax, api, signers } = await loadFixture(deployAddressHelpers);
    const valid = [await fevm.address.toBytes(1234n), randomF1Bytes(), await fevm.address.toBytes(signers[1].address)];
    for (const bytes of valid) {
      expect(await zondax.fromBytes(bytes)).to.equal(bytes);
      expect(await api.fromBytes(bytes)).to.equal(bytes);
      expect(await zondax.validate(bytes)).to.equal(true);
      expect(await api.validate(bytes)).to.equal(true);
    }
  });

  it("fromBytes reverts InvalidAddress for an f1 or BLS address of the wrong length", async function () {
    const { zondax, api } = await loadFixture(deployAddressHelpers);
    for (const bytes of [ethers.concat(["0x01", ethers.randomBytes(19)]), ethers.concat(["0x03", ethers.randomBytes(47)])]) {
      await expect(zondax.fromBytes(bytes)).to.be.revertedWithCustomError(zondax, "InvalidAddress");
      await expect(api.fromBytes(bytes)).to.be.revertedWithCustomError(api, "InvalidAddress");
    }
  });

  it("validate differs between the lines at the edges, as their sources say", async function () {
    const { zondax, api } = await loadFixture(deployAddressHelpers);
    // Zondax allows at most 10 bytes for f0, so the 11-byte f0 of the largest id fails there.
    const largestId = await fevm.address.toBytes(MAX_U64);
    expect(await zondax.validate(largestId)).to.equal(false);
    expect(await api.validate(largestId)).to.equal(true);
    // filecoin-solidity-api insists on exactly 22 bytes for an EAM f4; Zondax only caps f4 at 64.
    const shortF410 = ethers.concat(["0x040a", ethers.randomBytes(19)]);
    expect(await zondax.validate(shortF410)).to.equal(true);
    expect(await api.validate(shortF410)).to.equal(false);
  });

  it("toEthAddress (filecoin-solidity-api) turns f410 bytes back into the 0x address and rejects f0", async function () {
    const { api, signers } = await loadFixture(deployAddressHelpers);
    expect(await api.toEthAddress(await fevm.address.toBytes(signers[2].address))).to.equal(signers[2].address);
    await expect(api.toEthAddress(await fevm.address.toBytes(100n))).to.be.revertedWithCustomError(api, "InvalidAddress");
  });
});

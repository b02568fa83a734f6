// filecoin-solidity-api's FilAddressIdConverter (fevmate) and Misc.addressExists of both lines:
// masked ids, id ↔ 0x conversions through the precompiles, and EXTCODEHASH as the FEVM answers it.
import { expect } from "chai";
import { ethers, fevm } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { deployAddressHelpers } from "./support/fixtures";
import { onlyOnFilecoin } from "./support/filecoin-only";

const MARKET_ID = 5n;
const MARKET_MASKED = "0xff00000000000000000000000000000000000005";
const UNASSIGNED_ID = 1n << 40n;
/** 0xfe00…<slot>: the Filecoin precompile range. */
const precompile = (slot: number) => `0xfe${slot.toString(16).padStart(38, "0")}`;

describe("FilAddressIdConverter of filecoin-solidity-api 1.1.3", function () {
  onlyOnFilecoin();

  it("toIDAddress builds the masked id 0xff00…<id> that hre.fevm.address.maskedId gives", async function () {
    const { api } = await loadFixture(deployAddressHelpers);
    for (const id of [MARKET_ID, 100n, 1234n, (1n << 64n) - 1n]) {
      const masked = await api.toIDAddress(id);
      expect(masked.toLowerCase()).to.equal((await fevm.address.maskedId(id)).toLowerCase());
      expect(await api.isIDAddress(masked)).to.deep.equal([true, id]);
    }
    expect((await api.toIDAddress(MARKET_ID)).toLowerCase()).to.equal(MARKET_MASKED);
  });

  it("isIDAddress says no for an ordinary 0x address", async function () {
    const { api, signers } = await loadFixture(deployAddressHelpers);
    expect(await api.isIDAddress(signers[0].address)).to.deep.equal([false, 0n]);
  });

  it("getActorID finds the id of a Hardhat account and of a contract, and reads masked ids directly", async function () {
    const { api, zondax, signers } = await loadFixture(deployAddressHelpers);
    expect(await api.getActorID(signers[4].address)).to.deep.equal([true, 104n]);
    const contract = await zondax.getAddress();
    expect(await api.getActorID(contract)).to.deep.equal([true, await fevm.address.actorId(contract)]);
    expect(await api.getActorID(MARKET_MASKED)).to.deep.equal([true, MARKET_ID]);
  });

  it("getActorID answers (false, 0) for an address no actor holds", async function () {
    const { api } = await loadFixture(deployAddressHelpers);
    expect(await api.getActorID(ethers.Wallet.createRandom().address)).to.deep.equal([false, 0n]);
  });

  it("getEthAddress gives the 0x address of actors with an f410 and (false, 0) for the others", async function () {
    const { api, signers } = await loadFixture(deployAddressHelpers);
    expect(await api.getEthAddress(100n)).to.deep.equal([true, signers[0].address]);
    expect(await api.getEthAddress(MARKET_ID)).to.deep.equal([false, ethers.ZeroAddress]);
    expect(await api.getEthAddress(UNASSIGNED_ID)).to.deep.equal([false, ethers.ZeroAddress]);
  });

  it("toAddress, normalize and mustNormalize turn a masked id into the actor's 0x address when it has one", async function () {
    const { api, signers } = await loadFixture(deployAddressHelpers);
    const contract = await api.getAddress();
    const contractMasked = await fevm.address.maskedId(await fevm.address.actorId(contract));
    expect(await api.toAddress(100n)).to.equal(signers[0].address);
    expect(await api.normalize(contractMasked)).to.equal(contract);
    expect(await api.mustNormalize(await fevm.address.maskedId(101n))).to.equal(signers[1].address);
    expect(await api.normalize(signers[2].address)).to.equal(signers[2].address);
  });

  it("keeps the masked id of an actor without an f410, and mustNormalize reverts InvalidAddress for it", async function () {
    const { api } = await loadFixture(deployAddressHelpers);
    expect((await api.toAddress(MARKET_ID)).toLowerCase()).to.equal(MARKET_MASKED);
    expect((await api.normalize(MARKET_MASKED)).toLowerCase()).to.equal(MARKET_MASKED);
    await expect(api.mustNormalize(MARKET_MASKED)).to.be.revertedWithCustomError(api, "InvalidAddress");
  });
});

describe("Misc.addressExists (EXTCODEHASH ≠ 0) of both filecoin-solidity lines", function () {
  onlyOnFilecoin();

  it("is true for the Filecoin precompiles, so Actor's ActorNotFound check passes", async function () {
    const { zondax, api } = await loadFixture(deployAddressHelpers);
    for (const slot of [1, 2, 3, 5, 6]) {
      expect(await zondax.addressExists(precompile(slot)), `0xfe…0${slot}`).to.equal(true);
      expect(await api.addressExists(precompile(slot)), `0xfe…0${slot}`).to.equal(true);
    }
  });

  it("is true for accounts, contracts and native actors reached by masked id", async function () {
    const { zondax, api, signers } = await loadFixture(deployAddressHelpers);
    for (const address of [signers[0].address, await api.getAddress(), MARKET_MASKED]) {
      expect(await zondax.addressExists(address), address).to.equal(true);
      expect(await api.addressExists(address), address).to.equal(true);
    }
  });

  it("is false for an address no actor holds and for the disabled slot 0xfe…04", async function () {
    const { zondax, api } = await loadFixture(deployAddressHelpers);
    for (const address of [ethers.Wallet.createRandom().address, precompile(4)]) {
      expect(await zondax.addressExists(address), address).to.equal(false);
      expect(await api.addressExists(address), address).to.equal(false);
    }
  });
});

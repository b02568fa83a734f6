// BigInts of filecoin-solidity-api 1.1.3. Its vendored BigNumber library copies memory through the
// identity precompile (STATICCALL 0x04 with a 450 gas argument, result unchecked), so wrong values
// here mean the FEVM's Ethereum precompiles or its precompile gas rule are off.
import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-toolbox/network-helpers";
import { onlyOnFilecoin } from "./support/filecoin-only";

const ONE_FIL = ethers.parseEther("1");
const word = (value: bigint) => ethers.toBeHex(value, 32);

async function deployBigInts() {
  return ethers.deployContract("SolidityApiBigInts");
}

describe("BigInts of filecoin-solidity-api 1.1.3", function () {
  onlyOnFilecoin();

  it("fromUint256 gives the 32-byte big-endian magnitude, not negative", async function () {
    const bigInts = await loadFixture(deployBigInts);
    expect(await bigInts.fromUint256(ONE_FIL)).to.deep.equal([word(ONE_FIL), false]);
    expect(await bigInts.fromUint256(ethers.MaxUint256)).to.deep.equal([word(ethers.MaxUint256), false]);
  });

  it("fromInt256 keeps the sign apart from the magnitude", async function () {
    const bigInts = await loadFixture(deployBigInts);
    expect(await bigInts.fromInt256(-5n)).to.deep.equal([word(5n), true]);
    expect(await bigInts.fromInt256(7n)).to.deep.equal([word(7n), false]);
  });

  it("toUint256 reads minimal magnitudes as the chain's CBOR bigints carry them", async function () {
    const bigInts = await loadFixture(deployBigInts);
    expect(await bigInts.toUint256(ethers.toBeHex(ONE_FIL), false)).to.deep.equal([ONE_FIL, false]);
    expect(await bigInts.toUint256(word(ONE_FIL), false)).to.deep.equal([ONE_FIL, false]);
  });

  it("toUint256 flags a value above 2^256 − 1 as overflowed and reverts on a negative one", async function () {
    const bigInts = await loadFixture(deployBigInts);
    expect(await bigInts.toUint256(ethers.concat(["0x01", word(0n)]), false)).to.deep.equal([0n, true]);
    await expect(bigInts.toUint256(word(1n), true)).to.be.revertedWithCustomError(bigInts, "NegativeValueNotAllowed");
  });

  it("toInt256 restores the sign and flags values above 2^255 − 1", async function () {
    const bigInts = await loadFixture(deployBigInts);
    expect(await bigInts.toInt256(ethers.toBeHex(5n), true)).to.deep.equal([-5n, false]);
    expect(await bigInts.toInt256(word(1n << 255n), false)).to.deep.equal([0n, true]);
  });
});

import { expect } from "chai";
import { giveSignersFixedGas, loadedHardhatEthersSigners } from "../../src/ethers-signer-gas";

/** Stands in for hardhat-ethers' HardhatEthersSigner: `create` decides the fixed gas limit. */
function signerClass(ownGasLimit: number | undefined) {
  return {
    async create(_provider: unknown, _address: string): Promise<{ _gasLimit?: number }> {
      return { _gasLimit: ownGasLimit };
    },
  };
}

describe("fixed gas for hardhat-ethers signers", () => {
  it("gives signers the network's numeric gas where hardhat-ethers would estimate", async () => {
    const signers = signerClass(undefined);
    giveSignersFixedGas(signers, () => 16_777_216);
    expect((await signers.create({}, "0x"))._gasLimit).to.equal(16_777_216);
  });

  it("leaves hardhat-ethers' choice when the network's gas is \"auto\" or it chose a limit itself", async () => {
    const estimating = signerClass(undefined);
    giveSignersFixedGas(estimating, () => undefined);
    expect((await estimating.create({}, "0x"))._gasLimit).to.equal(undefined);
    const fixed = signerClass(30_000_000);
    giveSignersFixedGas(fixed, () => 16_777_216);
    expect((await fixed.create({}, "0x"))._gasLimit).to.equal(30_000_000);
  });

  it("wraps a class once however often the environment is created", async () => {
    const signers = signerClass(undefined);
    giveSignersFixedGas(signers, () => 1);
    giveSignersFixedGas(signers, () => 2);
    expect((await signers.create({}, "0x"))._gasLimit).to.equal(1);
  });

  it("finds the project's hardhat-ethers signer class", () => {
    const [found] = loadedHardhatEthersSigners(process.cwd());
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(found).to.equal(require("@nomicfoundation/hardhat-ethers/signers").HardhatEthersSigner);
  });
});

// The network's accounts are the ones every wallet derives from the mnemonic (BIP-39/BIP-32/BIP-44),
// so Hardhat's well-known test keys and addresses work unchanged.
import { expect } from "chai";
import { HDNodeWallet, Mnemonic } from "ethers";
import { bytesToHex } from "@ethereumjs/util";
import { deriveAccounts } from "../../../src/chain/hd-wallet";

const MNEMONIC = "test test test test test test test test test test test junk";

describe("HD wallet", function () {
  it("derives Hardhat's default accounts and keys", function () {
    const [first, second] = deriveAccounts(MNEMONIC, 2);
    expect(first.address).to.equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    expect(bytesToHex(first.privateKey)).to.equal("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    expect(second.address).to.equal("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
  });

  it("agrees with ethers for other mnemonics and paths", function () {
    const mnemonic = Mnemonic.fromEntropy("0x00112233445566778899aabbccddeeff");
    const root = HDNodeWallet.fromSeed(mnemonic.computeSeed());
    for (const path of ["m/44'/60'/0'/0", "m/44'/461'/0'/0", "m/44'/60'/1'/7"]) {
      const ours = deriveAccounts(mnemonic.phrase, 4, path);
      ours.forEach((account, i) => {
        const theirs = root.derivePath(`${path}/${i}`);
        expect(account.address, `${path}/${i}`).to.equal(theirs.address.toLowerCase());
        expect(bytesToHex(account.privateKey)).to.equal(theirs.privateKey);
      });
    }
  });

  it("refuses a path that is not an HD path, saying which", function () {
    expect(() => deriveAccounts(MNEMONIC, 1, "44'/60'")).to.throw(/must start with "m\/"/);
    expect(() => deriveAccounts(MNEMONIC, 1, "m/44'/x")).to.throw(/bad HD path segment x/);
  });
});

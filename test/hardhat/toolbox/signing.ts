import { expect } from "chai";
import { ethers } from "hardhat";

// Hardhat's default development mnemonic; the local accounts are derived from it.
const DEFAULT_MNEMONIC = "test test test test test test test test test test test junk";

const MAIL_TYPES = {
  Person: [
    { name: "name", type: "string" },
    { name: "wallet", type: "address" },
  ],
  Mail: [
    { name: "from", type: "Person" },
    { name: "to", type: "Person" },
    { name: "contents", type: "string" },
    { name: "amount", type: "uint256" },
  ],
};

describe("signing", function () {
  it("signs a text message that verifyMessage attributes to the signer", async function () {
    const [signer] = await ethers.getSigners();
    const signature = await signer.signMessage("hello filecoin");
    expect(ethers.verifyMessage("hello filecoin", signature)).to.equal(signer.address);
    expect(ethers.verifyMessage("hello ethereum", signature)).not.to.equal(signer.address);
  });

  it("signs raw bytes as a message", async function () {
    const [, alice] = await ethers.getSigners();
    const digest = ethers.getBytes(ethers.id("payload"));
    const signature = await alice.signMessage(digest);
    expect(ethers.verifyMessage(digest, signature)).to.equal(alice.address);
  });

  it("produces the same signature as a wallet derived from the default mnemonic", async function () {
    const signers = await ethers.getSigners();
    for (const index of [0, 7]) {
      const wallet = ethers.HDNodeWallet.fromPhrase(DEFAULT_MNEMONIC, undefined, `m/44'/60'/0'/0/${index}`);
      expect(signers[index].address).to.equal(wallet.address);
      expect(await signers[index].signMessage("deterministic")).to.equal(await wallet.signMessage("deterministic"));
    }
  });

  it("signs EIP-712 typed data that verifyTypedData attributes to the signer", async function () {
    const [signer, alice, bob] = await ethers.getSigners();
    const { chainId } = await ethers.provider.getNetwork();
    const domain = {
      name: "Toolbox Mail",
      version: "1",
      chainId,
      verifyingContract: "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC",
    };
    const mail = {
      from: { name: "Alice", wallet: alice.address },
      to: { name: "Bob", wallet: bob.address },
      contents: "storage deal proposal",
      amount: 1_000_000_000_000_000_000n,
    };

    const signature = await signer.signTypedData(domain, MAIL_TYPES, mail);
    expect(ethers.verifyTypedData(domain, MAIL_TYPES, mail, signature)).to.equal(signer.address);
    expect(ethers.verifyTypedData({ ...domain, chainId: chainId + 1n }, MAIL_TYPES, mail, signature)).not.to.equal(
      signer.address,
    );

    const wallet = ethers.HDNodeWallet.fromPhrase(DEFAULT_MNEMONIC, undefined, "m/44'/60'/0'/0/0");
    expect(signature).to.equal(await wallet.signTypedData(domain, MAIL_TYPES, mail));
  });

  it("signs transactions whose sender is recovered from the signature", async function () {
    const [, alice, bob] = await ethers.getSigners();
    const tx = await alice.sendTransaction({ to: bob.address, value: 1n });
    await tx.wait();
    const fetched = (await ethers.provider.getTransaction(tx.hash))!;
    const recovered = ethers.Transaction.from({
      type: fetched.type,
      chainId: fetched.chainId,
      nonce: fetched.nonce,
      to: fetched.to,
      value: fetched.value,
      data: fetched.data,
      gasLimit: fetched.gasLimit,
      maxFeePerGas: fetched.maxFeePerGas,
      maxPriorityFeePerGas: fetched.maxPriorityFeePerGas,
      accessList: fetched.accessList,
      signature: fetched.signature,
    });
    expect(recovered.from).to.equal(alice.address);
    expect(recovered.hash).to.equal(tx.hash);
  });
});

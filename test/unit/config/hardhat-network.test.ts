import { expect } from "chai";
import { withHardhatNetworkSettings } from "../../../src/config/hardhat-network";
import { fevmProviderOptions } from "../../../src/config/provider-options";
import { resolveFevmConfig } from "../../../src/config/resolve";
import { FevmConfigError } from "../../../src/config/validate";
import { ACCOUNTS, fevmNetwork, PRIVATE_KEYS } from "../provider/support";

const FIL = 10n ** 18n;

/** The message a user sees for these `networks.hardhat.accounts`. */
function errorFor(accounts: unknown): string {
  try {
    resolveFevmConfig(withHardhatNetworkSettings(undefined, { accounts }));
  } catch (e) {
    expect(e).to.be.instanceOf(FevmConfigError);
    return (e as FevmConfigError).message;
  }
  return expect.fail("the config was accepted");
}

describe("settings under networks.hardhat apply to filecoin", () => {
  it("takes allowUnlimitedContractSize and mining from networks.hardhat, as a ported project sets them", () => {
    const fevm = resolveFevmConfig(withHardhatNetworkSettings(undefined, { allowUnlimitedContractSize: true, mining: { auto: false, interval: 5000 } }));
    expect(fevm.allowUnlimitedContractSize).to.equal(true);
    expect(fevm.mining).to.deep.equal({ auto: false, interval: 5000 });
  });

  it("lets fevm override them, and ignores Hardhat-only mining keys such as mempool", () => {
    const fevm = resolveFevmConfig(
      withHardhatNetworkSettings({ allowUnlimitedContractSize: false }, { allowUnlimitedContractSize: true, mining: { mempool: { order: "fifo" } } as never }),
    );
    expect(fevm.allowUnlimitedContractSize).to.equal(false);
    expect(fevm.mining).to.deep.equal({ auto: true, interval: 0 });
  });

  it("reports a bad inherited value under the fevm key it feeds", () => {
    expect(() => resolveFevmConfig(withHardhatNetworkSettings(undefined, { allowUnlimitedContractSize: "yes" }))).to.throw(/fevm\.allowUnlimitedContractSize/);
  });

  describe("accounts", () => {
    it("gives filecoin the accounts networks.hardhat lists as { privateKey, balance }, as OpenZeppelin-style configs do", async () => {
      const hardhatAccounts = [
        { privateKey: PRIVATE_KEYS[2], balance: "5000000000000000000" },
        { privateKey: PRIVATE_KEYS[3].slice(2).toUpperCase(), balance: "0" },
      ];
      const fevm = resolveFevmConfig(withHardhatNetworkSettings(undefined, { accounts: hardhatAccounts }));
      expect(fevm.accounts).to.deep.equal([
        { privateKey: PRIVATE_KEYS[2], balance: 5n * FIL },
        { privateKey: PRIVATE_KEYS[3], balance: 0n },
      ]);
      const rpc = fevmNetwork(fevmProviderOptions(fevm, 31415926, "/nonexistent"));
      expect(await rpc.call("eth_accounts")).to.deep.equal([ACCOUNTS[2], ACCOUNTS[3]]);
      expect(await rpc.call("eth_getBalance", ACCOUNTS[2], "latest")).to.equal(`0x${(5n * FIL).toString(16)}`);
      // The first listed account signs and pays, as on Hardhat's network.
      const hash = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[2], to: ACCOUNTS[3], value: "0x1" });
      expect((await rpc.call<{ status: string }>("eth_getTransactionReceipt", hash)).status).to.equal("0x1");
    });

    it("takes plain private keys in fevm.accounts too, each with the default 10,000 FIL", () => {
      expect(resolveFevmConfig({ accounts: [PRIVATE_KEYS[1]] }).accounts).to.deep.equal([{ privateKey: PRIVATE_KEYS[1], balance: 10_000n * FIL }]);
    });

    it("lets fevm.accounts override them", () => {
      const fevm = resolveFevmConfig(withHardhatNetworkSettings({ accounts: { count: 3 } }, { accounts: [{ privateKey: PRIVATE_KEYS[2], balance: "1" }] }));
      expect(fevm.accounts).to.deep.include({ count: 3 });
    });

    it("follows Hardhat's mnemonic form (accountsBalance is the balance), unless it sets a path, index or passphrase", () => {
      const mnemonic = "test test test test test test test test test test test junk";
      const followed = resolveFevmConfig(withHardhatNetworkSettings(undefined, { accounts: { mnemonic, count: 2, accountsBalance: "7", path: "m/44'/60'/0'/0" } }));
      expect(followed.accounts).to.deep.equal({ mnemonic, count: 2, balance: 7n });
      const other = resolveFevmConfig(withHardhatNetworkSettings(undefined, { accounts: { mnemonic, count: 2, initialIndex: 5 } }));
      expect(other.accounts).to.deep.include({ count: 20 });
    });

    it("names the account and the field that is wrong, never echoing a key", () => {
      const secret = PRIVATE_KEYS[0].slice(0, 40);
      const message = errorFor([{ privateKey: PRIVATE_KEYS[0], balance: "1" }, { privateKey: secret, balance: "1" }]);
      expect(message).to.contain("fevm.accounts[1].privateKey: expected a secp256k1 private key").and.contain("got a string of 40 characters (not shown)");
      expect(message).to.not.contain(secret);
      expect(errorFor([{ privateKey: "0x" + "00".repeat(32), balance: "1" }])).to.contain("fevm.accounts[0].privateKey");
      expect(errorFor([{ balance: "1" }])).to.contain("fevm.accounts[0].privateKey: missing");
      expect(errorFor([{ privateKey: PRIVATE_KEYS[0], balance: "-1" }])).to.contain("fevm.accounts[0].balance");
      expect(errorFor([{ privateKey: PRIVATE_KEYS[0], balance: "1", nonce: 3 }])).to.contain("fevm.accounts[0]").and.contain("nonce");
      expect(errorFor([PRIVATE_KEYS[0], PRIVATE_KEYS[0].toUpperCase().replace("0X", "0x")])).to.contain("fevm.accounts[1].privateKey: the same key as fevm.accounts[0]");
      expect(errorFor([])).to.contain("fevm.accounts: expected from 1 to 1000 accounts, got 0");
      expect(errorFor([42])).to.contain("fevm.accounts[0]: expected an object, got 42");
    });
  });
});

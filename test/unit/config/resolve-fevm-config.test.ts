import { expect } from "chai";
import { HARDHAT_DEFAULT_MNEMONIC } from "../../../src/config/defaults";
import { resolveFevmConfig } from "../../../src/config/resolve";
import { FevmConfigError } from "../../../src/config/validate";

/** The message a user sees for this `fevm` value (fails the test if nothing is thrown). */
function errorFor(user: unknown): string {
  try {
    resolveFevmConfig(user);
  } catch (e) {
    expect(e).to.be.instanceOf(FevmConfigError);
    return (e as FevmConfigError).message;
  }
  throw new Error(`resolveFevmConfig accepted ${JSON.stringify(user, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))}`);
}

describe("fevm config: defaults", () => {
  it("gives a local devnet with Hardhat's accounts when the user writes no fevm key", () => {
    expect(resolveFevmConfig(undefined)).to.deep.equal({
      chainId: 31415926,
      networkVersion: 28,
      genesisTimestamp: undefined,
      accounts: { mnemonic: HARDHAT_DEFAULT_MNEMONIC, count: 20, balance: 10_000n * 10n ** 18n },
      preset: undefined,
      miners: [],
      verifregRootKey: undefined,
      storageProvider: { enabled: false, miners: [], policy: {} },
      logging: false,
      gas: 16_777_216,
      allowUnlimitedContractSize: false,
      mining: { auto: true, interval: 0 },
      warnOnTimeRounding: true,
      solcjs: "fallback",
      calibrationUrl: undefined,
      mainnetUrl: undefined,
    });
    expect(HARDHAT_DEFAULT_MNEMONIC).to.equal("test test test test test test test test test test test junk");
  });

  it("fills in only what the user left out, also inside accounts", () => {
    const config = resolveFevmConfig({ chainId: 314, accounts: { count: 3 } });
    expect(config.chainId).to.equal(314);
    expect(config.networkVersion).to.equal(28);
    expect(config.accounts).to.deep.equal({ mnemonic: HARDHAT_DEFAULT_MNEMONIC, count: 3, balance: 10n ** 22n });
  });

  it("treats a key set to undefined like a missing key", () => {
    expect(resolveFevmConfig({ chainId: undefined }).chainId).to.equal(31415926);
  });

  it("never shares default arrays or objects between two resolved configs", () => {
    const first = resolveFevmConfig({});
    first.miners.push({ owner: "t01000" });
    first.storageProvider.miners.push(1000n);
    expect(resolveFevmConfig({}).miners).to.deep.equal([]);
    expect(resolveFevmConfig({}).storageProvider).to.deep.equal({ enabled: false, miners: [], policy: {} });
  });
});

describe("fevm config: accepted values", () => {
  it("keeps every valid setting as given", () => {
    const miner = { owner: "t01000", worker: "0x" + "11".repeat(20), sectorSize: 34359738368n, peerId: "12D3KooW", multiaddrs: ["/ip4/127.0.0.1/tcp/1234"] };
    const config = resolveFevmConfig({
      chainId: 314159,
      networkVersion: 18,
      genesisTimestamp: 1_700_000_000,
      accounts: { mnemonic: "abandon ".repeat(11) + "about", count: 1000, balance: "5" },
      miners: [miner, { sectorSize: 2048 }],
      verifregRootKey: "t0100",
      storageProvider: { enabled: true, miners: [1000, "t01001"], maxPricePerEpoch: "5", sealingDelay: 20 },
      logging: true,
      gas: "auto",
      allowUnlimitedContractSize: true,
      mining: { auto: false, interval: [1000, 2000] },
      warnOnTimeRounding: false,
      solcjs: "always",
      calibrationUrl: "http://127.0.0.1:1234/rpc/v1",
      mainnetUrl: "https://example.org/rpc/v1",
    });
    expect(config).to.deep.equal({
      chainId: 314159,
      networkVersion: 18,
      genesisTimestamp: 1_700_000_000,
      accounts: { mnemonic: "abandon ".repeat(11) + "about", count: 1000, balance: 5n },
      preset: undefined,
      miners: [miner, { sectorSize: 2048 }],
      verifregRootKey: "t0100",
      storageProvider: { enabled: true, miners: [1000n, 1001n], policy: { maxPricePerEpoch: 5n, sealingDelay: 20n } },
      logging: true,
      gas: "auto",
      allowUnlimitedContractSize: true,
      mining: { auto: false, interval: [1000, 2000] },
      warnOnTimeRounding: false,
      solcjs: "always",
      calibrationUrl: "http://127.0.0.1:1234/rpc/v1",
      mainnetUrl: "https://example.org/rpc/v1",
    });
  });

  it("takes balances as bigint, decimal string or safe integer, all in attoFIL", () => {
    const balance = (b: unknown) => resolveFevmConfig({ accounts: { balance: b } }).accounts.balance;
    expect(balance(10n ** 30n)).to.equal(10n ** 30n);
    expect(balance("1000000000000000000000")).to.equal(10n ** 21n);
    expect(balance(0)).to.equal(0n);
    expect(balance(2n ** 256n - 1n)).to.equal(2n ** 256n - 1n);
  });

  it("accepts every Filecoin sector size, as number or bigint", () => {
    for (const size of [2048, 8388608, 536870912, 34359738368, 68719476736, 2048n, 68719476736n]) {
      expect(resolveFevmConfig({ miners: [{ sectorSize: size }] }).miners[0].sectorSize).to.equal(size);
    }
  });
});

describe("fevm config: errors name the key, what is allowed and what was given", () => {
  it("takes the verified registry's root key as an address string", () => {
    expect(resolveFevmConfig({ verifregRootKey: "t0100" }).verifregRootKey).to.equal("t0100");
    expect(errorFor({ verifregRootKey: 80 })).to.contain("fevm.verifregRootKey");
  });

  it("rejects a fevm value that is not an object", () => {
    expect(errorFor(5)).to.equal("fevm: expected an object, got 5");
    expect(errorFor(null)).to.equal("fevm: expected an object, got null");
    expect(errorFor([])).to.equal("fevm: expected an object, got an array");
  });

  it("lists the known keys for an unknown key, and spots a wrong case", () => {
    expect(errorFor({ chainid: 1 })).to.equal(
      'fevm: unknown key "chainid" (did you mean "chainId"?); known keys: chainId, networkVersion, ' +
        "genesisTimestamp, accounts, preset, miners, verifregRootKey, storageProvider, logging, gas, allowUnlimitedContractSize, mining, warnOnTimeRounding, solcjs, calibrationUrl, mainnetUrl",
    );
    expect(errorFor({ forking: {} })).to.match(/^fevm: unknown key "forking"; known keys: chainId, /);
  });

  it("rejects a chain id that is not a positive safe integer", () => {
    expect(errorFor({ chainId: 0 })).to.equal("fevm.chainId: expected a positive safe integer, got 0");
    expect(errorFor({ chainId: "314" })).to.equal('fevm.chainId: expected a positive safe integer, got "314"');
    expect(errorFor({ chainId: 314n })).to.equal("fevm.chainId: expected a positive safe integer, got 314n");
  });

  it("rejects a network version the emulator does not know", () => {
    expect(errorFor({ networkVersion: 31 })).to.equal(
      "fevm.networkVersion: expected an integer from 18 to 28, got 31",
    );
    expect(errorFor({ networkVersion: 17 })).to.equal(
      "fevm.networkVersion: expected an integer from 18 to 28, got 17",
    );
    expect(errorFor({ networkVersion: 25.5 })).to.equal(
      "fevm.networkVersion: expected an integer from 18 to 28, got 25.5",
    );
  });

  it("rejects a genesis timestamp that is not Unix seconds, and says when it looks like milliseconds", () => {
    expect(errorFor({ genesisTimestamp: -1 })).to.equal(
      "fevm.genesisTimestamp: expected Unix seconds (an integer from 0 to 253402300799), got -1",
    );
    expect(errorFor({ genesisTimestamp: 1_700_000_000_000 })).to.equal(
      "fevm.genesisTimestamp: expected Unix seconds (an integer from 0 to 253402300799), got 1700000000000; " +
        "that looks like milliseconds: use Math.floor(Date.now() / 1000)",
    );
  });

  it("checks the accounts object and each of its fields", () => {
    expect(errorFor({ accounts: "remote" })).to.equal('fevm.accounts: expected an object, got "remote"');
    expect(errorFor({ accounts: { path: "m/44'/60'/0'/0" } })).to.equal(
      'fevm.accounts: unknown key "path"; known keys: mnemonic, count, balance',
    );
    expect(errorFor({ accounts: { count: 0 } })).to.equal(
      "fevm.accounts.count: expected an integer from 1 to 1000, got 0",
    );
    expect(errorFor({ accounts: { mnemonic: 12 } })).to.equal(
      "fevm.accounts.mnemonic: expected 12, 15, 18, 21 or 24 words separated by single spaces, got 12",
    );
  });

  it("never echoes a malformed mnemonic, only its word count", () => {
    const secret = "zebra lunar orbit mango velvet quiet ribbon sugar token unfair vivid";
    const message = errorFor({ accounts: { mnemonic: secret } });
    expect(message).to.equal(
      "fevm.accounts.mnemonic: expected 12, 15, 18, 21 or 24 words separated by single spaces, " +
        "got a string of 11 words (not shown)",
    );
    const doubleSpaced = errorFor({ accounts: { mnemonic: HARDHAT_DEFAULT_MNEMONIC.replace(" ", "  ") } });
    expect(doubleSpaced).to.contain("got a string of 12 words (not shown)");
    expect(doubleSpaced).not.to.contain("junk");
  });

  it("rejects balances that are negative, fractional, too large or lose digits", () => {
    const expected = "a non-negative bigint, decimal string or safe integer below 2^256";
    expect(errorFor({ accounts: { balance: -1n } })).to.equal(`fevm.accounts.balance: expected ${expected}, got -1n`);
    expect(errorFor({ accounts: { balance: 1.5 } })).to.equal(`fevm.accounts.balance: expected ${expected}, got 1.5`);
    expect(errorFor({ accounts: { balance: "10 FIL" } })).to.equal(
      `fevm.accounts.balance: expected ${expected}, got "10 FIL"`,
    );
    expect(errorFor({ accounts: { balance: 2n ** 256n } })).to.equal(
      `fevm.accounts.balance: expected ${expected}, got ${2n ** 256n}n`,
    );
    expect(errorFor({ accounts: { balance: 1e22 } })).to.equal(
      `fevm.accounts.balance: expected ${expected}, got 1e+22; numbers above 2^53 lose digits: ` +
        "write a bigint such as 10_000n * 10n ** 18n, or a decimal string",
    );
  });

  it("checks miners one by one and names the index", () => {
    expect(errorFor({ miners: {} })).to.equal("fevm.miners: expected an array of miner objects, got an object");
    expect(errorFor({ miners: ["t01000"] })).to.equal('fevm.miners[0]: expected an object, got "t01000"');
    expect(errorFor({ miners: [{}, { ownr: "t0100" }] })).to.equal(
      'fevm.miners[1]: unknown key "ownr"; known keys: owner, worker, sectorSize, peerId, multiaddrs, presealSectors',
    );
    expect(errorFor({ miners: [{ owner: "" }] })).to.equal('fevm.miners[0].owner: expected a non-empty string, got ""');
    expect(errorFor({ miners: [{ worker: 5 }] })).to.equal("fevm.miners[0].worker: expected a non-empty string, got 5");
    // A malformed owner or worker is reported with the config, not when the network first starts.
    expect(errorFor({ miners: [{ owner: "garbage" }] })).to.match(/^fevm\.miners\[0\]\.owner: expected a Filecoin \(f…\/t…\) or 0x address, got "garbage"/);
    expect(errorFor({ miners: [{ worker: "t3xyz" }] })).to.match(/^fevm\.miners\[0\]\.worker: expected a Filecoin/);
    expect(errorFor({ miners: [{ peerId: null }] })).to.equal(
      "fevm.miners[0].peerId: expected a non-empty string, got null",
    );
    expect(errorFor({ miners: [{ multiaddrs: "/ip4/1.2.3.4" }] })).to.equal(
      'fevm.miners[0].multiaddrs: expected an array of strings, got "/ip4/1.2.3.4"',
    );
    expect(errorFor({ miners: [{ multiaddrs: ["/ip4/1.2.3.4", 7] }] })).to.equal(
      "fevm.miners[0].multiaddrs[1]: expected a non-empty string, got 7",
    );
  });

  it("lists the Filecoin sector sizes when a miner's size is not one of them", () => {
    expect(errorFor({ miners: [{ sectorSize: 32 * 1024 ** 3 + 1 }] })).to.equal(
      "fevm.miners[0].sectorSize: expected a sector size in bytes: one of 2048 (2 KiB), 8388608 (8 MiB), " +
        "536870912 (512 MiB), 34359738368 (32 GiB), 68719476736 (64 GiB), got 34359738369",
    );
    expect(errorFor({ miners: [{ sectorSize: "32GiB" }] })).to.match(/got "32GiB"$/);
  });

  it("rejects a storageProvider policy that is not an object", () => {
    expect(errorFor({ storageProvider: true })).to.equal("fevm.storageProvider: expected an object, got true");
  });

  it("names each wrong storageProvider option, and an enabled provider without a miner", () => {
    expect(errorFor({ storageProvider: { enabled: true, maxPrice: 1, miners: ["f1abc"], minPieceSize: -1 } })).to.equal(
      [
        "Invalid fevm config:",
        '  fevm.storageProvider: unknown key "maxPrice"; known keys: enabled, miners, maxPricePerEpoch, minPieceSize, maxPieceSize, verifiedOnly, allowClients, denyClients, capacityBytes, sealingDelay, faultRate, faultSeed, faultDuration',
        '  fevm.storageProvider.miners[0]: expected a miner actor id (1000, 1000n or "t01000"), got "f1abc"',
        "  fevm.storageProvider.enabled: the storage provider needs a miner: add one to fevm.miners (it gets id 1000) or list ids in fevm.storageProvider.miners",
        '  fevm.storageProvider.minPieceSize: expected a non-negative whole number (bigint, safe number or decimal string), got "-1"',
      ].join("\n"),
    );
    expect(resolveFevmConfig({ miners: [{}], storageProvider: { enabled: true } }).storageProvider).to.deep.equal({ enabled: true, miners: [], policy: {} });
  });

  it("rejects logging that is not a boolean", () => {
    expect(errorFor({ logging: "yes" })).to.equal('fevm.logging: expected true or false, got "yes"');
    expect(errorFor({ warnOnTimeRounding: 0 })).to.equal("fevm.warnOnTimeRounding: expected true or false, got 0");
    expect(resolveFevmConfig({ mining: { interval: 500 } }).mining).to.deep.equal({ auto: true, interval: 500 });
    expect(errorFor({ mining: { interval: [2000, 1000] } })).to.equal(
      "fevm.mining.interval: expected milliseconds (0 = off) or [min, max] milliseconds, got an array",
    );
    expect(errorFor({ mining: { auto: "no" } })).to.equal('fevm.mining.auto: expected true or false, got "no"');
    expect(errorFor({ allowUnlimitedContractSize: "yes" })).to.equal('fevm.allowUnlimitedContractSize: expected true or false, got "yes"');
  });

  it("takes a send's default gas limit as an integer within Filecoin's block gas limit, or \"auto\"", () => {
    expect(resolveFevmConfig({ gas: 30_000_000 }).gas).to.equal(30_000_000);
    const expected = 'fevm.gas: expected "auto" or an integer from 21000 to 10000000000, got';
    expect(errorFor({ gas: 20_999 })).to.equal(`${expected} 20999`);
    expect(errorFor({ gas: 10_000_000_001 })).to.equal(`${expected} 10000000001`);
    expect(errorFor({ gas: "30000000" })).to.equal(`${expected} "30000000"`);
  });

  it("rejects an unknown solcjs mode", () => {
    expect(errorFor({ solcjs: true })).to.equal('fevm.solcjs: expected one of "fallback", "always", "never", got true');
    expect(errorFor({ solcjs: "auto" })).to.equal(
      'fevm.solcjs: expected one of "fallback", "always", "never", got "auto"',
    );
  });

  it("wants http(s) URLs for the real networks", () => {
    expect(errorFor({ calibrationUrl: "wss://example.org/rpc/v1" })).to.equal(
      'fevm.calibrationUrl: expected an http:// or https:// URL, got "wss://example.org/rpc/v1"',
    );
    expect(errorFor({ mainnetUrl: "api.node.glif.io" })).to.equal(
      'fevm.mainnetUrl: expected an http:// or https:// URL, got "api.node.glif.io"',
    );
    expect(errorFor({ mainnetUrl: 1 })).to.equal("fevm.mainnetUrl: expected an http:// or https:// URL, got 1");
  });

  it("reports every problem at once, one line each", () => {
    const error = (() => {
      try {
        resolveFevmConfig({ chainId: -1, logging: 1, accounts: { count: 2.5 }, typo: 1 });
      } catch (e) {
        return e as FevmConfigError;
      }
      throw new Error("accepted an invalid config");
    })();
    expect(error.issues).to.have.length(4);
    expect(error.message.split("\n")).to.deep.equal([
      "Invalid fevm config:",
      '  fevm: unknown key "typo"; known keys: chainId, networkVersion, genesisTimestamp, accounts, preset, miners, ' +
        "verifregRootKey, storageProvider, logging, gas, allowUnlimitedContractSize, mining, warnOnTimeRounding, solcjs, calibrationUrl, mainnetUrl",
      "  fevm.chainId: expected a positive safe integer, got -1",
      "  fevm.accounts.count: expected an integer from 1 to 1000, got 2.5",
      "  fevm.logging: expected true or false, got 1",
    ]);
  });
});

import { expect } from "chai";
import type { NetworksConfig } from "hardhat/types";
import { resolveFevmConfig } from "../../../src/config/resolve";
import {
  FEVM_IN_PROCESS_URL,
  filecoinNetworkConfig,
  mergePresets,
  privateKeyIssue,
  realNetworkPresets,
} from "../../../src/config/presets";
import { FevmConfigError } from "../../../src/config/validate";

const KEY_A = "0x" + "a1".repeat(32);
const KEY_B = "B2".repeat(32);

describe("the filecoin network entry", () => {
  it("points Hardhat at the in-process emulator with an http URL that can never resolve", () => {
    const url = new URL(FEVM_IN_PROCESS_URL);
    expect(url.protocol).to.equal("http:");
    expect(url.hostname.endsWith(".invalid")).to.equal(true);
  });

  it("leaves signing to the emulator and carries the configured chain id and send gas limit", () => {
    expect(filecoinNetworkConfig(resolveFevmConfig({ chainId: 1234 }))).to.deep.equal({
      url: FEVM_IN_PROCESS_URL,
      accounts: "remote",
      gas: 16_777_216,
      gasPrice: "auto",
      gasMultiplier: 1,
      httpHeaders: {},
      timeout: 20000,
      chainId: 1234,
    });
    expect(filecoinNetworkConfig(resolveFevmConfig(undefined)).chainId).to.equal(31415926);
    expect(filecoinNetworkConfig(resolveFevmConfig({ gas: "auto" })).gas).to.equal("auto");
  });
});

describe("calibration and filecoin-mainnet presets", () => {
  it("use Glif's public endpoints and no signers when nothing is configured", () => {
    const presets = realNetworkPresets(resolveFevmConfig(undefined), {});
    expect(presets.calibration).to.deep.equal({
      url: "https://api.calibration.node.glif.io/rpc/v1",
      chainId: 314159,
      accounts: [],
      gas: "auto",
      gasPrice: "auto",
      gasMultiplier: 1,
      httpHeaders: {},
      timeout: 20000,
    });
    expect(presets["filecoin-mainnet"].url).to.equal("https://api.node.glif.io/rpc/v1");
    expect(presets["filecoin-mainnet"].chainId).to.equal(314);
    expect(presets["filecoin-mainnet"].accounts).to.deep.equal([]);
  });

  it("take the RPC URLs from FEVM_CALIBRATION_RPC and FEVM_MAINNET_RPC", () => {
    const presets = realNetworkPresets(resolveFevmConfig(undefined), {
      FEVM_CALIBRATION_RPC: "http://127.0.0.1:1234/rpc/v1",
      FEVM_MAINNET_RPC: " https://mainnet.example/rpc/v1 ",
    });
    expect(presets.calibration.url).to.equal("http://127.0.0.1:1234/rpc/v1");
    expect(presets["filecoin-mainnet"].url).to.equal("https://mainnet.example/rpc/v1");
  });

  it("prefer the URLs in the fevm config over the environment", () => {
    const fevm = resolveFevmConfig({ calibrationUrl: "https://calib.example", mainnetUrl: "https://main.example" });
    const presets = realNetworkPresets(fevm, {
      FEVM_CALIBRATION_RPC: "http://127.0.0.1:1/",
      FEVM_MAINNET_RPC: "http://127.0.0.1:2/",
    });
    expect(presets.calibration.url).to.equal("https://calib.example");
    expect(presets["filecoin-mainnet"].url).to.equal("https://main.example");
  });

  it("sign with the comma-separated keys of FEVM_PRIVATE_KEY, 0x-prefixed or not", () => {
    const presets = realNetworkPresets(resolveFevmConfig(undefined), { FEVM_PRIVATE_KEY: ` ${KEY_A}, ${KEY_B},` });
    const expected = [KEY_A, "0x" + KEY_B.toLowerCase()];
    expect(presets.calibration.accounts).to.deep.equal(expected);
    expect(presets["filecoin-mainnet"].accounts).to.deep.equal(expected);
  });

  it("reject a malformed key by its position and never print it, only when those networks are used", () => {
    const leaked = "c3".repeat(31);
    const env = { FEVM_PRIVATE_KEY: `${KEY_A},${leaked}` };
    // Building the config must not fail: commands that never use these networks keep working.
    expect(realNetworkPresets(resolveFevmConfig(undefined), env).calibration.accounts).to.deep.equal([]);
    const issue = privateKeyIssue(env);
    expect(issue).to.be.instanceOf(FevmConfigError);
    const message = issue!.message;
    expect(message).to.equal(
      "FEVM_PRIVATE_KEY: entry 2 of 2 is not a private key (expected 64 hex digits, optionally 0x-prefixed, " +
        "keys separated by commas; the value is not shown)",
    );
    expect(message).not.to.contain("c3c3");
    expect(message).not.to.contain("a1a1");
  });

  it("refuses a FEVM_PRIVATE_KEY entry of 64 hex digits that is no secp256k1 key (zero, or not below the group order)", () => {
    for (const bad of ["0".repeat(64), "f".repeat(64)]) {
      const issue = privateKeyIssue({ FEVM_PRIVATE_KEY: bad });
      expect(issue, bad.slice(0, 4)).to.be.instanceOf(FevmConfigError);
      expect(issue!.message).to.match(/^FEVM_PRIVATE_KEY: entry 1 of 1 is not a private key/);
    }
  });

  it("are added only under names the user has not defined", () => {
    const userCalibration = { url: "http://my-lotus:1234/rpc/v1", accounts: "remote" } as const;
    const networks = { calibration: { ...userCalibration } } as unknown as NetworksConfig;
    const presets = realNetworkPresets(resolveFevmConfig(undefined), {});

    const added = mergePresets(networks, { calibration: userCalibration }, presets);

    expect(added).to.deep.equal(["filecoin-mainnet"]);
    expect(networks.calibration).to.deep.equal(userCalibration);
    expect(networks["filecoin-mainnet"]).to.deep.equal(presets["filecoin-mainnet"]);
  });

  it("are all added when the user config has no networks", () => {
    const networks = {} as NetworksConfig;
    const added = mergePresets(networks, undefined, realNetworkPresets(resolveFevmConfig(undefined), {}));
    expect(added).to.deep.equal(["calibration", "filecoin-mainnet"]);
    expect(Object.keys(networks)).to.deep.equal(["calibration", "filecoin-mainnet"]);
  });
});

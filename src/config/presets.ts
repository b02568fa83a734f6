import type { HttpNetworkConfig, NetworksConfig, NetworksUserConfig } from "hardhat/types";
import type { FevmConfig } from "./types";
import { FevmConfigError } from "./validate";
import { isPrivateKey } from "../chain/private-key";

/**
 * URL of the injected `filecoin` network. Hardhat 2 builds an HttpProvider for every network but
 * `hardhat`, and its constructor only accepts http(s) URLs (it does no I/O); our provider extender
 * swaps the emulator in for this URL. `.invalid` can never resolve, so nothing leaks to the net.
 */
export const FEVM_IN_PROCESS_URL = "http://fevm.in-process.invalid";

export const CALIBRATION_CHAIN_ID = 314159;
export const MAINNET_CHAIN_ID = 314;
export const DEFAULT_CALIBRATION_URL = "https://api.calibration.node.glif.io/rpc/v1";
export const DEFAULT_MAINNET_URL = "https://api.node.glif.io/rpc/v1";

export type RealNetworkName = "calibration" | "filecoin-mainnet";

/**
 * The fields Hardhat itself gives a resolved HTTP network. Plugins add their own (Ignition's
 * `ignition`) from config extenders that run after ours, so they are not ours to fill.
 */
export type FevmHttpNetworkConfig = Pick<
  HttpNetworkConfig,
  "url" | "chainId" | "accounts" | "gas" | "gasPrice" | "gasMultiplier" | "httpHeaders" | "timeout"
>;

/** Hardhat's defaults for HTTP networks (`defaultHttpNetworkParams`), spelled out per network. */
function httpNetwork(
  url: string,
  chainId: number,
  accounts: HttpNetworkConfig["accounts"],
  gas: HttpNetworkConfig["gas"] = "auto",
): FevmHttpNetworkConfig {
  return { url, chainId, accounts, gas, gasPrice: "auto", gasMultiplier: 1, httpHeaders: {}, timeout: 20000 };
}

/**
 * The `filecoin` network entry. `accounts: "remote"` leaves signing to the emulator: with local
 * keys Hardhat would sign in JS and refuse impersonated senders (spec §1.2). A numeric `gas` makes
 * Hardhat fill a send's missing gas limit (its FixedGasProvider) instead of estimating it.
 */
export function filecoinNetworkConfig(fevm: FevmConfig): FevmHttpNetworkConfig {
  return httpNetwork(FEVM_IN_PROCESS_URL, fevm.chainId, "remote", fevm.gas);
}

/**
 * `calibration` and `filecoin-mainnet`: URL from the `fevm` config, else FEVM_CALIBRATION_RPC /
 * FEVM_MAINNET_RPC, else Glif's public endpoints; signers from FEVM_PRIVATE_KEY (comma-separated).
 * A malformed FEVM_PRIVATE_KEY leaves them without signers here: `privateKeyIssue` reports it
 * when one of these networks is used, so commands that never touch them keep working.
 */
export function realNetworkPresets(
  fevm: FevmConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Record<RealNetworkName, FevmHttpNetworkConfig> {
  const accounts = privateKeyIssue(env) === undefined ? privateKeyEntries(env).map(hexKey) : [];
  return {
    calibration: httpNetwork(
      fevm.calibrationUrl ?? nonEmpty(env.FEVM_CALIBRATION_RPC) ?? DEFAULT_CALIBRATION_URL,
      CALIBRATION_CHAIN_ID,
      accounts,
    ),
    "filecoin-mainnet": httpNetwork(
      fevm.mainnetUrl ?? nonEmpty(env.FEVM_MAINNET_RPC) ?? DEFAULT_MAINNET_URL,
      MAINNET_CHAIN_ID,
      [...accounts],
    ),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function privateKeyEntries(env: Readonly<Record<string, string | undefined>>): string[] {
  return (env.FEVM_PRIVATE_KEY ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

const hexKey = (entry: string) => `0x${entry.toLowerCase().replace(/^0x/, "")}`;

/** What is wrong with FEVM_PRIVATE_KEY, if anything; a malformed entry is named by position, never by value. */
export function privateKeyIssue(env: Readonly<Record<string, string | undefined>> = process.env): FevmConfigError | undefined {
  const entries = privateKeyEntries(env);
  const issues = entries.flatMap((entry, i) =>
    isPrivateKey(hexKey(entry))
      ? []
      : [
          `FEVM_PRIVATE_KEY: entry ${i + 1} of ${entries.length} is not a private key ` +
            "(expected 64 hex digits, optionally 0x-prefixed, keys separated by commas; the value is not shown)",
        ],
  );
  return issues.length > 0 ? new FevmConfigError(issues) : undefined;
}

/**
 * Adds each preset whose name the user has not defined in `networks` (a user's own
 * `calibration` always wins, even if it lacks fields we would have set). Returns the names added.
 */
export function mergePresets(
  networks: NetworksConfig,
  userNetworks: NetworksUserConfig | undefined,
  presets: Readonly<Record<string, FevmHttpNetworkConfig>>,
): string[] {
  const added: string[] = [];
  for (const [name, preset] of Object.entries(presets)) {
    if (userNetworks?.[name] !== undefined || networks[name] !== undefined) continue;
    // Plugin-specific fields are added by those plugins' extenders (see FevmHttpNetworkConfig).
    networks[name] = preset as HttpNetworkConfig;
    added.push(name);
  }
  return added;
}

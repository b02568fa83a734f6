import type { FevmUserConfig } from "./types";

/** The part of Hardhat 2's `networks.hardhat` user config that also makes sense on `filecoin`. */
export interface HardhatNetworkSettings {
  allowUnlimitedContractSize?: unknown;
  mining?: { auto?: unknown; interval?: unknown };
  accounts?: unknown;
}

/** Keys of Hardhat's mnemonic accounts config that the emulator follows only at their defaults. */
const HD_DEFAULTS: Record<string, unknown> = { path: "m/44'/60'/0'/0", initialIndex: 0, passphrase: "" };

/**
 * A project ported from Hardhat's network keeps its settings under `networks.hardhat` (e.g.
 * OpenZeppelin's `allowUnlimitedContractSize`, or `accounts` as `{ privateKey, balance }`
 * objects), and its tests rely on them. Those settings apply to `filecoin` too, unless `fevm`
 * sets them itself; they are validated as `fevm` keys.
 */
export function withHardhatNetworkSettings(fevm: FevmUserConfig | undefined, hardhat: HardhatNetworkSettings | undefined): FevmUserConfig | undefined {
  if (hardhat === undefined || typeof hardhat !== "object") return fevm;
  const inherited: Record<string, unknown> = {};
  if (hardhat.allowUnlimitedContractSize !== undefined) inherited.allowUnlimitedContractSize = hardhat.allowUnlimitedContractSize;
  const mining = hardhat.mining;
  if (mining !== undefined && typeof mining === "object" && mining !== null) {
    const { auto, interval } = mining;
    inherited.mining = Object.fromEntries(Object.entries({ auto, interval }).filter(([, v]) => v !== undefined));
  }
  const accounts = inheritedAccounts(hardhat.accounts);
  if (accounts !== undefined) inherited.accounts = accounts;
  if (Object.keys(inherited).length === 0) return fevm;
  return { ...(inherited as FevmUserConfig), ...fevm };
}

/**
 * `networks.hardhat.accounts` as `fevm.accounts`: a list as it is; Hardhat's mnemonic form
 * (`accountsBalance` being `balance`) unless it sets another path, first index or a passphrase,
 * which the emulator's m/44'/60'/0'/0/i accounts cannot follow (filecoin keeps its defaults).
 */
function inheritedAccounts(accounts: unknown): unknown {
  if (accounts === undefined || Array.isArray(accounts)) return accounts;
  if (typeof accounts !== "object" || accounts === null) return accounts;
  const { accountsBalance, ...rest } = accounts as Record<string, unknown>;
  for (const [key, standard] of Object.entries(HD_DEFAULTS)) {
    if (rest[key] !== undefined && rest[key] !== standard) return undefined;
    delete rest[key];
  }
  return { ...rest, ...(accountsBalance === undefined ? {} : { balance: accountsBalance }) };
}

import { FILECOIN_BLOCK_GAS_LIMIT } from "../chain/epochs";
import { isPrivateKey } from "../chain/private-key";
import { InvalidAddressError, toFilecoinAddress } from "../fil";
import { defaultFevmConfig, defaultMnemonicAccounts, NETWORK_VERSIONS } from "./defaults";
import type {
  FevmConfig,
  FevmKeyAccount,
  FevmKeyAccountUserConfig,
  FevmMinerUserConfig,
  FevmMnemonicAccounts,
  FevmPreset,
  FevmUserConfig,
  SolcjsMode,
} from "./types";
import { readStorageProvider } from "./storage-provider";
import {
  ConfigIssues,
  isPlainObject,
  readBoolean,
  readHttpUrl,
  readInteger,
  readNonEmptyString,
  readOneOf,
  readRecord,
  readStringArray,
  readUint256,
} from "./validate";

type MnemonicAccountsUserConfig = Exclude<NonNullable<FevmUserConfig["accounts"]>, unknown[]>;

/** The listed keys of T, checked by the compiler to be exactly T's keys. */
function keysOf<T>(shape: Record<keyof T, true>): (keyof T & string)[] {
  return Object.keys(shape) as (keyof T & string)[];
}

const FEVM_KEYS = keysOf<FevmUserConfig>({
  chainId: true,
  networkVersion: true,
  genesisTimestamp: true,
  accounts: true,
  preset: true,
  miners: true,
  verifregRootKey: true,
  storageProvider: true,
  logging: true,
  gas: true,
  allowUnlimitedContractSize: true,
  mining: true,
  warnOnTimeRounding: true,
  solcjs: true,
  calibrationUrl: true,
  mainnetUrl: true,
});
const MINING_KEYS = keysOf<NonNullable<FevmUserConfig["mining"]>>({ auto: true, interval: true });
const ACCOUNTS_KEYS = keysOf<MnemonicAccountsUserConfig>({ mnemonic: true, count: true, balance: true });
const KEY_ACCOUNT_KEYS = keysOf<FevmKeyAccountUserConfig>({ privateKey: true, balance: true });
const MINER_KEYS = keysOf<FevmMinerUserConfig>({
  owner: true,
  worker: true,
  sectorSize: true,
  peerId: true,
  multiaddrs: true,
  presealSectors: true,
});
const PRESETS: readonly FevmPreset[] = ["lotus-devnet"];
/** The genesis miner of a Lotus 2 KiB devnet (lotus-seed pre-seal: 2 sectors of 2 KiB). */
const LOTUS_DEVNET_MINERS: FevmMinerUserConfig[] = [{ sectorSize: 2048, presealSectors: 2 }];
const PRESEAL_SECTORS = { min: 0, max: 1000 };
const SOLCJS_MODES: readonly SolcjsMode[] = ["fallback", "always", "never"];

const CHAIN_IDS = { min: 1, max: Number.MAX_SAFE_INTEGER, wording: "a positive safe integer" };
/** Up to 9999-12-31T23:59:59Z; anything larger is almost surely milliseconds. */
const GENESIS_SECONDS = { min: 0, max: 253_402_300_799 };
const ACCOUNT_COUNTS = { min: 1, max: 1000 };
/** From a plain transfer's intrinsic gas to Filecoin's block gas limit. */
const TX_GAS = { min: 21_000, max: Number(FILECOIN_BLOCK_GAS_LIMIT) };
const MNEMONIC_WORD_COUNTS = [12, 15, 18, 21, 24];

/** Sector sizes of Filecoin's registered seal proofs (2 KiB, 8 MiB, 512 MiB, 32 GiB, 64 GiB). */
const SECTOR_SIZES: readonly { bytes: bigint; name: string }[] = [
  { bytes: 2n ** 11n, name: "2 KiB" },
  { bytes: 2n ** 23n, name: "8 MiB" },
  { bytes: 2n ** 29n, name: "512 MiB" },
  { bytes: 2n ** 35n, name: "32 GiB" },
  { bytes: 2n ** 36n, name: "64 GiB" },
];

/**
 * Validates the user's `fevm` config and fills in defaults. Every problem is reported at once in
 * a FevmConfigError whose lines name the key, what is allowed and what was given.
 */
export function resolveFevmConfig(user: unknown): FevmConfig {
  const config = defaultFevmConfig();
  if (user === undefined) return config;

  const issues = new ConfigIssues();
  const fields = readRecord(user, "fevm", FEVM_KEYS, issues);
  if (fields !== undefined) {
    config.chainId = given(fields.chainId, config.chainId, (v) =>
      readInteger(v, "fevm.chainId", CHAIN_IDS, issues),
    );
    config.networkVersion = given(fields.networkVersion, config.networkVersion, (v) =>
      readInteger(v, "fevm.networkVersion", NETWORK_VERSIONS, issues),
    );
    config.genesisTimestamp = given(fields.genesisTimestamp, config.genesisTimestamp, (v) =>
      readGenesisTimestamp(v, issues),
    );
    config.accounts = given(fields.accounts, config.accounts, (v) => readAccounts(v, issues));
    config.preset = given(fields.preset, config.preset, (v) => readOneOf(v, "fevm.preset", PRESETS, issues));
    if (config.preset === "lotus-devnet") config.miners = LOTUS_DEVNET_MINERS.map((m) => ({ ...m }));
    config.miners = given(fields.miners, config.miners, (v) => readMiners(v, issues));
    config.verifregRootKey = given(fields.verifregRootKey, config.verifregRootKey, (v) =>
      readNonEmptyString(v, "fevm.verifregRootKey", issues),
    );
    config.storageProvider = given(fields.storageProvider, config.storageProvider, (v) =>
      readStorageProvider(v, config.miners.length, issues),
    );
    config.logging = given(fields.logging, config.logging, (v) =>
      readBoolean(v, "fevm.logging", issues),
    );
    config.gas = given(fields.gas, config.gas, (v) => readGas(v, issues));
    config.allowUnlimitedContractSize = given(fields.allowUnlimitedContractSize, config.allowUnlimitedContractSize, (v) =>
      readBoolean(v, "fevm.allowUnlimitedContractSize", issues),
    );
    config.mining = given(fields.mining, config.mining, (v) => readMining(v, config.mining, issues));
    config.warnOnTimeRounding = given(fields.warnOnTimeRounding, config.warnOnTimeRounding, (v) =>
      readBoolean(v, "fevm.warnOnTimeRounding", issues),
    );
    config.solcjs = given(fields.solcjs, config.solcjs, (v) =>
      readOneOf(v, "fevm.solcjs", SOLCJS_MODES, issues),
    );
    config.calibrationUrl = given(fields.calibrationUrl, config.calibrationUrl, (v) =>
      readHttpUrl(v, "fevm.calibrationUrl", issues),
    );
    config.mainnetUrl = given(fields.mainnetUrl, config.mainnetUrl, (v) =>
      readHttpUrl(v, "fevm.mainnetUrl", issues),
    );
  }
  issues.throwIfAny();
  return config;
}

/** The checked value when the user gave one (an invalid one is recorded, then thrown). */
function given<T>(value: unknown, fallback: T, read: (value: unknown) => T | undefined): T {
  return value === undefined ? fallback : read(value) ?? fallback;
}

function readGenesisTimestamp(value: unknown, issues: ConfigIssues): number | undefined {
  const { min, max } = GENESIS_SECONDS;
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return value;
  const looksLikeMilliseconds = typeof value === "number" && value > max;
  return issues.expected(
    "fevm.genesisTimestamp",
    `Unix seconds (an integer from ${min} to ${max})`,
    value,
    looksLikeMilliseconds ? "that looks like milliseconds: use Math.floor(Date.now() / 1000)" : undefined,
  );
}

function readGas(value: unknown, issues: ConfigIssues): number | "auto" | undefined {
  if (value === "auto") return value;
  const { min, max } = TX_GAS;
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return value;
  return issues.expected("fevm.gas", `"auto" or an integer from ${min} to ${max}`, value);
}

function readMining(value: unknown, defaults: FevmConfig["mining"], issues: ConfigIssues): FevmConfig["mining"] | undefined {
  const fields = readRecord(value, "fevm.mining", MINING_KEYS, issues);
  if (fields === undefined) return undefined;
  return {
    auto: given(fields.auto, defaults.auto, (v) => readBoolean(v, "fevm.mining.auto", issues)),
    interval: given(fields.interval, defaults.interval, (v) => readInterval(v, issues)),
  };
}

/** Milliseconds between interval-mined blocks, or [min, max] for a random delay; 0 = off. */
function readInterval(value: unknown, issues: ConfigIssues): number | [number, number] | undefined {
  const ms = (v: unknown, min: number) => typeof v === "number" && Number.isSafeInteger(v) && v >= min;
  if (ms(value, 0)) return value as number;
  if (Array.isArray(value) && value.length === 2 && ms(value[0], 1) && ms(value[1], 1) && value[0] <= value[1]) {
    return [value[0], value[1]];
  }
  return issues.expected("fevm.mining.interval", "milliseconds (0 = off) or [min, max] milliseconds", value);
}

function readAccounts(value: unknown, issues: ConfigIssues): FevmConfig["accounts"] | undefined {
  return Array.isArray(value) ? readKeyAccounts(value, issues) : readMnemonicAccounts(value, issues);
}

function readMnemonicAccounts(value: unknown, issues: ConfigIssues): FevmMnemonicAccounts | undefined {
  const defaults = defaultMnemonicAccounts();
  const fields = readRecord(value, "fevm.accounts", ACCOUNTS_KEYS, issues);
  if (fields === undefined) return undefined;
  return {
    mnemonic: given(fields.mnemonic, defaults.mnemonic, (v) => readMnemonic(v, issues)),
    count: given(fields.count, defaults.count, (v) =>
      readInteger(v, "fevm.accounts.count", ACCOUNT_COUNTS, issues),
    ),
    balance: given(fields.balance, defaults.balance, (v) =>
      readUint256(v, "fevm.accounts.balance", issues),
    ),
  };
}

/** A list of private keys, each a hex string or `{ privateKey, balance }` (Hardhat's list form). */
function readKeyAccounts(list: unknown[], issues: ConfigIssues): FevmKeyAccount[] | undefined {
  const { min, max } = ACCOUNT_COUNTS;
  if (list.length < min || list.length > max) {
    return issues.add(`fevm.accounts: expected from ${min} to ${max} accounts, got ${list.length}`);
  }
  const accounts = list.map((item, i) => readKeyAccount(item, `fevm.accounts[${i}]`, issues));
  const firstIndex = new Map<string, number>();
  accounts.forEach((account, i) => {
    if (account === undefined) return;
    const first = firstIndex.get(account.privateKey);
    if (first === undefined) firstIndex.set(account.privateKey, i);
    else issues.add(`fevm.accounts[${i}].privateKey: the same key as fevm.accounts[${first}]; list each account once`);
  });
  return accounts.every((a): a is FevmKeyAccount => a !== undefined) ? accounts : undefined;
}

function readKeyAccount(value: unknown, key: string, issues: ConfigIssues): FevmKeyAccount | undefined {
  const defaultBalance = defaultMnemonicAccounts().balance;
  if (typeof value === "string") {
    const privateKey = readPrivateKey(value, key, issues);
    return privateKey === undefined ? undefined : { privateKey, balance: defaultBalance };
  }
  const fields = readRecord(value, key, KEY_ACCOUNT_KEYS, issues);
  if (fields === undefined) return undefined;
  if (fields.privateKey === undefined) return issues.add(`${key}.privateKey: missing; each account needs its private key`);
  const privateKey = readPrivateKey(fields.privateKey, `${key}.privateKey`, issues);
  const balance = given(fields.balance, defaultBalance, (v) => readUint256(v, `${key}.balance`, issues));
  return privateKey === undefined ? undefined : { privateKey, balance };
}

/** A private key, 0x-prefixed or not, as 0x + lowercase hex. Never echoed: users paste real ones. */
function readPrivateKey(value: unknown, key: string, issues: ConfigIssues): string | undefined {
  const expected = "a secp256k1 private key: 64 hex digits (with or without 0x), not zero, below the curve order";
  if (typeof value !== "string") return issues.expected(key, expected, value);
  const hex = (value.startsWith("0x") || value.startsWith("0X") ? `0x${value.slice(2)}` : `0x${value}`).toLowerCase();
  if (isPrivateKey(hex)) return hex;
  return issues.add(`${key}: expected ${expected}, got a string of ${value.length} characters (not shown)`);
}

/** Checks the shape of a BIP-39 phrase without ever echoing it: users paste real ones. */
function readMnemonic(value: unknown, issues: ConfigIssues): string | undefined {
  const key = "fevm.accounts.mnemonic";
  const expected = "12, 15, 18, 21 or 24 words separated by single spaces";
  if (typeof value !== "string") return issues.expected(key, expected, value);
  const words = value.split(" ");
  if (MNEMONIC_WORD_COUNTS.includes(words.length) && words.every((w) => /^\S+$/.test(w))) return value;
  const wordCount = value.trim() === "" ? 0 : value.trim().split(/\s+/).length;
  return issues.add(`${key}: expected ${expected}, got a string of ${wordCount} words (not shown)`);
}

function readMiners(value: unknown, issues: ConfigIssues): FevmMinerUserConfig[] | undefined {
  if (!Array.isArray(value)) return issues.expected("fevm.miners", "an array of miner objects", value);
  const miners = value.map((item, i) => readMiner(item, `fevm.miners[${i}]`, issues));
  return miners.every((m): m is FevmMinerUserConfig => m !== undefined) ? miners : undefined;
}

function readMiner(value: unknown, key: string, issues: ConfigIssues): FevmMinerUserConfig | undefined {
  const fields = readRecord(value, key, MINER_KEYS, issues);
  if (fields === undefined) return undefined;
  // An invalid field is recorded in `issues` (thrown by the caller) and simply left out here.
  return withoutUndefined({
    owner: optional(fields.owner, (v) => readAddress(v, `${key}.owner`, issues)),
    worker: optional(fields.worker, (v) => readAddress(v, `${key}.worker`, issues)),
    sectorSize: optional(fields.sectorSize, (v) => readSectorSize(v, `${key}.sectorSize`, issues)),
    peerId: optional(fields.peerId, (v) => readNonEmptyString(v, `${key}.peerId`, issues)),
    multiaddrs: optional(fields.multiaddrs, (v) => readStringArray(v, `${key}.multiaddrs`, issues)),
    presealSectors: optional(fields.presealSectors, (v) => readInteger(v, `${key}.presealSectors`, PRESEAL_SECTORS, issues)),
  });
}

/** An address the miner actor takes, checked now rather than when the network first starts. */
function readAddress(value: unknown, key: string, issues: ConfigIssues): string | undefined {
  const text = readNonEmptyString(value, key, issues);
  if (text === undefined) return undefined;
  try {
    toFilecoinAddress(text);
    return text;
  } catch (e) {
    if (!(e instanceof InvalidAddressError)) throw e;
    return issues.add(`${key}: expected a Filecoin (f…/t…) or 0x address, got ${e.message}`);
  }
}

function optional<T>(value: unknown, read: (value: unknown) => T | undefined): T | undefined {
  return value === undefined ? undefined : read(value);
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

function readSectorSize(value: unknown, key: string, issues: ConfigIssues): number | bigint | undefined {
  const bytes =
    typeof value === "bigint" ? value : typeof value === "number" && Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (bytes !== undefined && SECTOR_SIZES.some((size) => size.bytes === bytes)) return value as number | bigint;
  const allowed = SECTOR_SIZES.map((size) => `${size.bytes} (${size.name})`).join(", ");
  return issues.expected(key, `a sector size in bytes: one of ${allowed}`, value);
}

/** Validation of `fevm.storageProvider`: the simulated storage provider's start and policy. */
import { POLICY_KEYS, readPolicy } from "../sp/policy-input";
import type { StorageProviderConfig } from "../sp/config";
import { readBoolean, readRecord, type ConfigIssues } from "./validate";

const KEY = "fevm.storageProvider";
const SP_KEYS = ["enabled", "miners", ...POLICY_KEYS] as const;

/** A miner id: a number/bigint actor id or a "t01000"/"f01000" string. */
function readMinerId(value: unknown, key: string, issues: ConfigIssues): bigint | undefined {
  if (typeof value === "bigint" && value >= 0n) return value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === "string" && /^[tf]0\d+$/.test(value)) return BigInt(value.slice(2));
  return issues.expected(key, 'a miner actor id (1000, 1000n or "t01000")', value);
}

export function readStorageProvider(value: unknown, genesisMiners: number, issues: ConfigIssues): StorageProviderConfig | undefined {
  const fields = readRecord(value, KEY, SP_KEYS, issues);
  if (fields === undefined) return undefined;
  const enabled = fields.enabled === undefined ? false : readBoolean(fields.enabled, `${KEY}.enabled`, issues) ?? false;
  let miners: bigint[] = [];
  if (fields.miners !== undefined) {
    if (!Array.isArray(fields.miners)) issues.expected(`${KEY}.miners`, "an array of miner actor ids", fields.miners);
    else miners = fields.miners.map((m, i) => readMinerId(m, `${KEY}.miners[${i}]`, issues)).filter((m): m is bigint => m !== undefined);
  }
  if (enabled && miners.length === 0 && genesisMiners === 0) {
    issues.add(`${KEY}.enabled: the storage provider needs a miner: add one to fevm.miners (it gets id 1000) or list ids in ${KEY}.miners`);
  }
  const { policy, problems } = readPolicy(fields, `${KEY}.`);
  for (const p of problems) issues.add(p);
  return { enabled, miners, policy };
}

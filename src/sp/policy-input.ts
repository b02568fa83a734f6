/**
 * Reads policy options as a user writes them (config file or JSON-RPC): amounts and sizes as
 * bigint, safe number or decimal string, client lists as 0x addresses. Every problem is named
 * with its key, so the config and the RPC layers can report them their own way.
 */
import { isEthAddressString } from "../fil";
import { MAX_PROVE_COMMIT_DURATION } from "../actors/miner/policy";
import { DEFAULT_SP_POLICY, type SpPolicy } from "./policy";
import { MIN_SEALING_DELAY } from "./sealing-schedule";

export const POLICY_KEYS = ["maxPricePerEpoch", "minPieceSize", "maxPieceSize", "verifiedOnly", "allowClients", "denyClients", "capacityBytes", "sealingDelay", "faultRate", "faultSeed", "faultDuration"] as const;

export interface PolicyInput {
  policy: Partial<SpPolicy>;
  problems: string[];
}

function whole(value: unknown): bigint | undefined {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^\d+$/.test(value)) return BigInt(value);
  return undefined;
}

/**
 * Reads the policy keys of `record` (others are the caller's); `prefix` names them in problems.
 * `null` restores an option's default (so a test can undo what an earlier one set).
 */
export function readPolicy(record: Record<string, unknown>, prefix: string): PolicyInput {
  const problems: string[] = [];
  const policy: Partial<SpPolicy> = {};
  const amount = (key: (typeof POLICY_KEYS)[number]) => {
    const n = whole(record[key]);
    if (n === undefined || n < 0n) problems.push(`${prefix}${key}: expected a non-negative whole number (bigint, safe number or decimal string), got ${JSON.stringify(String(record[key]))}`);
    return n;
  };
  const clients = (key: "allowClients" | "denyClients") => {
    const v = record[key];
    if (Array.isArray(v) && v.every(isEthAddressString)) return v.map((a: string) => a.toLowerCase());
    problems.push(`${prefix}${key}: expected an array of contract addresses (0x…)`);
    return undefined;
  };
  for (const key of POLICY_KEYS) {
    if (record[key] === undefined) continue;
    if (record[key] === null) {
      Object.assign(policy, { [key]: structuredClone(DEFAULT_SP_POLICY[key]) });
      continue;
    }
    switch (key) {
      case "verifiedOnly":
        if (typeof record[key] === "boolean") policy.verifiedOnly = record[key];
        else problems.push(`${prefix}verifiedOnly: expected true or false`);
        break;
      case "allowClients":
      case "denyClients": {
        const list = clients(key);
        if (list) policy[key] = list;
        break;
      }
      case "maxPricePerEpoch":
      case "maxPieceSize":
      case "capacityBytes":
      case "minPieceSize":
      case "faultSeed": {
        const n = amount(key);
        if (n !== undefined && n >= 0n) policy[key] = n;
        break;
      }
      case "sealingDelay": {
        // The sector is pre-committed at publication and must be proven within its prove-commit window.
        const n = amount(key);
        if (n === undefined || n < 0n) break;
        if (n < MIN_SEALING_DELAY || n > MAX_PROVE_COMMIT_DURATION) {
          problems.push(`${prefix}sealingDelay: ${n} epochs is outside ${MIN_SEALING_DELAY}..${MAX_PROVE_COMMIT_DURATION}: a sector pre-committed when the deal is published is proven after the ${MIN_SEALING_DELAY - 1n}-epoch challenge delay and within the prove-commit window`);
        } else policy.sealingDelay = n;
        break;
      }
      case "faultDuration": {
        const n = amount(key);
        if (n === 0n) problems.push(`${prefix}faultDuration: a fault lasts at least 1 epoch`);
        else if (n !== undefined && n > 0n) policy.faultDuration = n;
        break;
      }
      case "faultRate": {
        const v = record[key];
        const rate = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
        if (typeof rate === "number" && rate >= 0 && rate <= 1) policy.faultRate = rate;
        else problems.push(`${prefix}faultRate: expected a probability per sector and day, a number from 0 to 1, got ${JSON.stringify(String(v))}`);
        break;
      }
    }
  }
  return { policy, problems };
}

/**
 * Reads policy options as a user writes them (config file or JSON-RPC): amounts and sizes as
 * bigint, safe number or decimal string, client lists as 0x addresses. Every problem is named
 * with its key, so the config and the RPC layers can report them their own way.
 */
import { isEthAddressString } from "../fil";
import type { SpPolicy } from "./policy";

export const POLICY_KEYS = ["maxPricePerEpoch", "minPieceSize", "maxPieceSize", "verifiedOnly", "allowClients", "denyClients", "capacityBytes", "sealingDelay"] as const;

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

/** Reads the policy keys of `record` (others are the caller's); `prefix` names them in problems. */
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
      case "sealingDelay": {
        const n = amount(key);
        if (n !== undefined && n >= 0n) policy[key] = n;
        break;
      }
    }
  }
  return { policy, problems };
}

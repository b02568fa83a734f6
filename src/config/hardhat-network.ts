import type { FevmUserConfig } from "./types";

/** The part of Hardhat 2's `networks.hardhat` user config that also makes sense on `filecoin`. */
export interface HardhatNetworkSettings {
  allowUnlimitedContractSize?: unknown;
  mining?: { auto?: unknown; interval?: unknown };
}

/**
 * A project ported from Hardhat's network keeps its settings under `networks.hardhat` (e.g.
 * OpenZeppelin's `allowUnlimitedContractSize`), and its tests rely on them. Those settings apply
 * to `filecoin` too, unless `fevm` sets them itself; they are validated as `fevm` keys.
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
  if (Object.keys(inherited).length === 0) return fevm;
  return { ...(inherited as FevmUserConfig), ...fevm };
}

/**
 * What the simulated storage provider accepts: the deal-acceptance rules a Boost operator sets
 * (price, piece sizes, verified only, client allow/deny lists, capacity), as one pure decision;
 * and how often its sectors fail when left to chance (the seeded fault model of soak tests).
 */
import { latestCoverableEnd } from "./sealing-schedule";

export interface SpPolicy {
  /** Highest storagePricePerEpoch accepted, attoFIL; undefined = any price. */
  maxPricePerEpoch: bigint | undefined;
  /** Padded piece sizes accepted, bytes (inclusive). */
  minPieceSize: bigint;
  maxPieceSize: bigint | undefined;
  verifiedOnly: boolean;
  /** Clients (lowercase 0x) served exclusively when non-empty. */
  allowClients: string[];
  /** Clients (lowercase 0x) never served. */
  denyClients: string[];
  /** Padded bytes of unfinished deals each miner holds at most; undefined = unlimited. */
  capacityBytes: bigint | undefined;
  /** Epochs between publishing a deal (and pre-committing its sector) and proving the sector (activating it). */
  sealingDelay: bigint;
  /** Probability that an active sector faults on a given day (2880 epochs); 0 = never by chance. */
  faultRate: number;
  /** Seed of the random faults: the same seed and the same deals give the same faults. */
  faultSeed: bigint;
  /** Epochs a random fault lasts before the provider recovers the sector; undefined = it never does (terminated after FAULT_MAX_AGE). */
  faultDuration: bigint | undefined;
}

export const DEFAULT_SP_POLICY: SpPolicy = {
  maxPricePerEpoch: undefined,
  minPieceSize: 128n,
  maxPieceSize: undefined,
  verifiedOnly: false,
  allowClients: [],
  denyClients: [],
  capacityBytes: undefined,
  sealingDelay: 11n,
  faultRate: 0,
  faultSeed: 0n,
  faultDuration: undefined,
};

/** A proposal as the provider sees it before deciding: its client and the deal terms. */
export interface ProposalTerms {
  /** The client as the allow/deny lists name it: lowercase 0x (a contract, or an account's f410), else its t-address. */
  client: string;
  pieceSize: bigint;
  verifiedDeal: boolean;
  storagePricePerEpoch: bigint;
  startEpoch: bigint;
  endEpoch: bigint;
  /** The miner the proposal names (actor id); 0 (f00) lets the provider choose. */
  provider: bigint;
}

export interface MinerLoad {
  miner: bigint;
  /** Padded bytes of the deals it holds that have not finished. */
  usedBytes: bigint;
}

/** Accepted: the miners to offer the deal to, in turn, until the market takes it. */
export type Decision = { accept: true; miners: bigint[] } | { accept: false; reason: string };

/**
 * Accepts `terms` for the miners that have room, least-loaded first (only the miner the proposal
 * names, when it names one), or names the first rule that refuses them. `now` is the epoch a
 * publish (and the sector's pre-commit) would run in: the deal must start no earlier than
 * sealing allows and end no later than a sector pre-committed now can last.
 */
export function decide(terms: ProposalTerms, policy: SpPolicy, miners: readonly MinerLoad[], now: bigint): Decision {
  const refuse = (reason: string): Decision => ({ accept: false, reason });
  if (policy.denyClients.includes(terms.client)) return refuse(`client ${terms.client} is on the deny list`);
  if (policy.allowClients.length > 0 && !policy.allowClients.includes(terms.client)) return refuse(`client ${terms.client} is not on the allow list`);
  if (policy.verifiedOnly && !terms.verifiedDeal) return refuse("only verified deals are accepted");
  if (policy.maxPricePerEpoch !== undefined && terms.storagePricePerEpoch > policy.maxPricePerEpoch) {
    return refuse(`price ${terms.storagePricePerEpoch} attoFIL/epoch is above the maximum ${policy.maxPricePerEpoch}`);
  }
  if (terms.pieceSize < policy.minPieceSize) return refuse(`piece size ${terms.pieceSize} is below the minimum ${policy.minPieceSize}`);
  if (policy.maxPieceSize !== undefined && terms.pieceSize > policy.maxPieceSize) return refuse(`piece size ${terms.pieceSize} is above the maximum ${policy.maxPieceSize}`);
  const earliest = now + policy.sealingDelay;
  if (terms.startEpoch < earliest) return refuse(`start epoch ${terms.startEpoch} is too soon: sealing takes ${policy.sealingDelay} epochs, so the earliest start is ${earliest}`);
  const coverable = latestCoverableEnd(now);
  if (terms.endEpoch > coverable) return refuse(`end epoch ${terms.endEpoch} is beyond the longest sector a miner can commit now (expiring by epoch ${coverable})`);
  if (miners.length === 0) return refuse("no miner is bound to the provider");
  const named = terms.provider === 0n ? miners : miners.filter((m) => m.miner === terms.provider);
  if (named.length === 0) return refuse(`it names provider t0${terms.provider}, which is not one of this provider's miners`);
  const room = named.filter((m) => policy.capacityBytes === undefined || m.usedBytes + terms.pieceSize <= policy.capacityBytes);
  if (room.length === 0) return refuse(`no capacity left for ${terms.pieceSize} bytes (capacity ${policy.capacityBytes} bytes per miner)`);
  // A stable sort: miners equally loaded keep the order they were given in.
  return { accept: true, miners: [...room].sort((a, b) => (a.usedBytes < b.usedBytes ? -1 : a.usedBytes > b.usedBytes ? 1 : 0)).map((m) => m.miner) };
}

/**
 * What the simulated storage provider accepts: the deal-acceptance rules a Boost operator sets
 * (price, piece sizes, verified only, client allow/deny lists, capacity), as one pure decision.
 */

export interface SpPolicy {
  /** Highest storagePricePerEpoch accepted, attoFIL; undefined = any price. */
  maxPricePerEpoch: bigint | undefined;
  /** Padded piece sizes accepted, bytes (inclusive). */
  minPieceSize: bigint;
  maxPieceSize: bigint | undefined;
  verifiedOnly: boolean;
  /** Contract clients (lowercase 0x) served exclusively when non-empty. */
  allowClients: string[];
  /** Contract clients (lowercase 0x) never served. */
  denyClients: string[];
  /** Padded bytes of unfinished deals each miner holds at most; undefined = unlimited. */
  capacityBytes: bigint | undefined;
  /** Epochs between publishing a deal and activating it (its "sealing"). */
  sealingDelay: bigint;
}

export const DEFAULT_SP_POLICY: SpPolicy = {
  maxPricePerEpoch: undefined,
  minPieceSize: 128n,
  maxPieceSize: undefined,
  verifiedOnly: false,
  allowClients: [],
  denyClients: [],
  capacityBytes: undefined,
  sealingDelay: 10n,
};

/** A proposal as the provider sees it before deciding: the emitting contract and the deal terms. */
export interface ProposalTerms {
  /** Lowercase 0x address of the contract that emitted DealProposalCreate. */
  contract: string;
  pieceSize: bigint;
  verifiedDeal: boolean;
  storagePricePerEpoch: bigint;
  startEpoch: bigint;
}

export interface MinerLoad {
  miner: bigint;
  /** Padded bytes of the deals it holds that have not finished. */
  usedBytes: bigint;
}

export type Decision = { accept: true; miner: bigint } | { accept: false; reason: string };

/**
 * Accepts `terms` for the least-loaded miner that has room, or names the first rule that refuses
 * them. `now` is the epoch a publish would run in: the deal must start no earlier than sealing
 * allows.
 */
export function decide(terms: ProposalTerms, policy: SpPolicy, miners: readonly MinerLoad[], now: bigint): Decision {
  const refuse = (reason: string): Decision => ({ accept: false, reason });
  if (policy.denyClients.includes(terms.contract)) return refuse(`client ${terms.contract} is on the deny list`);
  if (policy.allowClients.length > 0 && !policy.allowClients.includes(terms.contract)) return refuse(`client ${terms.contract} is not on the allow list`);
  if (policy.verifiedOnly && !terms.verifiedDeal) return refuse("only verified deals are accepted");
  if (policy.maxPricePerEpoch !== undefined && terms.storagePricePerEpoch > policy.maxPricePerEpoch) {
    return refuse(`price ${terms.storagePricePerEpoch} attoFIL/epoch is above the maximum ${policy.maxPricePerEpoch}`);
  }
  if (terms.pieceSize < policy.minPieceSize) return refuse(`piece size ${terms.pieceSize} is below the minimum ${policy.minPieceSize}`);
  if (policy.maxPieceSize !== undefined && terms.pieceSize > policy.maxPieceSize) return refuse(`piece size ${terms.pieceSize} is above the maximum ${policy.maxPieceSize}`);
  const earliest = now + policy.sealingDelay;
  if (terms.startEpoch < earliest) return refuse(`start epoch ${terms.startEpoch} is too soon: sealing takes ${policy.sealingDelay} epochs, so the earliest start is ${earliest}`);
  const room = miners.filter((m) => policy.capacityBytes === undefined || m.usedBytes + terms.pieceSize <= policy.capacityBytes);
  if (room.length === 0) return refuse(miners.length === 0 ? "no miner is bound to the provider" : `no capacity left for ${terms.pieceSize} bytes (capacity ${policy.capacityBytes} bytes per miner)`);
  const least = room.reduce((a, b) => (b.usedBytes < a.usedBytes ? b : a));
  return { accept: true, miner: least.miner };
}

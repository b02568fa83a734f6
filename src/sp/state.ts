/**
 * The simulated storage provider's state (saved and restored with evm_snapshot / evm_revert)
 * and what its modules — proposal intake, sealing, faults, DDO — need of the engine: the chain,
 * the current state, the history and a way to send actor messages as the provider.
 */
import type { Chain } from "../chain/chain";
import type { FevmEVM } from "../evm/fevm-evm";
import type { ActorControlError } from "../actors/control-send";
import type { SpPolicy } from "./policy";

export type SpEventKind =
  | "proposal"
  | "refused"
  | "published"
  | "publishFailed"
  | "activated"
  | "activationFailed"
  | "activationMissed"
  | "settled"
  | "faulted"
  | "faultFailed"
  | "recovered"
  | "recoverFailed"
  | "terminated"
  | "terminateFailed"
  | "imported"
  | "claimed"
  | "claimFailed";

/** One thing the provider saw or did, at the epoch its message ran in. */
export interface SpEvent {
  epoch: bigint;
  kind: SpEventKind;
  /** What happened, in a sentence (also the log line). */
  message: string;
  contract?: string;
  proposalId?: string;
  dealId?: bigint;
  miner?: bigint;
  /** The sector holding the deal or allocation, once pre-committed. */
  sector?: bigint;
  /** The DDO allocation (f06) it concerns. */
  allocationId?: bigint;
}

export interface TrackedDeal {
  id: bigint;
  miner: bigint;
  /** The sector pre-committed for it when it was published. */
  sector: bigint;
  pieceSize: bigint;
  startEpoch: bigint;
  endEpoch: bigint;
  status: "published" | "active" | "ended";
  /** Epoch its sector is proven (the deal activated) in: publish epoch + sealing delay. */
  sealAt: bigint;
  /** Failure on demand: never prove it, let the market time it out. */
  skipActivation: boolean;
  nextSettle: bigint;
  terminateAt?: bigint;
  /** Epoch its sector was declared faulty, while it is. */
  faultySince?: bigint;
  /** Epoch the provider declares the faulty sector recovered, if it will. */
  recoverAt?: bigint;
  /** Epoch the fault model faults the active sector next, if it does. */
  randomFaultAt?: bigint;
}

/** A DDO allocation the provider was told of, sealed into its own sector. */
export interface TrackedClaim {
  allocationId: bigint;
  client: bigint;
  miner: bigint;
  sector: bigint;
  /** Epoch the sector is proven in, claiming the allocation. */
  sealAt: bigint;
  status: "sealing" | "claimed" | "failed";
}

export interface EngineState {
  running: boolean;
  policy: SpPolicy;
  miners: bigint[];
  /** Failure on demand: proposals still to refuse whatever the policy says. */
  refuseNext: number;
  deals: TrackedDeal[];
  claims: TrackedClaim[];
  history: SpEvent[];
  /** The fault model's generator state (see fault-model.ts). */
  rng: number;
}

/** A request to the provider it cannot honour (unknown deal, not a miner...). */
export class StorageProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageProviderError";
  }
}

/** The fields of an event about `deal` at `epoch`. */
export const dealEvent = (deal: TrackedDeal, epoch: bigint) => ({ epoch, dealId: deal.id, miner: deal.miner, sector: deal.sector });

/** The engine as its modules use it. */
export interface ProviderCore {
  readonly chain: Chain;
  /** The current state (evm_revert replaces it: read it through here each time). */
  readonly state: EngineState;
  /** Adds to the history (and prints it when logging is on). */
  record(event: SpEvent): void;
  /** Runs actor messages as the provider, at the head epoch; an actor's refusal comes back as its error. */
  act<T>(fn: (evm: FevmEVM) => Promise<T>): Promise<T | ActorControlError>;
}

import type { EIP1193Provider } from "hardhat/types";
import type { SpEventJson, SpPolicyJson, SpStatusJson } from "../provider/methods/fevm-sp";
import type { SpEvent } from "../sp/engine";
import type { SpPolicy } from "../sp/policy";
import { wire } from "./wire";

type Whole = bigint | number;

/** Policy options as a test passes them (each optional; unset ones keep their value). */
export interface SpPolicyInput {
  /** Highest storagePricePerEpoch accepted, attoFIL. */
  maxPricePerEpoch?: Whole;
  minPieceSize?: Whole;
  maxPieceSize?: Whole;
  verifiedOnly?: boolean;
  /** Contract clients (0x) served exclusively when non-empty. */
  allowClients?: string[];
  denyClients?: string[];
  /** Padded bytes of unfinished deals per miner. */
  capacityBytes?: Whole;
  /** Epochs between publishing a deal (pre-committing its sector) and proving the sector: 11 to 86410. */
  sealingDelay?: Whole;
  /** Probability (0 to 1) that an active sector faults on a given day; 0 turns random faults off. */
  faultRate?: number;
  /** Seed of the random faults: the same seed gives the same faults. */
  faultSeed?: Whole;
  /** Epochs a random fault lasts before recovery (default: until the chain terminates the sector). */
  faultDuration?: Whole;
}

export interface SpStatusView {
  running: boolean;
  /** t0… */
  miners: string[];
  policy: SpPolicy;
}

const big = (s: string | null) => (s === null ? undefined : BigInt(s));

function policyView(q: SpPolicyJson): SpPolicy {
  return {
    ...q,
    maxPricePerEpoch: big(q.maxPricePerEpoch),
    minPieceSize: BigInt(q.minPieceSize),
    maxPieceSize: big(q.maxPieceSize),
    capacityBytes: big(q.capacityBytes),
    sealingDelay: BigInt(q.sealingDelay),
    faultSeed: BigInt(q.faultSeed),
    faultDuration: big(q.faultDuration),
  };
}

const statusView = (s: SpStatusJson): SpStatusView => ({ ...s, policy: policyView(s.policy) });

function eventView(e: SpEventJson): SpEvent {
  const opt = (s: string | undefined) => (s === undefined ? undefined : BigInt(s));
  return { ...e, epoch: BigInt(e.epoch), dealId: opt(e.dealId), miner: opt(e.miner), sector: opt(e.sector) };
}

/** `hre.fevm.storageProvider`: the simulated storage provider, each call one `fevm_sp_*` request. */
export function createStorageProviderHelpers(provider: () => EIP1193Provider) {
  const call = (method: string, params: unknown[] = []) => provider().request({ method, params });
  return {
    /** Starts (or resumes) serving, with these miners (ids) or the ones it had (default: the genesis miners). */
    start: async (opts: { miners?: Whole[] } = {}): Promise<SpStatusView> =>
      statusView((await call("fevm_sp_start", [wire(opts)])) as SpStatusJson),
    /** Goes offline: sees no proposal and seals, settles or terminates nothing until started again. */
    stop: async (): Promise<SpStatusView> => statusView((await call("fevm_sp_stop")) as SpStatusJson),
    status: async (): Promise<SpStatusView> => statusView((await call("fevm_sp_status")) as SpStatusJson),
    /** Changes the options given; returns the whole policy. */
    setPolicy: async (policy: SpPolicyInput): Promise<SpPolicy> => policyView((await call("fevm_sp_setPolicy", [wire(policy)])) as SpPolicyJson),
    /** What it saw and did, oldest first. */
    history: async (): Promise<SpEvent[]> => ((await call("fevm_sp_history")) as SpEventJson[]).map(eventView),
    /** Refuses the next `count` proposals (default 1) whatever the policy says. */
    refuse: async (count: Whole = 1): Promise<void> => {
      await call("fevm_sp_refuse", [wire(count)]);
    },
    /** Never seals deal `dealId`: it misses its start epoch and the market times it out. */
    missActivation: async (dealId: Whole): Promise<void> => {
      await call("fevm_sp_missActivation", [wire(dealId)]);
    },
    /** Terminates deal `dealId`'s sector at `epoch` (default: the next epoch). */
    terminate: async (dealId: Whole, opts: { epoch?: Whole } = {}): Promise<void> => {
      await call("fevm_sp_terminate", [wire(dealId), wire(opts)]);
    },
    /**
     * Declares deal `dealId`'s sector faulty now; with `epochs`, recovers it that many epochs
     * later. A fault lasting FAULT_MAX_AGE (120,960 epochs) terminates the sector, as the chain does.
     */
    fault: async (dealId: Whole, opts: { epochs?: Whole } = {}): Promise<void> => {
      await call("fevm_sp_fault", [wire(dealId), wire(opts)]);
    },
    /** Declares deal `dealId`'s faulty sector recovered now. */
    recover: async (dealId: Whole): Promise<void> => {
      await call("fevm_sp_recover", [wire(dealId)]);
    },
  };
}

export type FevmStorageProviderHelpers = ReturnType<typeof createStorageProviderHelpers>;

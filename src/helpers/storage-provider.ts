import type { EIP1193Provider } from "hardhat/types";
import type { SpEventJson, SpPolicyJson, SpStatusJson } from "../provider/methods/fevm-sp";
import type { SpEvent } from "../sp/engine";
import type { SpPolicy } from "../sp/policy";

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
  /** Epochs between publishing and activating a deal. */
  sealingDelay?: Whole;
}

export interface SpStatusView {
  running: boolean;
  /** t0… */
  miners: string[];
  policy: SpPolicy;
}

const wire = (n: Whole | undefined) => (n === undefined ? undefined : BigInt(n).toString());
const big = (s: string | null) => (s === null ? undefined : BigInt(s));

function policyView(q: SpPolicyJson): SpPolicy {
  return {
    ...q,
    maxPricePerEpoch: big(q.maxPricePerEpoch),
    minPieceSize: BigInt(q.minPieceSize),
    maxPieceSize: big(q.maxPieceSize),
    capacityBytes: big(q.capacityBytes),
    sealingDelay: BigInt(q.sealingDelay),
  };
}

const statusView = (s: SpStatusJson): SpStatusView => ({ ...s, policy: policyView(s.policy) });

function eventView(e: SpEventJson): SpEvent {
  return { ...e, epoch: BigInt(e.epoch), dealId: e.dealId === undefined ? undefined : BigInt(e.dealId), miner: e.miner === undefined ? undefined : BigInt(e.miner) };
}

/** `hre.fevm.storageProvider`: the simulated storage provider, each call one `fevm_sp_*` request. */
export function createStorageProviderHelpers(provider: () => EIP1193Provider) {
  const call = (method: string, params: unknown[] = []) => provider().request({ method, params });
  return {
    /** Starts (or resumes) serving, with these miners (ids) or the ones it had (default: the genesis miners). */
    start: async (opts: { miners?: Whole[] } = {}): Promise<SpStatusView> =>
      statusView((await call("fevm_sp_start", [{ miners: opts.miners?.map(wire) }])) as SpStatusJson),
    /** Goes offline: sees no proposal and seals, settles or terminates nothing until started again. */
    stop: async (): Promise<SpStatusView> => statusView((await call("fevm_sp_stop")) as SpStatusJson),
    status: async (): Promise<SpStatusView> => statusView((await call("fevm_sp_status")) as SpStatusJson),
    /** Changes the options given; returns the whole policy. */
    setPolicy: async (policy: SpPolicyInput): Promise<SpPolicy> => {
      const wired = Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, typeof v === "bigint" || typeof v === "number" ? wire(v) : v]));
      return policyView((await call("fevm_sp_setPolicy", [wired])) as SpPolicyJson);
    },
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
      await call("fevm_sp_terminate", [wire(dealId), { epoch: wire(opts.epoch) }]);
    },
  };
}

export type FevmStorageProviderHelpers = ReturnType<typeof createStorageProviderHelpers>;

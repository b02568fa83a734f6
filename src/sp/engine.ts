/**
 * The simulated storage provider: a deterministic, epoch-driven stand-in for Boost serving
 * contract deal clients. After blocks are mined it reads their DealProposalCreate logs, applies
 * its policy, publishes the accepted proposals with the contract as client (AuthenticateMessage
 * and MarketNotifyDeal run), activates them `sealingDelay` epochs later through
 * SectorContentChanged, settles them every DEAL_UPDATES_INTERVAL and at their end, and fails on
 * demand. Its messages run at the head epoch, as test-control operations (Chain.runAsSystem),
 * so they land after the block that triggered them and before the next block's transactions. Nothing here reads the
 * clock: bulk mining stops at the epochs it must act in (EpochListener.nextWake).
 */
import type { Chain, EpochListener } from "../chain/chain";
import type { FevmEVM } from "../evm/fevm-evm";
import { filecoinAddressFromEth, idAddress } from "../fil";
import { resolveAddress } from "../actors/runtime";
import { activateDeal, MarketControlError, publishDeal, settleDeals, terminateDeal } from "../actors/market/control";
import { DEAL_UPDATES_INTERVAL } from "../actors/market/policy";
import { proposalEvents, readContractProposal, readExtraParams, type ProposalEvent } from "./contract-proposals";
import { decide, DEFAULT_SP_POLICY, type SpPolicy } from "./policy";

export type SpEventKind =
  | "proposal"
  | "refused"
  | "published"
  | "publishFailed"
  | "activated"
  | "activationFailed"
  | "activationMissed"
  | "settled"
  | "terminated"
  | "terminateFailed";

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
}

interface TrackedDeal {
  id: bigint;
  miner: bigint;
  pieceSize: bigint;
  startEpoch: bigint;
  endEpoch: bigint;
  status: "published" | "active" | "ended";
  /** Epoch the deal gets activated in (publish epoch + sealing delay). */
  sealAt: bigint;
  /** Failure on demand: never seal it, let the market time it out. */
  skipActivation: boolean;
  nextSettle: bigint;
  terminateAt?: bigint;
}

interface EngineState {
  running: boolean;
  policy: SpPolicy;
  miners: bigint[];
  /** Failure on demand: proposals still to refuse whatever the policy says. */
  refuseNext: number;
  deals: TrackedDeal[];
  history: SpEvent[];
}

/** A request to the provider it cannot honour (unknown deal, not a miner...). */
export class StorageProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageProviderError";
  }
}

export interface StorageProviderOptions {
  /** Prints one line per action (the provider passes one when logging is on). */
  print?: (line: string) => void;
  /** Miners `start()` serves with when given none. */
  miners?: readonly bigint[];
  policy?: Partial<SpPolicy>;
}

export class StorageProviderEngine implements EpochListener {
  private state: EngineState;

  constructor(
    private readonly chain: Chain,
    private readonly options: StorageProviderOptions = {},
  ) {
    this.state = { running: false, policy: { ...DEFAULT_SP_POLICY, ...options.policy }, miners: [...(options.miners ?? [])], refuseNext: 0, deals: [], history: [] };
  }

  // ---------------------------------------------------------------- control

  /** Starts (or resumes) serving with `miners` (default: the miners it had). */
  async start(miners?: readonly bigint[]): Promise<void> {
    const ids = miners ?? this.state.miners;
    if (ids.length === 0) throw new StorageProviderError("the storage provider needs at least one miner: configure fevm.miners or pass { miners: [ids] }");
    for (const id of ids) {
      const kind = (await this.chain.evm.actors.get(id))?.kind;
      if (kind !== "miner") throw new StorageProviderError(`t0${id} is ${kind === undefined ? "not an actor" : `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} actor`}, not a miner: create one with hre.fevm.miners.create({ owner })`);
    }
    this.state.miners = [...ids];
    this.state.running = true;
  }

  /** Goes offline: no proposal is seen and no deal is sealed, settled or terminated until start(). */
  stop(): void {
    this.state.running = false;
  }

  setPolicy(changes: Partial<SpPolicy>): SpPolicy {
    this.state.policy = { ...this.state.policy, ...changes };
    return this.policy();
  }

  policy(): SpPolicy {
    return structuredClone(this.state.policy);
  }

  status(): { running: boolean; miners: bigint[]; policy: SpPolicy } {
    return { running: this.state.running, miners: [...this.state.miners], policy: this.policy() };
  }

  history(): SpEvent[] {
    return structuredClone(this.state.history);
  }

  /** Refuses the next `count` proposals whatever the policy says. */
  refuseNext(count: number): void {
    this.state.refuseNext = count;
  }

  /** Never seals deal `id`: it misses its start epoch and the market times it out. */
  missActivation(id: bigint): void {
    const deal = this.tracked(id);
    if (deal.status !== "published") throw new StorageProviderError(`deal ${id} is ${deal.status === "active" ? "already activated" : "over"}: only a deal waiting to be sealed can miss its activation`);
    deal.skipActivation = true;
  }

  /** Terminates deal `id`'s sector at `epoch` (default: the next epoch). */
  terminate(id: bigint, epoch = this.chain.nextEpoch()): void {
    const deal = this.tracked(id);
    if (deal.status === "ended") throw new StorageProviderError(`deal ${id} is over: there is nothing to terminate`);
    deal.terminateAt = epoch;
  }

  private tracked(id: bigint): TrackedDeal {
    const deal = this.state.deals.find((d) => d.id === id);
    if (!deal) throw new StorageProviderError(`deal ${id} was not published by the simulated storage provider`);
    return deal;
  }

  // ---------------------------------------------------------------- EpochListener

  save(): unknown {
    return structuredClone(this.state);
  }

  restore(saved: unknown): void {
    this.state = structuredClone(saved as EngineState);
  }

  nextWake(latest: bigint): bigint | undefined {
    if (!this.state.running) return undefined;
    let due: bigint | undefined;
    for (const d of this.state.deals) {
      const at = this.dueEpoch(d);
      if (at !== undefined && (due === undefined || at < due)) due = at;
    }
    // Messages run at the head epoch (as every control operation does): stop mining at `due`.
    return due === undefined ? undefined : due > latest ? due : latest + 1n;
  }

  /** The next epoch deal `d` needs the provider in. */
  private dueEpoch(d: TrackedDeal): bigint | undefined {
    if (d.status === "ended") return undefined;
    const next = d.status === "published" ? (d.skipActivation ? d.startEpoch + 1n : d.sealAt) : d.nextSettle < d.endEpoch ? d.nextSettle : d.endEpoch;
    return d.terminateAt !== undefined && d.terminateAt < next ? d.terminateAt : next;
  }

  async afterEpochs(from: bigint, to: bigint): Promise<void> {
    if (!this.state.running) return;
    const now = this.chain.latestNumber();
    for (const event of proposalEvents(this.chain, from, to)) await this.consider(event, now);
    for (const deal of this.state.deals) {
      const due = this.dueEpoch(deal);
      if (due !== undefined && due <= now) await this.advance(deal, now);
    }
  }

  // ---------------------------------------------------------------- actions

  private record(event: SpEvent): void {
    this.state.history.push(event);
    this.options.print?.(`storage provider, epoch ${event.epoch}: ${event.message}`);
  }

  /** Runs market messages as the provider; the market's refusal comes back as its message. */
  private async act<T>(fn: (evm: FevmEVM) => Promise<T>): Promise<T | MarketControlError> {
    try {
      return await this.chain.runAsSystem(fn);
    } catch (e) {
      if (e instanceof MarketControlError) return e;
      throw e;
    }
  }

  private async consider(event: ProposalEvent, now: bigint): Promise<void> {
    const at = { contract: event.contract, proposalId: event.id };
    const refuse = (reason: string) => this.record({ epoch: now, kind: "refused", ...at, message: `refused proposal ${event.id} of ${event.contract}: ${reason}` });
    const proposal = await readContractProposal(this.chain, event.contract, event.id);
    const extra = typeof proposal === "string" ? null : await readExtraParams(this.chain, event.contract, event.id);
    const data = extra ? `, data at ${extra.locationRef} (${extra.carSize} bytes of CAR)` : "";
    this.record({ epoch: event.epoch, kind: "proposal", ...at, message: `saw proposal ${event.id} from ${event.contract}${data}` });
    if (this.state.refuseNext > 0) {
      this.state.refuseNext--;
      return refuse("refused on demand");
    }
    if (typeof proposal === "string") return refuse(proposal);
    // The client may be named by its f410 or its id address; either must be the emitting contract.
    const clientId = await resolveAddress(this.chain.evm, proposal.client);
    if (clientId === undefined || clientId !== (await resolveAddress(this.chain.evm, filecoinAddressFromEth(event.contract)))) {
      return refuse("its client is not the contract that emitted it");
    }
    const loads = this.state.miners.map((miner) => ({
      miner,
      usedBytes: this.state.deals.filter((d) => d.miner === miner && d.status !== "ended").reduce((sum, d) => sum + d.pieceSize, 0n),
    }));
    const decision = decide({ contract: event.contract, pieceSize: proposal.pieceSize, verifiedDeal: proposal.verifiedDeal, storagePricePerEpoch: proposal.storagePricePerEpoch, startEpoch: proposal.startEpoch }, this.state.policy, loads, now);
    if (!decision.accept) return refuse(decision.reason);
    const miner = decision.miner;
    const result = await this.act((evm) => publishDeal(evm, { ...proposal, provider: idAddress(miner) }));
    if (result instanceof MarketControlError) {
      return this.record({ epoch: now, kind: "publishFailed", ...at, miner, message: `could not publish proposal ${event.id} with miner t0${miner}: ${result.message}` });
    }
    const sealAt = now + this.state.policy.sealingDelay;
    this.state.deals.push({ id: result, miner, pieceSize: proposal.pieceSize, startEpoch: proposal.startEpoch, endEpoch: proposal.endEpoch, status: "published", sealAt, skipActivation: false, nextSettle: proposal.endEpoch });
    this.record({ epoch: now, kind: "published", ...at, miner, dealId: result, message: `published deal ${result} (proposal ${event.id}) with miner t0${miner}; sealing until epoch ${sealAt}` });
  }

  private async advance(deal: TrackedDeal, now: bigint): Promise<void> {
    const at = { epoch: now, dealId: deal.id, miner: deal.miner };
    if (deal.terminateAt !== undefined && deal.terminateAt <= now) {
      deal.terminateAt = undefined;
      const removed = await this.act((evm) => terminateDeal(evm, deal.id));
      if (removed instanceof MarketControlError) return this.record({ ...at, kind: "terminateFailed", message: `could not terminate deal ${deal.id}: ${removed.message}` });
      deal.status = "ended";
      return this.record({ ...at, kind: "terminated", message: `terminated the sector of deal ${deal.id} (deals removed: ${removed.join(", ")})` });
    }
    if (deal.status === "published" && deal.skipActivation) {
      deal.status = "ended";
      this.record({ ...at, kind: "activationMissed", message: `deal ${deal.id} missed its start epoch ${deal.startEpoch} unsealed` });
      return this.settle(deal, now);
    }
    if (deal.status === "published") {
      const state = await this.act((evm) => activateDeal(evm, deal.id, { sectorNumber: deal.id }));
      if (state instanceof MarketControlError) {
        deal.status = "ended";
        return this.record({ ...at, kind: "activationFailed", message: `could not activate deal ${deal.id}: ${state.message}` });
      }
      deal.status = "active";
      deal.nextSettle = now + DEAL_UPDATES_INTERVAL;
      return this.record({ ...at, kind: "activated", message: `sealed deal ${deal.id} in sector ${state.sectorNumber} of miner t0${deal.miner}` });
    }
    deal.nextSettle = now + DEAL_UPDATES_INTERVAL;
    return this.settle(deal, now);
  }

  /** Settles the deal's payments; a completed or removed deal is over for the provider. */
  private async settle(deal: TrackedDeal, now: bigint): Promise<void> {
    const results = await this.act((evm) => settleDeals(evm, [deal.id]));
    const at = { epoch: now, dealId: deal.id, miner: deal.miner, kind: "settled" as const };
    if (results instanceof MarketControlError) return this.record({ ...at, message: `could not settle deal ${deal.id}: ${results.message}` });
    const [r] = results;
    if (r.completed || r.exitCode !== 0) deal.status = "ended";
    const outcome = r.exitCode !== 0 ? `the market answered exit code ${r.exitCode} (deal gone)` : `${r.payment} attoFIL paid${r.completed ? ", deal completed" : ""}`;
    this.record({ ...at, message: `settled deal ${deal.id}: ${outcome}` });
  }
}

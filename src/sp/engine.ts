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
import { filecoinAddressFromEth, Protocol } from "../fil";
import { resolveAddress } from "../actors/runtime";
import { MarketControlError, publishDeal, settleDeals } from "../actors/market/control";
import { DEAL_UPDATES_INTERVAL } from "../actors/market/policy";
import { SectorStatus } from "../actors/miner/sector-types";
import type { DealProposal } from "../actors/market/types";
import { proposalEvents, readContractProposal, readExtraParams, type ProposalEvent } from "./contract-proposals";
import { declareFault, declareRecovered, FAULT_MAX_AGE, faultTerminationEpoch, sectorStatus, terminateSector } from "./faults";
import { faultWait, nextRandom, seedState } from "./fault-model";
import { decide, DEFAULT_SP_POLICY, type SpPolicy } from "./policy";
import { preCommitDeal, proveDeal } from "./sealing";

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
  /** The sector holding the deal, once pre-committed. */
  sector?: bigint;
}

interface TrackedDeal {
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

interface EngineState {
  running: boolean;
  policy: SpPolicy;
  miners: bigint[];
  /** Failure on demand: proposals still to refuse whatever the policy says. */
  refuseNext: number;
  deals: TrackedDeal[];
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

export interface StorageProviderOptions {
  /** Prints one line per action (the provider passes one when logging is on). */
  print?: (line: string) => void;
  /** Miners `start()` serves with when given none. */
  miners?: readonly bigint[];
  policy?: Partial<SpPolicy>;
}

const min = (...xs: (bigint | undefined)[]): bigint | undefined => xs.reduce<bigint | undefined>((a, b) => (b === undefined || (a !== undefined && a <= b) ? a : b), undefined);

export class StorageProviderEngine implements EpochListener {
  private state: EngineState;

  constructor(
    private readonly chain: Chain,
    private readonly options: StorageProviderOptions = {},
  ) {
    const policy = { ...DEFAULT_SP_POLICY, ...options.policy };
    this.state = { running: false, policy, miners: [...(options.miners ?? [])], refuseNext: 0, deals: [], history: [], rng: seedState(policy.faultSeed) };
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

  /**
   * Goes offline: no proposal is seen and no deal is sealed, settled, recovered or terminated
   * until start(). The chain still terminates sectors left faulty past FAULT_MAX_AGE.
   */
  stop(): void {
    this.state.running = false;
  }

  /** Changes the options given. New fault-model options (rate, seed) redraw every active sector's next random fault. */
  setPolicy(changes: Partial<SpPolicy>): SpPolicy {
    this.state.policy = { ...this.state.policy, ...changes };
    if (changes.faultSeed !== undefined) this.state.rng = seedState(changes.faultSeed);
    if (changes.faultSeed !== undefined || changes.faultRate !== undefined) {
      const now = this.chain.latestNumber();
      for (const d of this.state.deals) if (d.status === "active" && d.faultySince === undefined) this.scheduleRandomFault(d, now);
    }
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

  /** Never proves deal `id`'s sector: it misses its start epoch and the market times it out. */
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

  /**
   * Declares deal `id`'s sector faulty now (DeclareFaults from the worker); with `epochs`, the
   * provider declares it recovered that many epochs later. Left faulty past FAULT_MAX_AGE, the
   * chain terminates it.
   */
  async fault(id: bigint, epochs?: bigint): Promise<void> {
    const deal = this.sealed(id, "fault");
    if (epochs !== undefined && epochs < 1n) throw new StorageProviderError(`a fault lasts at least 1 epoch (got ${epochs})`);
    const status = await this.chain.runAsSystem((evm) => sectorStatus(evm, deal.miner, deal.sector));
    if (status === SectorStatus.Faulty) throw new StorageProviderError(`deal ${id}'s sector ${deal.sector} of miner t0${deal.miner} is already faulty${deal.faultySince === undefined ? "" : ` (since epoch ${deal.faultySince})`}: recover it first`);
    const now = this.chain.latestNumber();
    await this.applyFault(deal, now, epochs === undefined ? undefined : now + epochs, "on demand");
  }

  /** Declares deal `id`'s faulty sector recovered now (DeclareFaultsRecovered from the worker). */
  async recover(id: bigint): Promise<void> {
    const deal = this.sealed(id, "recover");
    if (deal.faultySince === undefined) throw new StorageProviderError(`deal ${id}'s sector ${deal.sector} of miner t0${deal.miner} is not faulty: there is nothing to recover`);
    await this.applyRecovery(deal, this.chain.latestNumber(), "on demand");
  }

  private tracked(id: bigint): TrackedDeal {
    const deal = this.state.deals.find((d) => d.id === id);
    if (!deal) throw new StorageProviderError(`deal ${id} was not published by the simulated storage provider`);
    return deal;
  }

  /** A deal whose sector is proven and not over, for `action`. */
  private sealed(id: bigint, action: string): TrackedDeal {
    const deal = this.tracked(id);
    if (deal.status === "published") throw new StorageProviderError(`deal ${id} is not sealed yet (its sector ${deal.sector} is proven at epoch ${deal.sealAt}): only a sealed deal's sector can ${action}`);
    if (deal.status === "ended") throw new StorageProviderError(`deal ${id} is over: its sector can no longer ${action}`);
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
    const due = min(...this.state.deals.map((d) => this.dueEpoch(d)));
    // Messages run at the head epoch (as every control operation does): stop mining at `due`.
    return due === undefined ? undefined : due > latest ? due : latest + 1n;
  }

  /** The next epoch deal `d` needs the provider (when running) or the chain's cron in. */
  private dueEpoch(d: TrackedDeal): bigint | undefined {
    if (d.status === "ended") return undefined;
    const cron = d.faultySince === undefined ? undefined : faultTerminationEpoch(d.faultySince);
    if (!this.state.running) return cron;
    if (d.status === "published") return min(d.skipActivation ? d.startEpoch + 1n : d.sealAt, d.terminateAt);
    return min(d.nextSettle, d.endEpoch, d.terminateAt, cron, d.recoverAt, d.faultySince === undefined ? d.randomFaultAt : undefined);
  }

  async afterEpochs(from: bigint, to: bigint): Promise<void> {
    const now = this.chain.latestNumber();
    if (this.state.running) for (const event of proposalEvents(this.chain, from, to)) await this.consider(event, now);
    for (const deal of this.state.deals) {
      // Each step moves the deal on, so this ends once nothing is due at `now`.
      for (let due = this.dueEpoch(deal); due !== undefined && due <= now; due = this.dueEpoch(deal)) await this.advance(deal, now);
    }
  }

  // ---------------------------------------------------------------- actions

  private record(event: SpEvent): void {
    this.state.history.push(event);
    this.options.print?.(`storage provider, epoch ${event.epoch}: ${event.message}`);
  }

  /** Runs actor messages as the provider; an actor's refusal comes back as its message. */
  private async act<T>(fn: (evm: FevmEVM) => Promise<T>): Promise<T | MarketControlError> {
    try {
      return await this.chain.runAsSystem(fn);
    } catch (e) {
      if (e instanceof MarketControlError) return e;
      throw e;
    }
  }

  /** The proposal's provider as an actor id: 0 for f00 (any), undefined when no actor has that address. */
  private async providerOf(proposal: DealProposal): Promise<bigint | undefined> {
    if (proposal.provider.protocol === Protocol.ID) return proposal.provider.id;
    return resolveAddress(this.chain.evm, proposal.provider);
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
    const provider = await this.providerOf(proposal);
    if (provider === undefined) return refuse("its provider is not an actor on this network");
    const loads = this.state.miners.map((miner) => ({
      miner,
      usedBytes: this.state.deals.filter((d) => d.miner === miner && d.status !== "ended").reduce((sum, d) => sum + d.pieceSize, 0n),
    }));
    const terms = { contract: event.contract, provider, pieceSize: proposal.pieceSize, verifiedDeal: proposal.verifiedDeal, storagePricePerEpoch: proposal.storagePricePerEpoch, startEpoch: proposal.startEpoch, endEpoch: proposal.endEpoch };
    const decision = decide(terms, this.state.policy, loads, now);
    if (!decision.accept) return refuse(decision.reason);
    // Offered to each acceptable miner in turn: the market (or the client's AuthenticateMessage) may refuse one and take another.
    for (const miner of decision.miners) {
      const result = await this.act((evm) => publishDeal(evm, { ...proposal, provider: { protocol: Protocol.ID, id: miner } }));
      if (!(result instanceof MarketControlError)) return this.seal(result, miner, proposal, now, at);
      this.record({ epoch: now, kind: "publishFailed", ...at, miner, message: `could not publish proposal ${event.id} with miner t0${miner}: ${result.message}` });
    }
  }

  /** Pre-commits the sector of the deal just published; it is proven `sealingDelay` epochs later. */
  private async seal(id: bigint, miner: bigint, proposal: DealProposal, now: bigint, at: { contract: string; proposalId: string }): Promise<void> {
    const sector = await this.act((evm) => preCommitDeal(evm, miner, id));
    const sealAt = now + this.state.policy.sealingDelay;
    const published = `published deal ${id} (proposal ${at.proposalId}) with miner t0${miner}`;
    if (sector instanceof MarketControlError) {
      this.record({ epoch: now, kind: "published", ...at, miner, dealId: id, message: published });
      return this.record({ epoch: now, kind: "activationFailed", ...at, miner, dealId: id, message: `could not pre-commit a sector for deal ${id}: ${sector.message}` });
    }
    this.state.deals.push({ id, miner, sector, pieceSize: proposal.pieceSize, startEpoch: proposal.startEpoch, endEpoch: proposal.endEpoch, status: "published", sealAt, skipActivation: false, nextSettle: proposal.endEpoch });
    this.record({ epoch: now, kind: "published", ...at, miner, dealId: id, sector, message: `${published}; pre-committed sector ${sector}, sealing until epoch ${sealAt}` });
  }

  /** Does the first thing due for `deal` at `now`. */
  private async advance(deal: TrackedDeal, now: bigint): Promise<void> {
    const at = { epoch: now, dealId: deal.id, miner: deal.miner, sector: deal.sector };
    const cron = deal.faultySince === undefined ? undefined : faultTerminationEpoch(deal.faultySince);
    if (cron !== undefined && cron <= now) {
      return this.terminateNow(deal, now, `sector ${deal.sector} of miner t0${deal.miner} was faulty for ${FAULT_MAX_AGE} epochs (since epoch ${deal.faultySince}): the chain terminated it`);
    }
    if (deal.terminateAt !== undefined && deal.terminateAt <= now) {
      deal.terminateAt = undefined;
      return this.terminateNow(deal, now, `terminated the sector ${deal.sector} of deal ${deal.id}`);
    }
    if (deal.status === "published" && deal.skipActivation) {
      deal.status = "ended";
      this.record({ ...at, kind: "activationMissed", message: `deal ${deal.id} missed its start epoch ${deal.startEpoch} unsealed` });
      return this.settle(deal, now);
    }
    if (deal.status === "published") {
      const sector = await this.act((evm) => proveDeal(evm, deal.miner, deal.id, deal.sector));
      if (sector instanceof MarketControlError) {
        deal.status = "ended";
        return this.record({ ...at, kind: "activationFailed", message: `could not prove sector ${deal.sector} with deal ${deal.id}: ${sector.message}` });
      }
      deal.status = "active";
      deal.nextSettle = now + DEAL_UPDATES_INTERVAL;
      this.scheduleRandomFault(deal, now);
      return this.record({ ...at, kind: "activated", message: `sealed deal ${deal.id} in sector ${deal.sector} of miner t0${deal.miner} (expires at epoch ${sector.expiration})` });
    }
    if (deal.recoverAt !== undefined && deal.recoverAt <= now) return this.applyRecovery(deal, now, "as scheduled");
    if (deal.faultySince === undefined && deal.randomFaultAt !== undefined && deal.randomFaultAt <= now) {
      const duration = this.state.policy.faultDuration;
      return this.applyFault(deal, now, duration === undefined ? undefined : now + duration, "by chance (fault model)");
    }
    deal.nextSettle = now + DEAL_UPDATES_INTERVAL;
    return this.settle(deal, now);
  }

  /** Declares the deal's sector faulty at `now`; it is recovered at `recoverAt`, if given. */
  private async applyFault(deal: TrackedDeal, now: bigint, recoverAt: bigint | undefined, why: string): Promise<void> {
    const at = { epoch: now, dealId: deal.id, miner: deal.miner, sector: deal.sector };
    deal.randomFaultAt = undefined;
    const done = await this.act((evm) => declareFault(evm, deal.miner, deal.sector));
    if (done instanceof MarketControlError) return this.record({ ...at, kind: "faultFailed", message: `could not declare sector ${deal.sector} of deal ${deal.id} faulty: ${done.message}` });
    deal.faultySince = now;
    deal.recoverAt = recoverAt;
    const until = recoverAt === undefined ? `terminated at epoch ${faultTerminationEpoch(now)} unless recovered` : `recovering at epoch ${recoverAt}`;
    this.record({ ...at, kind: "faulted", message: `declared sector ${deal.sector} of deal ${deal.id} faulty ${why}; ${until}` });
  }

  private async applyRecovery(deal: TrackedDeal, now: bigint, why: string): Promise<void> {
    const at = { epoch: now, dealId: deal.id, miner: deal.miner, sector: deal.sector };
    deal.recoverAt = undefined;
    const done = await this.act((evm) => declareRecovered(evm, deal.miner, deal.sector));
    if (done instanceof MarketControlError) return this.record({ ...at, kind: "recoverFailed", message: `could not recover sector ${deal.sector} of deal ${deal.id}: ${done.message}` });
    this.record({ ...at, kind: "recovered", message: `recovered sector ${deal.sector} of deal ${deal.id} ${why}, faulty since epoch ${deal.faultySince}` });
    deal.faultySince = undefined;
    this.scheduleRandomFault(deal, now);
  }

  /** Draws the active sector's next random fault from the fault model (none at rate 0). */
  private scheduleRandomFault(deal: TrackedDeal, now: bigint): void {
    deal.randomFaultAt = undefined;
    if (this.state.policy.faultRate <= 0) return;
    const draw = nextRandom(this.state.rng);
    this.state.rng = draw.state;
    const wait = faultWait(this.state.policy.faultRate, draw.value);
    if (wait !== undefined) deal.randomFaultAt = now + wait;
  }

  /** Terminates the deal's sector (TerminateSectors): the market slashes its unfinished deals. */
  private async terminateNow(deal: TrackedDeal, now: bigint, what: string): Promise<void> {
    const at = { epoch: now, dealId: deal.id, miner: deal.miner, sector: deal.sector };
    deal.faultySince = undefined;
    deal.recoverAt = undefined;
    const removed = await this.act((evm) => terminateSector(evm, deal.miner, deal.sector));
    if (removed instanceof MarketControlError) return this.record({ ...at, kind: "terminateFailed", message: `could not terminate sector ${deal.sector} of deal ${deal.id}: ${removed.message}` });
    deal.status = "ended";
    this.record({ ...at, kind: "terminated", message: `${what} (deals removed: ${removed.join(", ") || "none"})` });
  }

  /** Settles the deal's payments; a completed or removed deal is over for the provider. */
  private async settle(deal: TrackedDeal, now: bigint): Promise<void> {
    const results = await this.act((evm) => settleDeals(evm, [deal.id]));
    const at = { epoch: now, dealId: deal.id, miner: deal.miner, sector: deal.sector, kind: "settled" as const };
    if (results instanceof MarketControlError) return this.record({ ...at, message: `could not settle deal ${deal.id}: ${results.message}` });
    const [r] = results;
    if (r.completed || r.exitCode !== 0) deal.status = "ended";
    const outcome = r.exitCode !== 0 ? `the market answered exit code ${r.exitCode} (deal gone)` : `${r.payment} attoFIL paid${r.completed ? ", deal completed" : ""}`;
    this.record({ ...at, message: `settled deal ${deal.id}: ${outcome}` });
  }
}

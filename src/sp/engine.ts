/**
 * The simulated storage provider: a deterministic, epoch-driven stand-in for Boost. After blocks
 * are mined it reads their DealProposalCreate logs and serves contract deal clients; ordinary
 * clients hand it proposals, and DDO clients their allocations (intake.ts, ddo.ts). Each deal is
 * published and its sector pre-committed at once, the sector proven `sealingDelay` epochs later
 * (sealing.ts), the deal settled every DEAL_UPDATES_INTERVAL and at its end; sectors fault,
 * recover and are terminated on demand, on schedule or by chance (faults.ts, fault-model.ts).
 * Its messages run at the head epoch, as test-control operations (Chain.runAsSystem), so they
 * land after the block that triggered them and before the next block's transactions. Nothing
 * here reads the clock: bulk mining stops at the epochs it must act in (EpochListener.nextWake).
 */
import type { Chain, EpochListener } from "../chain/chain";
import type { FevmEVM } from "../evm/fevm-evm";
import type { FilecoinAddress } from "../fil";
import { MarketControlError, settleDeals } from "../actors/market/control";
import { DEAL_UPDATES_INTERVAL } from "../actors/market/policy";
import { SectorStatus } from "../actors/miner/sector-types";
import type { DealProposal, Signature } from "../actors/market/types";
import { proposalEvents } from "./contract-proposals";
import { claimAllocation, importAllocation } from "./ddo";
import { applyFault, applyRecovery, FAULT_MAX_AGE, faultTerminationEpoch, scheduleRandomFault, sectorStatus, terminateDealSector } from "./faults";
import { seedState } from "./fault-model";
import { considerProposal, offerProposal } from "./intake";
import { DEFAULT_SP_POLICY, type SpPolicy } from "./policy";
import { proveDeal } from "./sealing";
import { dealEvent, StorageProviderError, type EngineState, type ProviderCore, type SpEvent, type TrackedDeal } from "./state";

export { StorageProviderError, type SpEvent, type SpEventKind } from "./state";

export interface StorageProviderOptions {
  /** Prints one line per action (the provider passes one when logging is on). */
  print?: (line: string) => void;
  /** Miners `start()` serves with when given none. */
  miners?: readonly bigint[];
  policy?: Partial<SpPolicy>;
}

const min = (...xs: (bigint | undefined)[]): bigint | undefined => xs.reduce<bigint | undefined>((a, b) => (b === undefined || (a !== undefined && a <= b) ? a : b), undefined);

export class StorageProviderEngine implements EpochListener, ProviderCore {
  private current: EngineState;

  constructor(
    readonly chain: Chain,
    private readonly options: StorageProviderOptions = {},
  ) {
    const policy = { ...DEFAULT_SP_POLICY, ...options.policy };
    this.current = { running: false, policy, miners: [...(options.miners ?? [])], refuseNext: 0, deals: [], claims: [], history: [], rng: seedState(policy.faultSeed) };
  }

  /** The current state (ProviderCore): evm_revert replaces it. */
  get state(): EngineState {
    return this.current;
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
      for (const d of this.state.deals) if (d.status === "active" && d.faultySince === undefined) scheduleRandomFault(this, d, now);
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
    const status = await sectorStatus(this.chain.evm, deal.miner, deal.sector); // a read: no message to run
    if (status === SectorStatus.Faulty) throw new StorageProviderError(`deal ${id}'s sector ${deal.sector} of miner t0${deal.miner} is already faulty${deal.faultySince === undefined ? "" : ` (since epoch ${deal.faultySince})`}: recover it first`);
    const now = this.chain.latestNumber();
    await applyFault(this, deal, now, epochs === undefined ? undefined : now + epochs, "on demand");
  }

  /** Declares deal `id`'s faulty sector recovered now (DeclareFaultsRecovered from the worker). */
  async recover(id: bigint): Promise<void> {
    const deal = this.sealed(id, "recover");
    if (deal.faultySince === undefined) throw new StorageProviderError(`deal ${id}'s sector ${deal.sector} of miner t0${deal.miner} is not faulty: there is nothing to recover`);
    await applyRecovery(this, deal, this.chain.latestNumber(), "on demand");
  }

  /** An ordinary client's proposal, published and pre-committed now (see intake.ts). */
  offer(proposal: DealProposal, signature?: Signature): Promise<bigint> {
    return offerProposal(this, proposal, signature);
  }

  /** A client's DDO allocation, sealed and claimed (see ddo.ts). */
  importAllocation(client: FilecoinAddress, allocationId: bigint): Promise<bigint> {
    return importAllocation(this, client, allocationId);
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
    return structuredClone(this.current);
  }

  restore(saved: unknown): void {
    // evm_revert drops the snapshot it restores (Chain.revert), so its copy can be taken over.
    this.current = saved as EngineState;
  }

  nextWake(latest: bigint): bigint | undefined {
    const claims = this.state.running ? this.state.claims.filter((c) => c.status === "sealing").map((c) => c.sealAt) : [];
    const due = min(...this.state.deals.map((d) => this.dueEpoch(d)), ...claims);
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
    if (this.state.running) for (const event of proposalEvents(this.chain, from, to)) await considerProposal(this, event, now);
    for (const deal of this.state.deals) {
      // Each step moves the deal on, so this ends once nothing is due at `now`.
      for (let due = this.dueEpoch(deal); due !== undefined && due <= now; due = this.dueEpoch(deal)) await this.advance(deal, now);
    }
    if (!this.state.running) return;
    for (const claim of this.state.claims) if (claim.status === "sealing" && claim.sealAt <= now) await claimAllocation(this, claim, now);
  }

  // ---------------------------------------------------------------- actions (also for the engine's modules)

  record(event: SpEvent): void {
    this.state.history.push(event);
    this.options.print?.(`storage provider, epoch ${event.epoch}: ${event.message}`);
  }

  /** Runs actor messages as the provider; an actor's refusal comes back as its message. */
  async act<T>(fn: (evm: FevmEVM) => Promise<T>): Promise<T | MarketControlError> {
    try {
      return await this.chain.runAsSystem(fn);
    } catch (e) {
      if (e instanceof MarketControlError) return e;
      throw e;
    }
  }

  /** Does the first thing due for `deal` at `now`. */
  private async advance(deal: TrackedDeal, now: bigint): Promise<void> {
    const at = dealEvent(deal, now);
    const cron = deal.faultySince === undefined ? undefined : faultTerminationEpoch(deal.faultySince);
    if (cron !== undefined && cron <= now) {
      return terminateDealSector(this, deal, now, `sector ${deal.sector} of miner t0${deal.miner} was faulty for ${FAULT_MAX_AGE} epochs (since epoch ${deal.faultySince}): the chain terminated it`);
    }
    if (deal.terminateAt !== undefined && deal.terminateAt <= now) {
      deal.terminateAt = undefined;
      return terminateDealSector(this, deal, now, `terminated the sector ${deal.sector} of deal ${deal.id}`);
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
      scheduleRandomFault(this, deal, now);
      return this.record({ ...at, kind: "activated", message: `sealed deal ${deal.id} in sector ${deal.sector} of miner t0${deal.miner} (expires at epoch ${sector.expiration})` });
    }
    if (deal.recoverAt !== undefined && deal.recoverAt <= now) return applyRecovery(this, deal, now, "as scheduled");
    if (deal.faultySince === undefined && deal.randomFaultAt !== undefined && deal.randomFaultAt <= now) {
      const duration = this.state.policy.faultDuration;
      return applyFault(this, deal, now, duration === undefined ? undefined : now + duration, "by chance (fault model)");
    }
    deal.nextSettle = now + DEAL_UPDATES_INTERVAL;
    return this.settle(deal, now);
  }

  /** Settles the deal's payments; a completed or removed deal is over for the provider. */
  private async settle(deal: TrackedDeal, now: bigint): Promise<void> {
    const results = await this.act((evm) => settleDeals(evm, [deal.id]));
    const at = { ...dealEvent(deal, now), kind: "settled" as const };
    if (results instanceof MarketControlError) {
      // Past its end there is nothing left to wait for: the deal is over for the provider either way.
      if (now >= deal.endEpoch) deal.status = "ended";
      return this.record({ ...at, message: `could not settle deal ${deal.id}: ${results.message}` });
    }
    const [r] = results;
    if (r.completed || r.exitCode !== 0) deal.status = "ended";
    const outcome = r.exitCode !== 0 ? `the market answered exit code ${r.exitCode} (deal gone)` : `${r.payment} attoFIL paid${r.completed ? ", deal completed" : ""}`;
    this.record({ ...at, message: `settled deal ${deal.id}: ${outcome}` });
  }
}

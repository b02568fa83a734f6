/**
 * `fevm_sp_*`: the simulated storage provider behind `hre.fevm.storageProvider` (src/sp/engine.ts):
 * start/stop, its policy, what it did, and failures on demand (refuse, miss an activation, fault,
 * recover, terminate). JSON: amounts, sizes, epochs and ids are decimal strings (numbers and 0x
 * quantities are accepted in); unset limits are null; the fault rate is a number.
 */
import type { MethodTable } from "../context";
import { invalidInput, invalidParams } from "../errors";
import * as p from "../params";
import { POLICY_KEYS, readPolicy } from "../../sp/policy-input";
import { StorageProviderError, type SpEvent } from "../../sp/engine";
import type { SpPolicy } from "../../sp/policy";
import { epoch, u64 } from "./fevm-market";

export interface SpPolicyJson {
  maxPricePerEpoch: string | null;
  minPieceSize: string;
  maxPieceSize: string | null;
  verifiedOnly: boolean;
  allowClients: string[];
  denyClients: string[];
  capacityBytes: string | null;
  sealingDelay: string;
  faultRate: number;
  faultSeed: string;
  faultDuration: string | null;
}

export interface SpEventJson {
  epoch: string;
  kind: SpEvent["kind"];
  message: string;
  contract?: string;
  proposalId?: string;
  dealId?: string;
  miner?: string;
  sector?: string;
}

export interface SpStatusJson {
  running: boolean;
  miners: string[];
  policy: SpPolicyJson;
}

const orNull = (n: bigint | undefined) => (n === undefined ? null : `${n}`);

function policyJson(q: SpPolicy): SpPolicyJson {
  return {
    maxPricePerEpoch: orNull(q.maxPricePerEpoch),
    minPieceSize: `${q.minPieceSize}`,
    maxPieceSize: orNull(q.maxPieceSize),
    verifiedOnly: q.verifiedOnly,
    allowClients: q.allowClients,
    denyClients: q.denyClients,
    capacityBytes: orNull(q.capacityBytes),
    sealingDelay: `${q.sealingDelay}`,
    faultRate: q.faultRate,
    faultSeed: `${q.faultSeed}`,
    faultDuration: orNull(q.faultDuration),
  };
}

function eventJson(e: SpEvent): SpEventJson {
  const json: SpEventJson = { epoch: `${e.epoch}`, kind: e.kind, message: e.message };
  if (e.contract !== undefined) json.contract = e.contract;
  if (e.proposalId !== undefined) json.proposalId = e.proposalId;
  if (e.dealId !== undefined) json.dealId = `${e.dealId}`;
  if (e.miner !== undefined) json.miner = `${e.miner}`;
  if (e.sector !== undefined) json.sector = `${e.sector}`;
  return json;
}

/** The provider's refusals (unknown deal, not a miner) become invalid-input errors. */
async function control<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof StorageProviderError) throw invalidInput(e.message);
    throw e;
  }
}

/** A policy given over RPC, with the known keys only. */
function policyParam(value: unknown): Partial<SpPolicy> {
  const o = p.object(value, "policy");
  const { policy, problems } = readPolicy(o, "policy.");
  const unknown = Object.keys(o).filter((k) => !(POLICY_KEYS as readonly string[]).includes(k));
  if (problems.length > 0) throw invalidParams(`Errors encountered in param ${problems.join("; ")}`);
  if (unknown.length > 0) throw invalidParams(`Errors encountered in param policy: unknown option(s) ${unknown.join(", ")}`);
  return policy;
}

export const fevmStorageProviderMethods: MethodTable = {
  /** `({ miners? })` → status: starts (or resumes) serving, with these miner ids or the ones it had. */
  async fevm_sp_start(ctx, params) {
    p.arity(params, 0, 1, "fevm_sp_start");
    const opts = params[0] === undefined || params[0] === null ? {} : p.object(params[0], "options");
    let miners: bigint[] | undefined;
    if (opts.miners !== undefined) {
      if (!Array.isArray(opts.miners)) throw invalidParams("Errors encountered in param options.miners: expected an array of miner actor ids");
      miners = opts.miners.map((m, i) => u64(typeof m === "string" ? m.replace(/^[tf]0/, "") : m, `options.miners[${i}]`));
    }
    await control(() => ctx.storageProvider.start(miners));
    return statusJson(ctx.storageProvider.status());
  },

  /** Goes offline: it sees no proposal and seals, settles or terminates nothing until started again. */
  fevm_sp_stop(ctx, params) {
    p.arity(params, 0, 0, "fevm_sp_stop");
    ctx.storageProvider.stop();
    return statusJson(ctx.storageProvider.status());
  },

  fevm_sp_status(ctx, params) {
    p.arity(params, 0, 0, "fevm_sp_status");
    return statusJson(ctx.storageProvider.status());
  },

  /** `(policy)` → the whole policy after applying the options given. */
  fevm_sp_setPolicy(ctx, params) {
    p.arity(params, 1, 1, "fevm_sp_setPolicy");
    return policyJson(ctx.storageProvider.setPolicy(policyParam(params[0])));
  },

  /** What it saw and did, oldest first, each at the epoch its message ran in. */
  fevm_sp_history(ctx, params) {
    p.arity(params, 0, 0, "fevm_sp_history");
    return ctx.storageProvider.history().map(eventJson);
  },

  /** `(count?)`: refuses the next `count` proposals (default 1) whatever the policy says. */
  fevm_sp_refuse(ctx, params) {
    p.arity(params, 0, 1, "fevm_sp_refuse");
    const count = params[0] === undefined ? 1n : u64(params[0], "count");
    ctx.storageProvider.refuseNext(Number(count));
    return true;
  },

  /** `(dealId)`: never seals the deal, which then misses its start epoch and times out. */
  async fevm_sp_missActivation(ctx, params) {
    p.arity(params, 1, 1, "fevm_sp_missActivation");
    const id = u64(params[0], "dealId");
    await control(() => ctx.storageProvider.missActivation(id));
    return true;
  },

  /** `(dealId, { epoch? })`: terminates the deal's sector at `epoch` (default: the next epoch). */
  async fevm_sp_terminate(ctx, params) {
    p.arity(params, 1, 2, "fevm_sp_terminate");
    const id = u64(params[0], "dealId");
    const opts = params[1] === undefined || params[1] === null ? {} : p.object(params[1], "options");
    const at = opts.epoch === undefined ? undefined : epoch(opts.epoch, "options.epoch");
    await control(() => ctx.storageProvider.terminate(id, at));
    return true;
  },

  /** `(dealId, { epochs? })`: declares the deal's sector faulty now; with `epochs`, recovers it that many epochs later. */
  async fevm_sp_fault(ctx, params) {
    p.arity(params, 1, 2, "fevm_sp_fault");
    const id = u64(params[0], "dealId");
    const opts = params[1] === undefined || params[1] === null ? {} : p.options(params[1], "options", ["epochs"]);
    const epochs = opts.epochs === undefined ? undefined : u64(opts.epochs, "options.epochs");
    if (epochs === 0n) throw invalidParams("Errors encountered in param options.epochs: a fault lasts at least 1 epoch");
    await control(() => ctx.storageProvider.fault(id, epochs));
    return true;
  },

  /** `(dealId)`: declares the deal's faulty sector recovered now. */
  async fevm_sp_recover(ctx, params) {
    p.arity(params, 1, 1, "fevm_sp_recover");
    const id = u64(params[0], "dealId");
    await control(() => ctx.storageProvider.recover(id));
    return true;
  },
};

function statusJson(s: { running: boolean; miners: bigint[]; policy: SpPolicy }): SpStatusJson {
  return { running: s.running, miners: s.miners.map((m) => `t0${m}`), policy: policyJson(s.policy) };
}

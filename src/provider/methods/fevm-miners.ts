import { changeSectors, extendSectors, MinerControlError, minerHandle, PRE_COMMIT_CHALLENGE_DELAY, preCommitSector, proveCommitSector, sectorView, type CommitOptions, type PieceInput, type SectorChange } from "../../actors/miner/control";
import { createMiner, MinerCreationError, type CreateMinerOptions } from "../../actors/miner/create";
import type { Notification, SectorInfo } from "../../actors/miner/sector-types";
import { multiaddrToString } from "../../actors/miner/multiaddr";
import { peerIdToString } from "../../actors/miner/peer-id";
import { MinerState } from "../../actors/miner/state";
import type { BeneficiaryTerm, MinerInfo } from "../../actors/miner/types";
import { stateAddressOf } from "../../actors/registry";
import { formatAddress, idAddress, InvalidAddressError, maskedIdAddress, type FilecoinAddress } from "../../fil";
import { ErrorCode, ProviderError } from "../errors";
import type { MethodContext, MethodTable } from "../context";
import { invalidParams } from "../errors";
import * as p from "../params";
import { parseAnyAddress } from "./fevm-address";
import { epoch, pieceCid, u64 } from "./fevm-market";

/** `fevm_miners_create`'s answer (ids and amounts as decimal strings). */
export interface CreatedMinerJson {
  id: string;
  /** t0 form: what deals name as provider. */
  address: string;
  robustAddress: string;
  /** 0xff00…: how the miner appears to the EVM. */
  maskedAddress: string;
}

/** `fevm_miners_get`'s answer: the miner's info, balance and identity (amounts/epochs as decimal strings). */
export interface MinerJson extends CreatedMinerJson {
  owner: string;
  worker: string;
  controlAddresses: string[];
  pendingOwner: string | null;
  pendingWorker: { address: string; effectiveAt: string } | null;
  beneficiary: string;
  beneficiaryTerm: { quota: string; usedQuota: string; expiration: string };
  pendingBeneficiary: {
    address: string;
    quota: string;
    expiration: string;
    approvedByBeneficiary: boolean;
    approvedByNominee: boolean;
  } | null;
  /** Base58 libp2p peer id ("" when unset). */
  peerId: string;
  multiaddrs: string[];
  sectorSize: string;
  windowPoStProofType: number;
  /** attoFIL; all of it is available (a miner without sectors locks nothing). */
  balance: string;
}

const CREATE_KEYS = ["owner", "worker", "controlAddresses", "sectorSize", "peerId", "multiaddrs"] as const;

const t0 = (id: bigint) => formatAddress(idAddress(id), "t");

function identity(id: bigint, robust: FilecoinAddress | undefined): CreatedMinerJson {
  return { id: id.toString(), address: t0(id), robustAddress: robust ? formatAddress(robust, "t") : t0(id), maskedAddress: maskedIdAddress(id) };
}

/**
 * Lists and strings are capped far above what a miner can hold, so the actor still answers an
 * over-long one with its own rule (10 control addresses, 1024 bytes of multiaddrs).
 */
const MAX_ITEMS = 1000;
const MAX_TEXT = 4096;

function createOptions(value: unknown): CreateMinerOptions {
  const o = p.options(value, "options", CREATE_KEYS);
  if (o.owner === undefined) throw invalidParams("Errors encountered in param options.owner: owner is required (an address or actor id of any actor)");
  const address = (v: unknown, name: string) => parseAnyAddress(v, name);
  return {
    owner: address(o.owner, "options.owner"),
    worker: o.worker === undefined ? undefined : address(o.worker, "options.worker"),
    controlAddresses: o.controlAddresses === undefined ? undefined : p.list(o.controlAddresses, "options.controlAddresses", MAX_ITEMS, address),
    sectorSize: o.sectorSize === undefined ? undefined : p.integer(o.sectorSize, "options.sectorSize", p.UINT64),
    peerId: o.peerId === undefined ? undefined : p.string(o.peerId, "options.peerId", MAX_TEXT),
    multiaddrs: o.multiaddrs === undefined ? undefined : p.list(o.multiaddrs, "options.multiaddrs", MAX_ITEMS, (m, name) => p.string(m, name, MAX_TEXT)),
  };
}

const termJson = (term: BeneficiaryTerm) => ({ quota: term.quota.toString(), usedQuota: term.usedQuota.toString(), expiration: term.expiration.toString() });

function infoJson(info: MinerInfo): Omit<MinerJson, keyof CreatedMinerJson | "balance"> {
  const pb = info.pendingBeneficiary;
  return {
    owner: t0(info.owner),
    worker: t0(info.worker),
    controlAddresses: info.controlAddresses.map(t0),
    pendingOwner: info.pendingOwner === null ? null : t0(info.pendingOwner),
    pendingWorker: info.pendingWorkerKey === null ? null : { address: t0(info.pendingWorkerKey.newWorker), effectiveAt: info.pendingWorkerKey.effectiveAt.toString() },
    beneficiary: t0(info.beneficiary),
    beneficiaryTerm: termJson(info.beneficiaryTerm),
    pendingBeneficiary:
      pb === null
        ? null
        : {
            address: t0(pb.newBeneficiary),
            quota: pb.newQuota.toString(),
            expiration: pb.newExpiration.toString(),
            approvedByBeneficiary: pb.approvedByBeneficiary,
            approvedByNominee: pb.approvedByNominee,
          },
    peerId: peerIdToString(info.peerId),
    multiaddrs: info.multiaddrs.map(multiaddrToString),
    sectorSize: info.sectorSize.toString(),
    windowPoStProofType: info.windowPoStProofType,
  };
}

async function minerJson(ctx: MethodContext, address: FilecoinAddress): Promise<MinerJson> {
  const evm = ctx.chain.evm;
  const id = await evm.actors.lookupId(address);
  const record = id === undefined ? undefined : await evm.actors.get(id);
  const name = formatAddress(address, "t");
  if (record === undefined) throw invalidParams(`fevm_miners_get: ${name} is not an actor on this network`);
  if (record.kind !== "miner") throw invalidParams(`fevm_miners_get: ${name} is a ${record.kind} actor, not a miner`);
  const info = await new MinerState(evm.stateManager, record.id).findInfo();
  if (info === undefined) throw invalidParams(`fevm_miners_get: miner ${name} has no miner state`);
  const balance = ((await evm.stateManager.getAccount(stateAddressOf(record)))?.balance ?? 0n).toString();
  return { ...identity(record.id, record.address), ...infoJson(info), balance };
}

/** Test control of storage providers behind `hre.fevm.miners`. */
export const fevmMinerMethods: MethodTable = {
  /** Creates a miner (owner, optional worker, control addresses, sector size, peer id, multiaddrs). */
  async fevm_miners_create(ctx, params) {
    p.arity(params, 1, 1, "fevm_miners_create");
    const options = createOptions(params[0]);
    try {
      const created = await ctx.chain.runAsSystem((evm) => createMiner(evm, options));
      return identity(created.id, created.robustAddress);
    } catch (e) {
      if (e instanceof MinerCreationError) throw invalidParams(`fevm_miners_create: ${e.message}`);
      throw e;
    }
  },

  /** The miner at an id or address (t0…/t2…/0xff… masked id). */
  async fevm_miners_get(ctx, params) {
    p.arity(params, 1, 1, "fevm_miners_get");
    return minerJson(ctx, parseAnyAddress(params[0], "miner"));
  },
};

// ------------------------------------------------------------------------------ sectors

/** A proven sector as test control shows it (numbers as decimal strings). */
export interface SectorJson {
  sectorNumber: string;
  status: "dead" | "active" | "faulty";
  deadline: string;
  partition: string;
  activation: string;
  expiration: string;
  sealedCid: string;
  unsealedCid: string | null;
  rawPower: string;
  qaPower: string;
}

function sectorJson(info: MinerInfo, s: SectorInfo): SectorJson {
  const v = sectorView(info, s);
  return {
    sectorNumber: s.sectorNumber.toString(),
    status: v.statusName,
    deadline: s.deadline.toString(),
    partition: s.partition.toString(),
    activation: s.activation.toString(),
    expiration: s.expiration.toString(),
    sealedCid: s.sealedCid.toString(),
    unsealedCid: s.unsealedCid?.toString() ?? null,
    rawPower: v.power.raw.toString(),
    qaPower: v.power.qa.toString(),
  };
}

const PIECE_KEYS = ["dealId", "pieceCid", "size", "allocationId", "client", "notify"];
const COMMIT_KEYS = ["pieces", "notify", "sectorNumber", "expiration", "requireNotificationSuccess"];

function noUnknownKeys(o: Record<string, unknown>, allowed: readonly string[], what: string): void {
  const unknown = Object.keys(o).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw invalidParams(`Errors encountered in param ${what}: unknown key ${unknown.join(", ")}; the keys are ${allowed.join(", ")}`);
}

/** A notifee: an address (empty payload) or `{ address, payload: 0x… }`. */
function notification(value: unknown, name: string): Notification {
  if (typeof value === "string" || typeof value === "number") return { address: parseAnyAddress(value, name), payload: new Uint8Array() };
  const o = p.object(value, name);
  noUnknownKeys(o, ["address", "payload"], name);
  return { address: parseAnyAddress(o.address, `${name}.address`), payload: o.payload === undefined ? new Uint8Array() : p.data(o.payload, `${name}.payload`) };
}

const notifications = (value: unknown, name: string) => (value === undefined ? [] : p.list(value, name, MAX_ITEMS, notification));

function pieceInput(value: unknown, name: string): PieceInput {
  const o = p.object(value, name);
  noUnknownKeys(o, PIECE_KEYS, name);
  const notify = notifications(o.notify, `${name}.notify`);
  if (o.dealId !== undefined) {
    if (o.pieceCid !== undefined || o.size !== undefined) throw invalidParams(`Errors encountered in param ${name}: give either dealId (a market deal) or pieceCid and size, not both`);
    if (o.allocationId !== undefined || o.client !== undefined) throw invalidParams(`Errors encountered in param ${name}: a deal's allocation comes from the market (its pending deal allocation); allocationId and client go only with pieceCid and size`);
    return { dealId: u64(o.dealId, `${name}.dealId`), notify };
  }
  if (o.pieceCid === undefined || o.size === undefined) throw invalidParams(`Errors encountered in param ${name}: a piece needs dealId, or pieceCid and size (padded bytes)`);
  if ((o.allocationId === undefined) !== (o.client === undefined)) throw invalidParams(`Errors encountered in param ${name}: a verified piece needs both allocationId and client (the allocation's client)`);
  return {
    pieceCid: pieceCid(o.pieceCid, `${name}.pieceCid`),
    size: u64(o.size, `${name}.size`),
    allocation: o.allocationId === undefined ? undefined : { client: parseAnyAddress(o.client, `${name}.client`), id: u64(o.allocationId, `${name}.allocationId`) },
    notify,
  };
}

function commitOptions(value: unknown): CommitOptions {
  const o = p.object(value, "options");
  noUnknownKeys(o, COMMIT_KEYS, "options");
  if (o.requireNotificationSuccess !== undefined && typeof o.requireNotificationSuccess !== "boolean") throw invalidParams("Errors encountered in param options.requireNotificationSuccess: expected true or false");
  return {
    pieces: p.list(o.pieces ?? [], "options.pieces", MAX_ITEMS, pieceInput),
    notify: notifications(o.notify, "options.notify"),
    sectorNumber: o.sectorNumber === undefined ? undefined : u64(o.sectorNumber, "options.sectorNumber"),
    expiration: o.expiration === undefined ? undefined : epoch(o.expiration, "options.expiration"),
    requireNotificationSuccess: o.requireNotificationSuccess as boolean | undefined,
  };
}

const sectorList = (value: unknown, name: string) => p.list(value, name, MAX_ITEMS, u64);

/** The miner's refusals become JSON-RPC errors carrying the exit code. */
async function minerControl<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof MinerControlError) throw new ProviderError(e.message, ErrorCode.InvalidInput, { exitCode: e.exitCode });
    if (e instanceof InvalidAddressError) throw invalidParams(e.message);
    throw e;
  }
}

async function sectorsJson(ctx: MethodContext, miner: FilecoinAddress, numbers?: readonly bigint[]): Promise<SectorJson[]> {
  return ctx.chain.runAsSystem(async (evm) => {
    const m = await minerHandle(evm, miner);
    const all = await m.state.sectors();
    return all.filter((s) => numbers === undefined || numbers.includes(s.sectorNumber)).map((s) => sectorJson(m.info, s));
  });
}

function changeMethod(change: SectorChange, name: string): MethodTable[string] {
  return async (ctx, params) => {
    p.arity(params, 2, 2, name);
    const miner = parseAnyAddress(params[0], "miner");
    const sectors = sectorList(params[1], "sectors");
    await minerControl(() => ctx.chain.runAsSystem((evm) => changeSectors(evm, miner, sectors, change)));
    return sectorsJson(ctx, miner, sectors);
  };
}

/** Test control of sectors behind `hre.fevm.miners`. */
export const fevmSectorMethods: MethodTable = {
  /**
   * Pre-commits a sector holding the pieces, mines PRE_COMMIT_CHALLENGE_DELAY + 1 epochs, then
   * prove-commits it: market deals activate, verified pieces claim their allocations, notifees
   * hear SectorContentChanged. Returns the proven sector.
   */
  async fevm_miners_commitSectors(ctx, params) {
    p.arity(params, 2, 2, "fevm_miners_commitSectors");
    const miner = parseAnyAddress(params[0], "miner");
    const options = commitOptions(params[1]);
    const prepared = await minerControl(() => ctx.chain.runAsSystem((evm) => preCommitSector(evm, miner, options)));
    await ctx.chain.mineEmpty(PRE_COMMIT_CHALLENGE_DELAY + 1n, 30n);
    ctx.onBlockMined(ctx.chain.latestBlock());
    const sector = await minerControl(() => ctx.chain.runAsSystem((evm) => proveCommitSector(evm, miner, prepared, options.requireNotificationSuccess ?? true)));
    return (await sectorsJson(ctx, miner, [sector.sectorNumber]))[0];
  },

  fevm_miners_terminateSectors: changeMethod("terminate", "fevm_miners_terminateSectors"),
  fevm_miners_declareFaults: changeMethod("fault", "fevm_miners_declareFaults"),
  fevm_miners_recoverFaults: changeMethod("recover", "fevm_miners_recoverFaults"),

  /** Extends sectors to `newExpiration`; `claims` maps a verified sector to the claim ids it keeps. */
  async fevm_miners_extendSectors(ctx, params) {
    p.arity(params, 2, 2, "fevm_miners_extendSectors");
    const miner = parseAnyAddress(params[0], "miner");
    const o = p.object(params[1], "options");
    noUnknownKeys(o, ["sectors", "newExpiration", "claims"], "options");
    const sectors = sectorList(o.sectors, "options.sectors");
    if (o.newExpiration === undefined) throw invalidParams("Errors encountered in param options.newExpiration: required (an epoch)");
    const newExpiration = epoch(o.newExpiration, "options.newExpiration");
    const claims = new Map<bigint, { maintain: bigint[]; drop: bigint[] }>();
    for (const [key, value] of Object.entries(o.claims === undefined ? {} : p.object(o.claims, "options.claims"))) {
      const c = p.object(value, `options.claims.${key}`);
      claims.set(u64(key, "options.claims key"), { maintain: c.maintain === undefined ? [] : sectorList(c.maintain, `options.claims.${key}.maintain`), drop: c.drop === undefined ? [] : sectorList(c.drop, `options.claims.${key}.drop`) });
    }
    await minerControl(() => ctx.chain.runAsSystem((evm) => extendSectors(evm, miner, sectors, newExpiration, claims)));
    return sectorsJson(ctx, miner, sectors);
  },

  /** The miner's proven sectors (all, or the numbers given). */
  async fevm_miners_sectors(ctx, params) {
    p.arity(params, 1, 2, "fevm_miners_sectors");
    const miner = parseAnyAddress(params[0], "miner");
    return minerControl(() => sectorsJson(ctx, miner, params[1] === undefined ? undefined : sectorList(params[1], "sectors")));
  },
};

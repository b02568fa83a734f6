import { createMiner, MinerCreationError, type CreateMinerOptions } from "../../actors/miner/create";
import { multiaddrToString } from "../../actors/miner/multiaddr";
import { peerIdToString } from "../../actors/miner/peer-id";
import { MinerState } from "../../actors/miner/state";
import type { BeneficiaryTerm, MinerInfo } from "../../actors/miner/types";
import { stateAddressOf } from "../../actors/registry";
import { formatAddress, idAddress, maskedIdAddress, type FilecoinAddress } from "../../fil";
import type { MethodContext, MethodTable } from "../context";
import { invalidParams } from "../errors";
import * as p from "../params";
import { parseAnyAddress } from "./fevm-address";

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

function sectorSizeParam(value: unknown): bigint | number {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^(\d+|0x[0-9a-f]+)$/i.test(value)) return BigInt(value);
  throw invalidParams(`Errors encountered in param sectorSize: expected a number of bytes, got ${JSON.stringify(value)}`);
}

function stringParam(value: unknown, name: string): string {
  if (typeof value !== "string") throw invalidParams(`Errors encountered in param ${name}: expected a string, got ${JSON.stringify(value)}`);
  return value;
}

function listParam(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw invalidParams(`Errors encountered in param ${name}: expected an array, got ${JSON.stringify(value)}`);
  return value;
}

function createOptions(value: unknown): CreateMinerOptions {
  const o = p.object(value, "options");
  const unknown = Object.keys(o).filter((k) => !(CREATE_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) throw invalidParams(`fevm_miners_create: unknown option ${unknown.join(", ")}; the options are ${CREATE_KEYS.join(", ")}`);
  if (o.owner === undefined) throw invalidParams("fevm_miners_create: owner is required (an address or actor id of any actor)");
  return {
    owner: parseAnyAddress(o.owner, "owner"),
    worker: o.worker === undefined ? undefined : parseAnyAddress(o.worker, "worker"),
    controlAddresses: o.controlAddresses === undefined ? undefined : listParam(o.controlAddresses, "controlAddresses").map((a, i) => parseAnyAddress(a, `controlAddresses[${i}]`)),
    sectorSize: o.sectorSize === undefined ? undefined : sectorSizeParam(o.sectorSize),
    peerId: o.peerId === undefined ? undefined : stringParam(o.peerId, "peerId"),
    multiaddrs: o.multiaddrs === undefined ? undefined : listParam(o.multiaddrs, "multiaddrs").map((m, i) => stringParam(m, `multiaddrs[${i}]`)),
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

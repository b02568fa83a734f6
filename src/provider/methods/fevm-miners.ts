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

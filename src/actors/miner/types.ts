/**
 * The miner actor's info and the CBOR shapes of its exported methods (builtin-actors
 * actors/miner/src/{types,beneficiary,state}.rs). Every address the actor stores is an ID
 * address, so the info keeps actor ids; they become `00 ‖ leb128(id)` byte strings on the wire.
 */
import {
  addressToBytes,
  CborDecodeError,
  expectAddress,
  expectArray,
  expectBigInt,
  expectBool,
  expectBytes,
  expectInt64,
  expectNullable,
  expectUint64,
  encodeBigIntBytes,
  idAddress,
  Protocol,
  type CborEncodable,
  type CborValue,
  type FilecoinAddress,
} from "../../fil";

/** A worker key change waiting for its epoch (`WorkerKeyChange`). */
export interface WorkerKeyChange {
  newWorker: bigint;
  effectiveAt: bigint;
}

/** What the beneficiary may withdraw (`BeneficiaryTerm`, FIP-0029). */
export interface BeneficiaryTerm {
  quota: bigint;
  usedQuota: bigint;
  expiration: bigint;
}

/** A proposed beneficiary change awaiting approvals (`PendingBeneficiaryChange`). */
export interface PendingBeneficiaryChange {
  newBeneficiary: bigint;
  newQuota: bigint;
  newExpiration: bigint;
  approvedByBeneficiary: boolean;
  approvedByNominee: boolean;
}

/** The parts of `MinerInfo` the emulator models. */
export interface MinerInfo {
  owner: bigint;
  worker: bigint;
  controlAddresses: bigint[];
  pendingWorkerKey: WorkerKeyChange | null;
  peerId: Uint8Array;
  multiaddrs: Uint8Array[];
  windowPoStProofType: number;
  sectorSize: bigint;
  pendingOwner: bigint | null;
  beneficiary: bigint;
  beneficiaryTerm: BeneficiaryTerm;
  pendingBeneficiary: PendingBeneficiaryChange | null;
}

/** What the beneficiary can still withdraw at `epoch`: nothing once expired (BeneficiaryTerm::available). */
export function availableQuota(term: BeneficiaryTerm, epoch: bigint): bigint {
  if (term.expiration <= epoch) return 0n;
  const left = term.quota - term.usedQuota;
  return left > 0n ? left : 0n;
}

// ------------------------------------------------------------------------------ wire forms

const idBytes = (id: bigint) => addressToBytes(idAddress(id));

function readIdAddress(value: CborValue, what: string): bigint {
  const address = expectAddress(value, what);
  if (address.protocol !== Protocol.ID) throw new CborDecodeError(`${what}: expected an ID address`);
  return address.id;
}

export function encodeBeneficiaryTerm(term: BeneficiaryTerm): CborEncodable {
  return [encodeBigIntBytes(term.quota), encodeBigIntBytes(term.usedQuota), term.expiration];
}

export function encodePendingBeneficiary(p: PendingBeneficiaryChange | null): CborEncodable {
  if (p === null) return null;
  return [idBytes(p.newBeneficiary), encodeBigIntBytes(p.newQuota), p.newExpiration, p.approvedByBeneficiary, p.approvedByNominee];
}

/** How the info is kept in the miner's state (MinerInfo's field order, modelled fields only). */
export function encodeMinerInfo(info: MinerInfo): CborEncodable {
  return [
    idBytes(info.owner),
    idBytes(info.worker),
    info.controlAddresses.map(idBytes),
    info.pendingWorkerKey === null ? null : [idBytes(info.pendingWorkerKey.newWorker), info.pendingWorkerKey.effectiveAt],
    info.peerId,
    info.multiaddrs,
    info.windowPoStProofType,
    info.sectorSize,
    info.pendingOwner === null ? null : idBytes(info.pendingOwner),
    idBytes(info.beneficiary),
    encodeBeneficiaryTerm(info.beneficiaryTerm),
    encodePendingBeneficiary(info.pendingBeneficiary),
  ];
}

export function decodeMinerInfo(value: CborValue): MinerInfo {
  const f = expectArray(value, "MinerInfo", 12);
  const term = expectArray(f[10], "MinerInfo.beneficiary_term", 3);
  return {
    owner: readIdAddress(f[0], "MinerInfo.owner"),
    worker: readIdAddress(f[1], "MinerInfo.worker"),
    controlAddresses: expectArray(f[2], "MinerInfo.control_addresses").map((a) => readIdAddress(a, "MinerInfo.control_addresses[]")),
    pendingWorkerKey: expectNullable(f[3], "MinerInfo.pending_worker_key", (v, what) => {
      const [worker, at] = expectArray(v, what, 2);
      return { newWorker: readIdAddress(worker, `${what}.new_worker`), effectiveAt: expectInt64(at, `${what}.effective_at`) };
    }),
    peerId: expectBytes(f[4], "MinerInfo.peer_id"),
    multiaddrs: expectArray(f[5], "MinerInfo.multi_address").map((m) => expectBytes(m, "MinerInfo.multi_address[]")),
    windowPoStProofType: Number(expectInt64(f[6], "MinerInfo.window_post_proof_type")),
    sectorSize: expectUint64(f[7], "MinerInfo.sector_size"),
    pendingOwner: expectNullable(f[8], "MinerInfo.pending_owner_address", readIdAddress),
    beneficiary: readIdAddress(f[9], "MinerInfo.beneficiary"),
    beneficiaryTerm: {
      quota: expectBigInt(term[0], "BeneficiaryTerm.quota"),
      usedQuota: expectBigInt(term[1], "BeneficiaryTerm.used_quota"),
      expiration: expectInt64(term[2], "BeneficiaryTerm.expiration"),
    },
    pendingBeneficiary: expectNullable(f[11], "MinerInfo.pending_beneficiary_term", (v, what) => {
      const p = expectArray(v, what, 5);
      return {
        newBeneficiary: readIdAddress(p[0], `${what}.new_beneficiary`),
        newQuota: expectBigInt(p[1], `${what}.new_quota`),
        newExpiration: expectInt64(p[2], `${what}.new_expiration`),
        approvedByBeneficiary: expectBool(p[3], `${what}.approved_by_beneficiary`),
        approvedByNominee: expectBool(p[4], `${what}.approved_by_nominee`),
      };
    }),
  };
}

// ------------------------------------------------------------------------------ method params

/** ChangeWorkerAddressParams `[new_worker, [new_control_addresses…]]`. */
export function readChangeWorkerAddressParams(value: CborValue): { newWorker: FilecoinAddress; newControlAddresses: FilecoinAddress[] } {
  const [worker, controls] = expectArray(value, "ChangeWorkerAddressParams", 2);
  return {
    newWorker: expectAddress(worker, "ChangeWorkerAddressParams.new_worker"),
    newControlAddresses: expectArray(controls, "ChangeWorkerAddressParams.new_control_addresses").map((a) =>
      expectAddress(a, "ChangeWorkerAddressParams.new_control_addresses[]"),
    ),
  };
}

/** ChangePeerIDParams `[h'new_id']`. */
export function readChangePeerIdParams(value: CborValue): Uint8Array {
  const [peerId] = expectArray(value, "ChangePeerIDParams", 1);
  return expectBytes(peerId, "ChangePeerIDParams.new_id");
}

/** ChangeMultiaddrsParams `[[h'multiaddr'…]]`. */
export function readChangeMultiaddrsParams(value: CborValue): Uint8Array[] {
  const [list] = expectArray(value, "ChangeMultiaddrsParams", 1);
  return expectArray(list, "ChangeMultiaddrsParams.new_multi_addrs").map((m) => expectBytes(m, "ChangeMultiaddrsParams.new_multi_addrs[]"));
}

/** Transparent single-address params (ChangeOwnerAddressParams, IsControllingAddressParam). */
export function readAddressParam(what: string): (value: CborValue) => FilecoinAddress {
  return (value) => expectAddress(value, what);
}

/** WithdrawBalanceParams `[amount_requested]`. */
export function readWithdrawBalanceParams(value: CborValue): bigint {
  const [amount] = expectArray(value, "WithdrawBalanceParams", 1);
  return expectBigInt(amount, "WithdrawBalanceParams.amount_requested");
}

/** ChangeBeneficiaryParams `[new_beneficiary, new_quota, new_expiration]`. */
export function readChangeBeneficiaryParams(value: CborValue): { newBeneficiary: FilecoinAddress; newQuota: bigint; newExpiration: bigint } {
  const [beneficiary, quota, expiration] = expectArray(value, "ChangeBeneficiaryParams", 3);
  return {
    newBeneficiary: expectAddress(beneficiary, "ChangeBeneficiaryParams.new_beneficiary"),
    newQuota: expectBigInt(quota, "ChangeBeneficiaryParams.new_quota"),
    newExpiration: expectInt64(expiration, "ChangeBeneficiaryParams.new_expiration"),
  };
}

// ------------------------------------------------------------------------------ method returns

/** GetControlAddressesReturn `[owner, worker, [control…]]`. */
export function encodeControlAddresses(info: MinerInfo): CborEncodable {
  return [idBytes(info.owner), idBytes(info.worker), info.controlAddresses.map(idBytes)];
}

/** GetOwnerReturn `[owner, proposed | null]`. */
export function encodeGetOwnerReturn(info: MinerInfo): CborEncodable {
  return [idBytes(info.owner), info.pendingOwner === null ? null : idBytes(info.pendingOwner)];
}

/** GetBeneficiaryReturn `[[beneficiary, term], proposed | null]`. */
export function encodeGetBeneficiaryReturn(info: MinerInfo): CborEncodable {
  return [[idBytes(info.beneficiary), encodeBeneficiaryTerm(info.beneficiaryTerm)], encodePendingBeneficiary(info.pendingBeneficiary)];
}

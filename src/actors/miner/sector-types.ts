/**
 * Sectors: what the miner keeps about them and the CBOR shapes of the sector methods (builtin-actors
 * `actors/miner/src/types.rs`, `ext.rs`).
 */
import {
  addressToBytes,
  CborDecodeError,
  encodeBigIntBytes,
  expectAddress,
  expectArray,
  expectBigInt,
  expectBitfield,
  expectBool,
  expectBytes,
  expectCid,
  expectInt64,
  expectNullable,
  expectUint64,
  type BitRange,
  type CborEncodable,
  type CborValue,
  type CID,
  type FilecoinAddress,
} from "../../fil";

/** A sector's state in its partition. */
export const SectorStatus = { Dead: 0, Active: 1, Faulty: 2 } as const;
export type SectorStatus = (typeof SectorStatus)[keyof typeof SectorStatus];

/** SectorPreCommitInfo `[seal_proof, sector_number, sealed_cid, seal_rand_epoch, deal_ids, expiration, unsealed_cid]`. */
export interface PreCommitInfo {
  sealProof: number;
  sectorNumber: bigint;
  sealedCid: CID;
  sealRandEpoch: bigint;
  dealIds: bigint[];
  expiration: bigint;
  /** CompactCommD: null for a sector without data. */
  unsealedCid: CID | null;
}

/** A pre-commit on chain: the info and the epoch it landed (SectorPreCommitOnChainInfo, deposit 0). */
export interface PreCommitOnChain extends PreCommitInfo {
  preCommitEpoch: bigint;
}

/** SectorOnChainInfo, the fields the emulator uses, plus where the sector sits and its status. */
export interface SectorInfo {
  sectorNumber: bigint;
  sealProof: number;
  sealedCid: CID;
  unsealedCid: CID | null;
  activation: bigint;
  expiration: bigint;
  /** Unverified and verified space × duration. */
  dealWeight: bigint;
  verifiedDealWeight: bigint;
  powerBaseEpoch: bigint;
  deadline: bigint;
  partition: bigint;
  status: SectorStatus;
}

export function readPreCommitInfo(value: CborValue, what = "SectorPreCommitInfo"): PreCommitInfo {
  const f = expectArray(value, what, 7);
  return {
    sealProof: Number(expectInt64(f[0], `${what}.seal_proof`)),
    sectorNumber: expectUint64(f[1], `${what}.sector_number`),
    sealedCid: expectCid(f[2], `${what}.sealed_cid`),
    sealRandEpoch: expectInt64(f[3], `${what}.seal_rand_epoch`),
    dealIds: expectArray(f[4], `${what}.deal_ids`).map((d) => expectUint64(d, `${what}.deal_ids[]`)),
    expiration: expectInt64(f[5], `${what}.expiration`),
    unsealedCid: expectNullable(f[6], `${what}.unsealed_cid`, expectCid),
  };
}

export function preCommitInfoCbor(p: PreCommitInfo): CborEncodable[] {
  return [p.sealProof, p.sectorNumber, p.sealedCid, p.sealRandEpoch, p.dealIds, p.expiration, p.unsealedCid];
}

export function readPreCommitOnChain(value: CborValue): PreCommitOnChain {
  const [info, epoch] = expectArray(value, "SectorPreCommitOnChainInfo", 2);
  return { ...readPreCommitInfo(info), preCommitEpoch: expectInt64(epoch, "SectorPreCommitOnChainInfo.pre_commit_epoch") };
}

export function sectorInfoCbor(s: SectorInfo): CborEncodable {
  return [
    s.sectorNumber, s.sealProof, s.sealedCid, s.unsealedCid, s.activation, s.expiration,
    encodeBigIntBytes(s.dealWeight), encodeBigIntBytes(s.verifiedDealWeight), s.powerBaseEpoch, s.deadline, s.partition, s.status,
  ];
}

export function readSectorInfo(value: CborValue): SectorInfo {
  const f = expectArray(value, "SectorInfo", 12);
  const status = Number(expectUint64(f[11], "SectorInfo.status"));
  if (status > 2) throw new CborDecodeError(`SectorInfo.status ${status}`);
  return {
    sectorNumber: expectUint64(f[0], "SectorInfo.sector_number"),
    sealProof: Number(expectInt64(f[1], "SectorInfo.seal_proof")),
    sealedCid: expectCid(f[2], "SectorInfo.sealed_cid"),
    unsealedCid: expectNullable(f[3], "SectorInfo.unsealed_cid", expectCid),
    activation: expectInt64(f[4], "SectorInfo.activation"),
    expiration: expectInt64(f[5], "SectorInfo.expiration"),
    dealWeight: expectBigInt(f[6], "SectorInfo.deal_weight"),
    verifiedDealWeight: expectBigInt(f[7], "SectorInfo.verified_deal_weight"),
    powerBaseEpoch: expectInt64(f[8], "SectorInfo.power_base_epoch"),
    deadline: expectUint64(f[9], "SectorInfo.deadline"),
    partition: expectUint64(f[10], "SectorInfo.partition"),
    status: status as SectorStatus,
  };
}

// ------------------------------------------------------------------------------ ProveCommitSectors3

export interface Notification {
  address: FilecoinAddress;
  payload: Uint8Array;
}

/** PieceActivationManifest `[cid, size, verified_allocation_key | null, [[address, h'payload']…]]`. */
export interface PieceManifest {
  cid: CID;
  size: bigint;
  allocation: { client: bigint; id: bigint } | null;
  notify: Notification[];
}

export interface SectorActivation {
  sectorNumber: bigint;
  pieces: PieceManifest[];
}

export interface ProveCommitSectors3Params {
  activations: SectorActivation[];
  sectorProofs: Uint8Array[];
  aggregateProof: Uint8Array;
  aggregateProofType: bigint | null;
  requireActivationSuccess: boolean;
  requireNotificationSuccess: boolean;
}

function readPiece(value: CborValue, what: string): PieceManifest {
  const [cid, size, key, notify] = expectArray(value, what, 4);
  return {
    cid: expectCid(cid, `${what}.cid`),
    size: expectUint64(size, `${what}.size`),
    allocation: expectNullable(key, `${what}.verified_allocation_key`, (v, w) => {
      const [client, id] = expectArray(v, w, 2);
      return { client: expectUint64(client, `${w}.client`), id: expectUint64(id, `${w}.id`) };
    }),
    notify: expectArray(notify, `${what}.notify`).map((n) => {
      const [address, payload] = expectArray(n, `${what}.notify[]`, 2);
      return { address: expectAddress(address, `${what}.notify[].address`), payload: expectBytes(payload, `${what}.notify[].payload`) };
    }),
  };
}

export function readProveCommitSectors3Params(value: CborValue): ProveCommitSectors3Params {
  const f = expectArray(value, "ProveCommitSectors3Params", 6);
  return {
    activations: expectArray(f[0], "ProveCommitSectors3Params.sector_activations").map((a) => {
      const [n, pieces] = expectArray(a, "SectorActivationManifest", 2);
      return { sectorNumber: expectUint64(n, "SectorActivationManifest.sector_number"), pieces: expectArray(pieces, "SectorActivationManifest.pieces").map((p) => readPiece(p, "PieceActivationManifest")) };
    }),
    sectorProofs: expectArray(f[1], "ProveCommitSectors3Params.sector_proofs").map((p) => expectBytes(p, "ProveCommitSectors3Params.sector_proofs[]")),
    aggregateProof: expectBytes(f[2], "ProveCommitSectors3Params.aggregate_proof"),
    aggregateProofType: expectNullable(f[3], "ProveCommitSectors3Params.aggregate_proof_type", expectInt64),
    requireActivationSuccess: expectBool(f[4], "ProveCommitSectors3Params.require_activation_success"),
    requireNotificationSuccess: expectBool(f[5], "ProveCommitSectors3Params.require_notification_success"),
  };
}

export function pieceManifestCbor(p: PieceManifest): CborEncodable {
  return [p.cid, p.size, p.allocation === null ? null : [p.allocation.client, p.allocation.id], p.notify.map((n) => [addressToBytes(n.address), n.payload])];
}

// ------------------------------------------------------------------------------ declarations

/** TerminationDeclaration / FaultDeclaration / RecoveryDeclaration `[deadline, partition, sectors]`. */
export interface SectorDeclaration {
  deadline: bigint;
  partition: bigint;
  sectors: BitRange[];
}

/** `[[[deadline, partition, bitfield]…]]`, the shape of TerminateSectors, DeclareFaults and DeclareFaultsRecovered params. */
export function readDeclarations(what: string): (value: CborValue) => SectorDeclaration[] {
  return (value) => {
    const [list] = expectArray(value, what, 1);
    return expectArray(list, `${what}[0]`).map((d) => {
      const [deadline, partition, sectors] = expectArray(d, `${what} declaration`, 3);
      return { deadline: expectUint64(deadline, "deadline"), partition: expectUint64(partition, "partition"), sectors: expectBitfield(sectors, "sectors") };
    });
  };
}

/** SectorClaim `[sector_number, [maintain…], [drop…]]`. */
export interface SectorClaims {
  sectorNumber: bigint;
  maintain: bigint[];
  drop: bigint[];
}

/** ExpirationExtension2 `[deadline, partition, sectors, [SectorClaim…], new_expiration]`. */
export interface ExpirationExtension extends SectorDeclaration {
  sectorsWithClaims: SectorClaims[];
  newExpiration: bigint;
}

export function readExtendSectorExpiration2Params(value: CborValue): ExpirationExtension[] {
  const [list] = expectArray(value, "ExtendSectorExpiration2Params", 1);
  return expectArray(list, "ExtendSectorExpiration2Params.extensions").map((e) => {
    const [deadline, partition, sectors, withClaims, newExpiration] = expectArray(e, "ExpirationExtension2", 5);
    const ids = (v: CborValue, w: string) => expectArray(v, w).map((x) => expectUint64(x, `${w}[]`));
    return {
      deadline: expectUint64(deadline, "ExpirationExtension2.deadline"),
      partition: expectUint64(partition, "ExpirationExtension2.partition"),
      sectors: expectBitfield(sectors, "ExpirationExtension2.sectors"),
      sectorsWithClaims: expectArray(withClaims, "ExpirationExtension2.sectors_with_claims").map((c) => {
        const [n, maintain, drop] = expectArray(c, "SectorClaim", 3);
        return { sectorNumber: expectUint64(n, "SectorClaim.sector_number"), maintain: ids(maintain, "SectorClaim.maintain_claims"), drop: ids(drop, "SectorClaim.drop_claims") };
      }),
      newExpiration: expectInt64(newExpiration, "ExpirationExtension2.new_expiration"),
    };
  });
}

/** SectorLocation `[deadline, partition]` (−1, −1 when the sector is not in any partition). */
export function readSectorLocation(bytes: Uint8Array, decode: (b: Uint8Array) => CborValue): { deadline: bigint; partition: bigint } {
  const [deadline, partition] = expectArray(decode(bytes), "SectorLocation", 2);
  return { deadline: expectInt64(deadline, "SectorLocation.deadline"), partition: expectInt64(partition, "SectorLocation.partition") };
}

/**
 * Test control of sectors: each operation is the real message a storage provider's worker sends
 * (PreCommitSectorBatch2, ProveCommitSectors3, TerminateSectors, DeclareFaults,
 * DeclareFaultsRecovered, ExtendSectorExpiration2), built from a short description, so the
 * miner's own checks, exit codes, claims, power updates and notifications apply. Callers run
 * each inside `Chain.runAsSystem`.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { create as createDigest } from "multiformats/hashes/digest";
import type { FevmEVM } from "../../evm/fevm-evm";
import {
  CID,
  computeCommD,
  encodeBitfield,
  encodeCbor,
  formatAddress,
  idAddress,
  MinerMethod,
  Multicodec,
  MultihashCode,
  pieceCidV1,
  type CborEncodable,
  type FilecoinAddress,
} from "../../fil";
import { idOf } from "../market/escrow";
import { MarketState } from "../market/state";
import type { ActorRecord } from "../registry";
import { ActorControlError as MinerControlError, sendChecked } from "../control-send";
import { SingletonId } from "../singletons";
import { MAX_PROVE_COMMIT_DURATION, MIN_SECTOR_EXPIRATION, PRE_COMMIT_CHALLENGE_DELAY } from "./policy";
import { sectorPower } from "./sector-power";
import { pieceManifestCbor, type Notification, type PieceManifest, type SectorInfo } from "./sector-types";
import { MinerState } from "./state";
import type { MinerInfo } from "./types";

export { MinerControlError };
export { PRE_COMMIT_CHALLENGE_DELAY };

/** A piece to put in a sector: a published market deal, or any piece (DDO) with its allocation and notifees. */
export type PieceInput =
  | { dealId: bigint; notify?: Notification[] }
  | { pieceCid: CID; size: bigint; allocation?: { client: FilecoinAddress; id: bigint }; notify?: Notification[] };

export interface CommitOptions {
  pieces: PieceInput[];
  /** Notified of every piece (SectorContentChanged), after each piece's own notifees. */
  notify?: Notification[];
  sectorNumber?: bigint;
  /** Default: the latest deal end, and at least the minimum sector lifetime. */
  expiration?: bigint;
  /** Default true: a notifee that aborts or rejects fails the commit (1002/1003/1004). */
  requireNotificationSuccess?: boolean;
}

export interface MinerHandle {
  record: ActorRecord;
  info: MinerInfo;
  worker: ActorRecord;
  state: MinerState;
}

export async function minerHandle(evm: FevmEVM, address: FilecoinAddress): Promise<MinerHandle> {
  const id = await evm.actors.lookupId(address);
  const record = id === undefined ? undefined : await evm.actors.get(id);
  const name = formatAddress(address, "t");
  if (record === undefined) throw new MinerControlError(`${name} is not an actor on this network; create a miner with hre.fevm.miners.create({ owner })`);
  if (record.kind !== "miner") throw new MinerControlError(`${name} is a ${record.kind} actor, not a miner`);
  const state = new MinerState(evm.stateManager, record.id);
  const info = await state.loadInfo();
  return { record, info, state, worker: (await evm.actors.get(info.worker))! };
}

/** Sends a message from the miner's worker; a non-zero exit becomes a MinerControlError with the actor's reason. */
async function sendFromWorker(evm: FevmEVM, m: MinerHandle, method: bigint, params: CborEncodable, operation: string) {
  return sendChecked(evm, { from: m.worker, to: idAddress(m.record.id), method, params, actor: "miner" }, operation);
}

/** The V1P1 seal proof (5–9) of the miner's Window PoSt proof type (10–14). */
const sealProofOf = (info: MinerInfo) => info.windowPoStProofType - 5;

/** A CommR for a mock-proof sector: any CID with the sealed prefix; derived from miner and sector so it is stable. */
function sealedCid(miner: bigint, sector: bigint): CID {
  const digest = sha256(encodeCbor(["hardhat-fevm sealed sector", miner, sector]));
  return CID.createV1(Multicodec.FIL_COMMITMENT_SEALED, createDigest(MultihashCode.POSEIDON_BLS12_381_A1_FC1, digest));
}

async function nextSectorNumber(state: MinerState): Promise<bigint> {
  let n = 0n;
  while (await state.isAllocated(n)) n++;
  return n;
}

/** The manifest's VerifiedAllocationKey names the client by actor id: any address form of an existing actor resolves to it. */
async function allocationClientId(evm: FevmEVM, client: FilecoinAddress, index: number): Promise<bigint> {
  const id = await evm.actors.lookupId(client);
  if (id === undefined) throw new MinerControlError(`pieces[${index}].client: ${formatAddress(client, "t")} is not an actor on this network, so it cannot be the client of allocations`);
  return id;
}

export interface PreparedCommit {
  sectorNumber: bigint;
  manifests: PieceManifest[];
}

/**
 * The piece manifests of `opts.pieces` (market deals read from the market's state) and the
 * latest deal end among them. Pre-commit and prove-commit both derive them, so a prover that
 * keeps only the sector number (the simulated storage provider) rebuilds the same manifests.
 */
export async function pieceManifests(evm: FevmEVM, opts: Pick<CommitOptions, "pieces" | "notify">): Promise<{ manifests: PieceManifest[]; latestEnd: bigint }> {
  const market = new MarketState(evm.stateManager);
  const extra = opts.notify ?? [];
  const manifests: PieceManifest[] = [];
  let latestEnd = 0n;
  for (const [i, piece] of opts.pieces.entries()) {
    if ("dealId" in piece) {
      const deal = await market.getProposal(piece.dealId);
      if (deal === undefined) throw new MinerControlError(`pieces[${i}]: deal ${piece.dealId} is not a published deal of the market (never published, or already activated and settled/terminated)`);
      if (deal.endEpoch > latestEnd) latestEnd = deal.endEpoch;
      // A verified deal's allocation, as a real SP reads it from the market's pending deal
      // allocations (Lotus StateGetAllocationIdForPendingDeal) to claim it in the piece manifest.
      const allocationId = await market.getPendingAllocation(piece.dealId);
      const allocation = allocationId === undefined ? null : { client: idOf(deal.client), id: allocationId };
      manifests.push({ cid: deal.pieceCid, size: deal.pieceSize, allocation, notify: [{ address: idAddress(SingletonId.Market), payload: encodeCbor(piece.dealId) }, ...(piece.notify ?? []), ...extra] });
    } else {
      const allocation = piece.allocation === undefined ? null : { client: await allocationClientId(evm, piece.allocation.client, i), id: piece.allocation.id };
      manifests.push({ cid: piece.pieceCid, size: piece.size, allocation, notify: [...(piece.notify ?? []), ...extra] });
    }
  }
  return { manifests, latestEnd };
}

/** Resolves the pieces and pre-commits a sector holding them. */
export async function preCommitSector(evm: FevmEVM, minerAddress: FilecoinAddress, opts: CommitOptions): Promise<PreparedCommit> {
  const m = await minerHandle(evm, minerAddress);
  const { manifests, latestEnd } = await pieceManifests(evm, opts);
  let commD: Uint8Array | null = null;
  if (manifests.length > 0) {
    try {
      commD = computeCommD(m.info.sectorSize, manifests.map((p) => ({ commP: p.cid.multihash.digest, size: p.size })));
    } catch (e) {
      throw new MinerControlError(`the pieces do not fit a ${m.info.sectorSize}-byte sector of miner t0${m.record.id}: ${(e as Error).message}`);
    }
  }
  const epoch = evm.currentEpoch();
  const sectorNumber = opts.sectorNumber ?? (await nextSectorNumber(m.state));
  const minimum = epoch + MAX_PROVE_COMMIT_DURATION + MIN_SECTOR_EXPIRATION;
  const expiration = opts.expiration ?? (latestEnd > minimum ? latestEnd : minimum);
  const precommit = [sealProofOf(m.info), sectorNumber, sealedCid(m.record.id, sectorNumber), epoch - 1n, [], expiration, commD === null ? null : pieceCidV1(commD)];
  await sendFromWorker(evm, m, MinerMethod.PreCommitSectorBatch2, [[precommit]], `PreCommitSectorBatch2 of sector ${sectorNumber} by worker t0${m.worker.id}`);
  return { sectorNumber, manifests };
}

/** Proves a pre-committed sector with its pieces (PRE_COMMIT_CHALLENGE_DELAY epochs after the pre-commit). */
export async function proveCommitSector(evm: FevmEVM, minerAddress: FilecoinAddress, prepared: PreparedCommit, requireNotificationSuccess = true): Promise<SectorInfo> {
  const m = await minerHandle(evm, minerAddress);
  const activation = [prepared.sectorNumber, prepared.manifests.map(pieceManifestCbor)];
  const params = [[activation], [new Uint8Array(192)], new Uint8Array(), null, true, requireNotificationSuccess];
  await sendFromWorker(evm, m, MinerMethod.ProveCommitSectors3, params, `ProveCommitSectors3 of sector ${prepared.sectorNumber} by worker t0${m.worker.id}`);
  return (await m.state.getSector(prepared.sectorNumber))!;
}

/** The proven sectors named, grouped as declarations by deadline and partition. */
async function declarations(m: MinerHandle, sectors: readonly bigint[]): Promise<{ deadline: bigint; partition: bigint; numbers: bigint[] }[]> {
  const groups = new Map<string, { deadline: bigint; partition: bigint; numbers: bigint[] }>();
  for (const n of sectors) {
    const s = await m.state.getSector(n);
    if (s === undefined) throw new MinerControlError(`miner t0${m.record.id} has no proven sector ${n}`);
    const key = `${s.deadline}/${s.partition}`;
    const g = groups.get(key) ?? { deadline: s.deadline, partition: s.partition, numbers: [] };
    groups.set(key, g);
    g.numbers.push(n);
  }
  return [...groups.values()];
}

const declarationCbor = (d: { deadline: bigint; partition: bigint; numbers: bigint[] }) => [d.deadline, d.partition, encodeBitfield(d.numbers)];

export type SectorChange = "terminate" | "fault" | "recover";
const CHANGE: Record<SectorChange, [bigint, string]> = {
  terminate: [MinerMethod.TerminateSectors, "TerminateSectors"],
  fault: [MinerMethod.DeclareFaults, "DeclareFaults"],
  recover: [MinerMethod.DeclareFaultsRecovered, "DeclareFaultsRecovered"],
};

/** Terminates, faults or recovers proven sectors of a miner. */
export async function changeSectors(evm: FevmEVM, minerAddress: FilecoinAddress, sectors: readonly bigint[], change: SectorChange): Promise<void> {
  const m = await minerHandle(evm, minerAddress);
  const [method, name] = CHANGE[change];
  const list = (await declarations(m, sectors)).map(declarationCbor);
  await sendFromWorker(evm, m, method, [list], `${name} of sectors ${sectors.join(", ")} by worker t0${m.worker.id}`);
}

/** Extends proven sectors to `newExpiration`; sectors with verified data list their claims to keep. */
export async function extendSectors(evm: FevmEVM, minerAddress: FilecoinAddress, sectors: readonly bigint[], newExpiration: bigint, claims: ReadonlyMap<bigint, { maintain: bigint[]; drop: bigint[] }> = new Map()): Promise<void> {
  const m = await minerHandle(evm, minerAddress);
  const extensions = (await declarations(m, sectors)).map((d) => {
    const plain = d.numbers.filter((n) => !claims.has(n));
    const withClaims = d.numbers.filter((n) => claims.has(n)).map((n) => [n, claims.get(n)!.maintain, claims.get(n)!.drop]);
    return [d.deadline, d.partition, encodeBitfield(plain), withClaims, newExpiration];
  });
  await sendFromWorker(evm, m, MinerMethod.ExtendSectorExpiration2, [extensions], `ExtendSectorExpiration2 of sectors ${sectors.join(", ")} to epoch ${newExpiration} by worker t0${m.worker.id}`);
}

/** A sector as test control shows it. */
export function sectorView(info: MinerInfo, s: SectorInfo) {
  const power = s.status === 1 ? sectorPower(info.sectorSize, s) : { raw: 0n, qa: 0n };
  return { ...s, statusName: (["dead", "active", "faulty"] as const)[s.status], power };
}

/**
 * Sector onboarding (builtin-actors `actors/miner/src/lib.rs` `pre_commit_sector_batch2`,
 * `prove_commit_sectors3`, `activate_sectors_pieces`, `notifications.rs`): pre-commit, then after
 * the challenge delay prove-commit with piece manifests — CommD checked against the pieces,
 * verified allocations claimed at f06, power claimed at f04, and every notifee (the market with
 * deal ids, contracts with their own payloads) sent SectorContentChanged. Seal proofs are not
 * verified, as on a devnet with mock proofs.
 */
import {
  addressToBytes,
  bytesToHex,
  CborDecodeError,
  computeCommD,
  CommDError,
  decodeCbor,
  ExitCode,
  expectArray,
  expectBigInt,
  expectBool,
  formatAddress,
  idAddress,
  MarketMethod,
  MinerExitCode,
  Multicodec,
  MultihashCode,
  pieceCidV1,
  Protocol,
  CallbackMethod,
  VerifRegMethod,
  type CborEncodable,
  type CID,
  type FilecoinAddress,
} from "../../fil";
import type { Invocation } from "../definition";
import { batchReturnCbor, readBatchReturn, type BatchReturn } from "../batch-return";
import { ActorAbort } from "../outcome";
import { cborBlock, decodeReturn, extractSendResult, requireWritable } from "../runtime";
import { SingletonId } from "../singletons";
import { minerState, requireControlling } from "./invocation";
import {
  MAX_AGGREGATED_SECTORS,
  MAX_PRE_COMMIT_RANDOMNESS_LOOKBACK,
  MAX_PROVE_COMMIT_DURATION,
  MAX_SECTOR_EXPIRATION_EXTENSION,
  MAX_SECTOR_NUMBER,
  MIN_AGGREGATED_SECTORS,
  MIN_SECTOR_EXPIRATION,
  PARTITION_SECTORS,
  PRE_COMMIT_CHALLENGE_DELAY,
  SECTOR_MAXIMUM_LIFETIME,
  SNARK_PACK_V2,
  windowPoStProofOfSeal,
  WPOST_PERIOD_DEADLINES,
} from "./policy";
import { requestUpdatePower, sectorPower } from "./sector-power";
import { SectorStatus, type PieceManifest, type PreCommitInfo, type PreCommitOnChain, type ProveCommitSectors3Params, type SectorInfo } from "./sector-types";

const illegal = (message: string) => new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, message);
const cidIs = (c: CID, codec: number, hash: number) => c.version === 1 && c.code === codec && c.multihash.code === hash;

/** validate_expiration, for a sector activated at `activation`. */
export function validateExpiration(epoch: bigint, activation: bigint, expiration: bigint): void {
  if (expiration <= activation) throw illegal(`sector expiration ${expiration} must be after activation ${activation}`);
  if (expiration - activation < MIN_SECTOR_EXPIRATION) {
    throw illegal(`invalid expiration ${expiration}, total sector lifetime (${expiration - activation}) must exceed ${MIN_SECTOR_EXPIRATION} after activation ${activation}`);
  }
  if (expiration > epoch + MAX_SECTOR_EXPIRATION_EXTENSION) {
    throw illegal(`invalid expiration ${expiration}, cannot be more than ${MAX_SECTOR_EXPIRATION_EXTENSION} past current epoch ${epoch}`);
  }
  if (expiration - activation > SECTOR_MAXIMUM_LIFETIME) {
    throw illegal(`invalid expiration ${expiration}, total sector lifetime (${expiration - activation}) cannot exceed ${SECTOR_MAXIMUM_LIFETIME} after activation ${activation}`);
  }
}

// ------------------------------------------------------------------------------ pre-commit

/** PreCommitSectorBatch2: per-sector checks, then (owner/worker/control only) the pre-commits are recorded. */
export async function preCommitSectorBatch2(inv: Invocation, sectors: PreCommitInfo[]): Promise<null> {
  const epoch = inv.epoch;
  if (sectors.length === 0) throw illegal("batch empty");
  const seen = new Set<bigint>();
  for (const p of sectors) {
    if (seen.has(p.sectorNumber)) throw illegal(`duplicate sector number ${p.sectorNumber}`);
    seen.add(p.sectorNumber);
    if (windowPoStProofOfSeal(p.sealProof) === undefined) throw illegal(`unsupported seal proof type ${p.sealProof}`);
    if (p.sectorNumber > MAX_SECTOR_NUMBER) throw illegal(`sector number ${p.sectorNumber} out of range 0..(2^63-1)`);
    if (!cidIs(p.sealedCid, Multicodec.FIL_COMMITMENT_SEALED, MultihashCode.POSEIDON_BLS12_381_A1_FC1)) throw illegal("sealed CID had wrong prefix");
    if (p.sealRandEpoch >= epoch) throw illegal(`seal challenge epoch ${p.sealRandEpoch} must be before now ${epoch}`);
    if (p.sealRandEpoch < epoch - MAX_PRE_COMMIT_RANDOMNESS_LOOKBACK) {
      throw illegal(`seal challenge epoch ${p.sealRandEpoch} too old, must be after ${epoch - MAX_PRE_COMMIT_RANDOMNESS_LOOKBACK}`);
    }
    if (p.unsealedCid !== null && !cidIs(p.unsealedCid, Multicodec.FIL_COMMITMENT_UNSEALED, MultihashCode.SHA2_256_TRUNC254_PADDED)) throw illegal("unsealed CID had wrong prefix");
    validateExpiration(epoch, epoch + MAX_PROVE_COMMIT_DURATION, p.expiration);
  }
  if (sectors.some((p) => p.dealIds.length > 0)) {
    // Legacy deal ids go through the market's VerifyDealsForActivation, as the real miner sends it.
    const params = cborBlock([sectors.map((p) => [p.sectorNumber, p.sealProof, p.expiration, p.dealIds])]);
    extractSendResult(await inv.send(idAddress(SingletonId.Market), MarketMethod.VerifyDealsForActivation, params, 0n), "failed to verify deals and get deal weight");
  }
  const state = minerState(inv);
  const info = await state.loadInfo();
  requireControlling(inv, info, "PreCommitSectorBatch2");
  for (const p of sectors) {
    const wpost = windowPoStProofOfSeal(p.sealProof);
    if (wpost !== info.windowPoStProofType) {
      throw illegal(`sector Window PoSt proof type ${wpost} must match miner Window PoSt proof type ${info.windowPoStProofType} (seal proof type ${p.sealProof})`);
    }
  }
  for (const p of sectors) {
    if (await state.isAllocated(p.sectorNumber)) throw illegal(`sector numbers [${p.sectorNumber}] already allocated`);
  }
  requireWritable(inv, "PreCommitSectorBatch2");
  for (const p of sectors) {
    await state.allocate(p.sectorNumber);
    await state.putPreCommit({ ...p, preCommitEpoch: epoch });
  }
  return null;
}

// ------------------------------------------------------------------------------ batch returns

/** Per-input outcome codes (0 = success) folded into a BatchReturn. */
function batchOf(codes: readonly number[]): BatchReturn {
  return { successCount: codes.filter((c) => c === 0).length, failCodes: codes.flatMap((code, idx) => (code === 0 ? [] : [{ idx, code }])) };
}

/** Applies a BatchReturn over the inputs still succeeding in `codes` (util::stack). */
function applyBatch(codes: number[], batch: BatchReturn): void {
  const alive = codes.flatMap((c, i) => (c === 0 ? [i] : []));
  for (const fail of batch.failCodes) codes[alive[fail.idx]] = fail.code;
}

// ------------------------------------------------------------------------------ prove-commit

interface Activation {
  precommit: PreCommitOnChain;
  pieces: PieceManifest[];
}

/** The CommD the pieces give, as a CompactCommD (null for no pieces); 16 if they do not fit the sector. */
function commDOfPieces(sectorSize: bigint, pieces: readonly PieceManifest[], sector: bigint): Uint8Array | null {
  if (pieces.length === 0) return null;
  try {
    return computeCommD(
      sectorSize,
      pieces.map((p) => {
        if (!cidIs(p.cid, Multicodec.FIL_COMMITMENT_UNSEALED, MultihashCode.SHA2_256_TRUNC254_PADDED)) throw new CommDError(`piece ${p.cid.toString()} is not a piece CID v1 (baga…)`);
        return { commP: p.cid.multihash.digest, size: p.size };
      }),
    );
  } catch (e) {
    if (e instanceof CommDError) throw illegal(`failed to compute unsealed sector CID for sector ${sector}: ${e.message}`);
    throw e;
  }
}

/** Sends ClaimAllocations to f06 when any piece names an allocation; per sector: claimed verified space, or a failure code. */
async function claimAllocations(inv: Invocation, activations: Activation[], allOrNothing: boolean): Promise<{ results: BatchReturn; claimed: bigint[] }> {
  const sectors = activations.map((a) => [
    a.precommit.sectorNumber,
    a.precommit.expiration,
    a.pieces.filter((p) => p.allocation !== null).map((p) => [p.allocation!.client, p.allocation!.id, p.cid, p.size]),
  ]);
  if (sectors.every((s) => (s[2] as unknown[]).length === 0)) return { results: batchOf(activations.map(() => 0)), claimed: activations.map(() => 0n) };
  const what = "error claiming allocations on batch";
  const ret = extractSendResult(await inv.send(idAddress(SingletonId.VerifiedRegistry), VerifRegMethod.ClaimAllocations, cborBlock([sectors as CborEncodable, allOrNothing]), 0n), what);
  return decodeReturn(ret, what, (v) => {
    const [results, claims] = expectArray(v, "ClaimAllocationsReturn", 2);
    return { results: readBatchReturn(results, "ClaimAllocationsReturn.sector_results"), claimed: expectArray(claims, "ClaimAllocationsReturn.sector_claims").map((c) => expectBigInt(c, "SectorClaimSummary.claimed_space")) };
  });
}

/** ProveCommitSectors3: proves pre-committed sectors with their pieces (proofs taken as valid). Returns the BatchReturn per sector. */
export async function proveCommitSectors3(inv: Invocation, params: ProveCommitSectors3Params): Promise<CborEncodable> {
  const state = minerState(inv);
  const info = await state.loadInfo();
  requireControlling(inv, info, "ProveCommitSectors3");
  const precommits: PreCommitOnChain[] = [];
  for (const a of params.activations) {
    if (a.sectorNumber > MAX_SECTOR_NUMBER) throw illegal("sector number greater than maximum");
    const p = await state.getPreCommit(a.sectorNumber);
    if (p === undefined) throw new ActorAbort(ExitCode.USR_NOT_FOUND, `loading precommits: sector ${a.sectorNumber} not found`);
    precommits.push(p);
  }
  if (precommits.length === 0) throw illegal("no sectors to prove");
  if ((params.sectorProofs.length === 0) === (params.aggregateProof.length === 0)) throw illegal("exactly one of sector proofs or aggregate proof must be non-empty");
  if (params.sectorProofs.length > 0) {
    if (params.aggregateProofType !== null) throw illegal("aggregate proof type must be null with batched proofs");
    if (params.activations.length !== params.sectorProofs.length) {
      throw illegal(`mismatched lengths: ${params.activations.length} sector activations, ${params.sectorProofs.length} proofs`);
    }
  } else {
    if (params.aggregateProofType !== SNARK_PACK_V2) throw illegal("aggregate proof type must be SnarkPackV2");
    const n = params.activations.length;
    if (n > MAX_AGGREGATED_SECTORS) throw illegal(`too many sectors addressed, addressed ${n} want <= ${MAX_AGGREGATED_SECTORS}`);
    if (n < MIN_AGGREGATED_SECTORS) throw illegal(`too few sectors addressed, addressed ${n} want >= ${MIN_AGGREGATED_SECTORS}`);
  }

  // validate_precommits: deal ids (legacy) and lateness fail one sector; earliness fails the message.
  const codes = precommits.map((p, i) => {
    if (i >= 1 && precommits[i - 1].sealProof !== p.sealProof) {
      throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `seal proof group for verification contains mismatched seal proofs ${precommits[i - 1].sealProof} and ${p.sealProof}`);
    }
    if (inv.epoch <= p.preCommitEpoch + PRE_COMMIT_CHALLENGE_DELAY) {
      throw new ActorAbort(ExitCode.USR_FORBIDDEN, `too early to prove sector ${p.sectorNumber}: pre-committed at ${p.preCommitEpoch}, provable after epoch ${p.preCommitEpoch + PRE_COMMIT_CHALLENGE_DELAY}`);
    }
    const bad = p.dealIds.length > 0 || inv.epoch > p.preCommitEpoch + MAX_PROVE_COMMIT_DURATION;
    if (bad && params.requireActivationSuccess) throw illegal(`invalid pre-commit ${i} while requiring activation success`);
    return bad ? ExitCode.USR_ILLEGAL_ARGUMENT : 0;
  });
  const validation = batchOf(codes);
  if (validation.successCount === 0) throw illegal("no valid precommits specified");

  // activate_sectors_pieces: CommD of the pieces must be the pre-committed one; verified pieces claim their allocations.
  const proven: Activation[] = precommits.flatMap((precommit, i) => (codes[i] === 0 ? [{ precommit, pieces: params.activations[i].pieces }] : []));
  for (const a of proven) {
    const computed = commDOfPieces(info.sectorSize, a.pieces, a.precommit.sectorNumber);
    const declared = a.precommit.unsealedCid?.multihash.digest ?? null;
    const zero = commDOfPieces(info.sectorSize, [], 0n);
    if (!sameCommD(computed, declared, zero)) {
      throw illegal(`unsealed CID does not match pieces for sector ${a.precommit.sectorNumber}, computed ${computed ? pieceCidV1(computed).toString() : "zero"} declared ${a.precommit.unsealedCid?.toString() ?? "zero"}`);
    }
  }
  const { results, claimed } = await claimAllocations(inv, proven, params.requireActivationSuccess);
  const dataCodes = proven.map(() => 0);
  applyBatch(dataCodes, results);
  if (results.successCount === 0) throw illegal("all data activations failed");
  applyBatch(codes, results);

  // activate_new_sector_infos: power counts at once (as if the first Window PoSt had passed).
  const activated = proven.filter((_, i) => dataCodes[i] === 0);
  let count = await state.sectorCount();
  const partitionSectors = PARTITION_SECTORS[info.windowPoStProofType];
  let raw = 0n;
  let qa = 0n;
  for (const [i, a] of activated.entries()) {
    const p = a.precommit;
    const duration = p.expiration - inv.epoch;
    const verified = claimed[i];
    const unverified = a.pieces.filter((x) => x.allocation === null).reduce((sum, x) => sum + x.size, 0n);
    const sector: SectorInfo = {
      sectorNumber: p.sectorNumber,
      sealProof: p.sealProof,
      sealedCid: p.sealedCid,
      unsealedCid: p.unsealedCid,
      activation: inv.epoch,
      expiration: p.expiration,
      dealWeight: unverified * duration,
      verifiedDealWeight: verified * duration,
      powerBaseEpoch: inv.epoch,
      deadline: count % WPOST_PERIOD_DEADLINES,
      partition: count / WPOST_PERIOD_DEADLINES / partitionSectors,
      status: SectorStatus.Active,
    };
    count++;
    requireWritable(inv, "ProveCommitSectors3");
    await state.putSector(sector);
    await state.deletePreCommit(p.sectorNumber);
    const power = sectorPower(info.sectorSize, sector);
    raw += power.raw;
    qa += power.qa;
  }
  await requestUpdatePower(inv, raw, qa);
  await notifyDataConsumers(inv, activated, params.requireNotificationSuccess);
  return batchReturnCbor(batchOf(codes));
}

/** A declared CommD matches when equal, a null (compact zero) standing for the zero CommD. */
function sameCommD(computed: Uint8Array | null, declared: Uint8Array | null, zero: Uint8Array | null): boolean {
  const hex = (c: Uint8Array | null) => bytesToHex(c ?? zero ?? new Uint8Array());
  return hex(computed) === hex(declared);
}

// ------------------------------------------------------------------------------ notifications

/** Rust's derived Ord on Address: by protocol, then id or payload bytes. */
function compareAddresses(a: FilecoinAddress, b: FilecoinAddress): number {
  if (a.protocol !== b.protocol) return a.protocol - b.protocol;
  if (a.protocol === Protocol.ID && b.protocol === Protocol.ID) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  const x = bytesToHex(addressToBytes(a));
  const y = bytesToHex(addressToBytes(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * notify_data_consumers: one SectorContentChanged per notifee (in address order) with its pieces
 * grouped by sector. With require_success, a failed send is 1001, an abort 1002, a malformed reply
 * 1003 and a rejected piece 1004; otherwise replies are ignored.
 */
async function notifyDataConsumers(inv: Invocation, activated: Activation[], requireSuccess: boolean): Promise<void> {
  const byNotifee = new Map<string, { address: FilecoinAddress; sectors: Map<bigint, CborEncodable[]> }>();
  const expirations = new Map(activated.map((a) => [a.precommit.sectorNumber, a.precommit.expiration]));
  for (const a of activated) {
    for (const piece of a.pieces) {
      for (const n of piece.notify) {
        const key = bytesToHex(addressToBytes(n.address));
        const entry = byNotifee.get(key) ?? { address: n.address, sectors: new Map() };
        byNotifee.set(key, entry);
        const changes = entry.sectors.get(a.precommit.sectorNumber) ?? [];
        entry.sectors.set(a.precommit.sectorNumber, changes);
        changes.push([piece.cid, piece.size, n.payload]);
      }
    }
  }
  const notifees = [...byNotifee.values()].sort((a, b) => compareAddresses(a.address, b.address));
  for (const { address, sectors } of notifees) {
    const ordered = [...sectors.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const params = ordered.map(([sector, added]) => [sector, expirations.get(sector)!, added]);
    const outcome = await inv.send(address, CallbackMethod.SectorContentChanged, cborBlock(params), 0n);
    if (!requireSuccess) continue;
    const name = formatAddress(address, "t");
    if (outcome.kind === "syscall-error") throw new ActorAbort(MinerExitCode.ERR_NOTIFICATION_SEND_FAILED, `send error ${outcome.errorNumber} notifying ${name}`);
    if (outcome.exitCode !== ExitCode.OK) throw new ActorAbort(MinerExitCode.ERR_NOTIFICATION_RECEIVER_ABORTED, `receiver ${name} aborted with ${outcome.exitCode}`);
    validateNotificationResponse(name, ordered.map(([sector, added]) => [sector, added.length]), outcome.ret?.data);
  }
}

function validateNotificationResponse(name: string, request: [bigint, number][], data: Uint8Array | undefined): void {
  const invalid = (why: string) => new ActorAbort(MinerExitCode.ERR_NOTIFICATION_RESPONSE_INVALID, `${why} from ${name}`);
  if (data === undefined) throw invalid("no return data");
  let sectors: boolean[][];
  try {
    sectors = expectArray(decodeCbor(data), "SectorContentChangedReturn").map((s) => expectArray(s, "SectorReturn").map((p) => expectBool(p, "PieceReturn")));
  } catch (e) {
    if (e instanceof CborDecodeError) throw invalid(`invalid return data serialization (${e.message})`);
    throw e;
  }
  if (sectors.length !== request.length) throw invalid("sector change response mismatched sectors");
  for (const [i, [sector, pieces]] of request.entries()) {
    if (sectors[i].length !== pieces) throw invalid(`sector change response mismatched pieces for sector ${sector}`);
    const rejected = sectors[i].findIndex((accepted) => !accepted);
    if (rejected >= 0) throw new ActorAbort(MinerExitCode.ERR_NOTIFICATION_REJECTED, `sector change rejected by ${name} for sector ${sector} piece ${rejected}`);
  }
}

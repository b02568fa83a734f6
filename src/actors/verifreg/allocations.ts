/**
 * Allocations (FIP-0045): created by DataCap sent to the registry with AllocationRequests (its
 * receiver hook), claimed by the provider's miner when the data is in a sector
 * (ClaimAllocations), and refunded to the client once expired (RemoveExpiredAllocations).
 */
import { decodeCbor, CborDecodeError, encodeBigIntBytes, ExitCode, FRC46_TOKEN_TYPE, type CborEncodable, type CborValue } from "../../fil";
import type { Invocation } from "../definition";
import { BatchResults, batchReturnCbor } from "../batch-return";
import { DATACAP_GRANULARITY } from "../datacap/types";
import { ActorAbort } from "../outcome";
import { actorKind, requireCallerIn, requireCallerKind, requireWritable } from "../runtime";
import { SingletonId } from "../singletons";
import { burnDatacap, transferDatacap } from "./datacap-calls";
import { removeExpired } from "./expiration";
import {
  MAXIMUM_VERIFIED_ALLOCATION_EXPIRATION,
  MAXIMUM_VERIFIED_ALLOCATION_TERM,
  MINIMUM_VERIFIED_ALLOCATION_SIZE,
  MINIMUM_VERIFIED_ALLOCATION_TERM,
} from "./policy";
import { VerifRegState } from "./state";
import {
  allocationExpiry,
  readAllocationRequests,
  readTokenReceived,
  type Allocation,
  type AllocationRequest,
  type Claim,
  type ClaimExtensionRequest,
  type OwnerIds,
  type SectorAllocationClaims,
} from "./types";

const illegal = (message: string) => new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, message);

/** `fil_actors_runtime::cbor::deserialize`: bytes that do not decode to the shape are 21. */
function deserialize<T>(bytes: Uint8Array, what: string, read: (v: CborValue) => T): T {
  try {
    return read(decodeCbor(bytes));
  } catch (e) {
    if (e instanceof CborDecodeError) throw new ActorAbort(ExitCode.USR_SERIALIZATION, `failed to deserialize ${what}: ${e.message}`);
    throw e;
  }
}

function validateNewAllocation(r: AllocationRequest, epoch: bigint): void {
  if (r.size < MINIMUM_VERIFIED_ALLOCATION_SIZE) throw illegal(`allocation size ${r.size} below minimum ${MINIMUM_VERIFIED_ALLOCATION_SIZE}`);
  if (r.termMin < MINIMUM_VERIFIED_ALLOCATION_TERM) throw illegal(`allocation term min ${r.termMin} below limit ${MINIMUM_VERIFIED_ALLOCATION_TERM}`);
  if (r.termMax > MAXIMUM_VERIFIED_ALLOCATION_TERM) throw illegal(`allocation term max ${r.termMax} above limit ${MAXIMUM_VERIFIED_ALLOCATION_TERM}`);
  if (r.termMin > r.termMax) throw illegal(`allocation term min ${r.termMin} exceeds term max ${r.termMax}`);
  if (r.expiration < epoch) throw illegal(`allocation expiration epoch ${r.expiration} has passed current epoch ${epoch}`);
  const latest = epoch + MAXIMUM_VERIFIED_ALLOCATION_EXPIRATION;
  if (r.expiration > latest) throw illegal(`allocation expiration ${r.expiration} exceeds maximum ${latest}`);
}

function validateClaimExtension(r: ClaimExtensionRequest, claim: Claim, epoch: bigint): void {
  const limit = epoch + MAXIMUM_VERIFIED_ALLOCATION_TERM - claim.termStart;
  if (r.termMax > limit) throw illegal(`term_max ${r.termMax} for claim ${r.claim} exceeds maximum ${limit} at current epoch ${epoch}`);
  if (r.termMax <= claim.termMax) throw illegal(`term_max ${r.termMax} for claim ${r.claim} is not larger than existing term max ${claim.termMax}`);
  const expired = claim.termStart + claim.termMax;
  if (epoch > expired) throw new ActorAbort(ExitCode.USR_FORBIDDEN, `claim ${r.claim} expired at ${expired}, current epoch ${epoch}`);
}

async function checkMinerId(inv: Invocation, id: bigint): Promise<void> {
  const kind = await actorKind(inv.evm, id);
  if (kind === undefined) throw illegal(`no code CID for provider ${id}`);
  if (kind !== "miner") throw illegal(`allocation provider ${id} must be a miner actor, was ${kind}`);
}

/**
 * Receive (FRC-46 hook): DataCap sent to the registry becomes allocations and claim extensions,
 * all or nothing; the tokens must pay for exactly their sizes. Extensions are paid (burnt) now,
 * allocations when claimed. Returns AllocationsResponse, which the sender sees as recipient data.
 */
export async function receiveDatacap(inv: Invocation, p: { type: number; payload: Uint8Array }): Promise<CborEncodable> {
  requireCallerIn(inv, [SingletonId.DataCap], "Receive", "the DataCap actor");
  if (BigInt(p.type) !== FRC46_TOKEN_TYPE) throw illegal(`invalid token type ${p.type}, expected ${FRC46_TOKEN_TYPE} (FRC-46)`);
  const received = deserialize(p.payload, "receiver hook payload", readTokenReceived);
  if (received.to !== inv.receiver.id) throw illegal(`token receiver expected to ${inv.receiver.id}, was ${received.to}`);
  const requests = deserialize(received.operatorData, "allocation requests", readAllocationRequests);
  const epoch = inv.epoch;
  let total = 0n;
  const allocations: Allocation[] = [];
  for (const r of requests.allocations) {
    validateNewAllocation(r, epoch);
    await checkMinerId(inv, r.provider);
    allocations.push({ client: received.from, ...r });
    total += r.size;
  }
  const st = new VerifRegState(inv.evm.stateManager);
  const extended: [bigint, Claim][] = [];
  let extensionTotal = 0n;
  for (const r of requests.extensions) {
    const claim = await st.claims.get(r.provider, r.claim);
    if (!claim) throw new ActorAbort(ExitCode.USR_NOT_FOUND, `no claim ${r.claim} for provider ${r.provider}`);
    validateClaimExtension(r, claim, epoch);
    extended.push([r.claim, { ...claim, termMax: r.termMax }]);
    total += claim.size;
    extensionTotal += claim.size;
  }
  const tokens = received.amount / DATACAP_GRANULARITY;
  if (total !== tokens) throw illegal(`total allocation size ${total} must match data cap amount received ${tokens}`);
  await burnDatacap(inv, extensionTotal);
  const first = await st.nextAllocationId();
  const ids = allocations.map((_, i) => first + BigInt(i));
  for (const [i, a] of allocations.entries()) await st.allocations.put(a.client, ids[i], a);
  await st.setNextAllocationId(first + BigInt(allocations.length));
  for (const [id, c] of extended) await st.claims.put(c.provider, id, c);
  requireWritable(inv, "Receive");
  return [
    [allocations.length, []],
    [extended.length, []],
    ids,
  ];
}

function canClaim(c: SectorAllocationClaims["claims"][number], provider: bigint, a: Allocation, epoch: bigint, sectorExpiry: bigint): boolean {
  const lifetime = sectorExpiry - epoch;
  return (
    provider === a.provider &&
    c.client === a.client &&
    c.data.equals(a.data) &&
    c.size === a.size &&
    epoch <= a.expiration &&
    lifetime >= a.termMin &&
    lifetime <= a.termMax
  );
}

/**
 * ClaimAllocations (miners only): per sector, every listed allocation must match the provider,
 * client, piece, size and the sector's lifetime, or the sector fails (17 missing, 18 mismatch);
 * claimed allocations become claims and their DataCap is burnt.
 */
export async function claimAllocations(inv: Invocation, p: { sectors: SectorAllocationClaims[]; allOrNothing: boolean }): Promise<CborEncodable> {
  requireCallerKind(inv, "miner", "ClaimAllocations");
  const provider = inv.caller.id;
  if (p.sectors.length === 0) throw illegal("claim allocations called with no claims");
  const st = new VerifRegState(inv.evm.stateManager);
  const results = new BatchResults();
  const claimed: bigint[] = [];
  let total = 0n;
  sectors: for (const sector of p.sectors) {
    const newClaims: [bigint, Claim][] = [];
    for (const c of sector.claims) {
      const a = await st.allocations.get(c.client, c.allocationId);
      if (!a) {
        results.fail(ExitCode.USR_NOT_FOUND);
        continue sectors;
      }
      if (!canClaim(c, provider, a, inv.epoch, sector.expiry)) {
        results.fail(ExitCode.USR_FORBIDDEN);
        continue sectors;
      }
      newClaims.push([c.allocationId, { provider, client: a.client, data: a.data, size: a.size, termMin: a.termMin, termMax: a.termMax, termStart: inv.epoch, sector: sector.sector }]);
    }
    let space = 0n;
    for (const [id, claim] of newClaims) {
      if (await st.claims.get(provider, id)) throw illegal(`claim ${id} already exists`);
      await st.claims.put(provider, id, claim);
      await st.allocations.remove(claim.client, id);
      space += claim.size;
    }
    total += space;
    claimed.push(space);
    results.success();
  }
  requireWritable(inv, "ClaimAllocations");
  const batch = results.generate();
  if (p.allOrNothing && !results.allOk) throw illegal(`claim failed with all-or-nothing: ${batch.successCount} succeeded, ${batch.failCodes.map((f) => `sector[${f.idx}] exit ${f.code}`).join(", ")}`);
  await burnDatacap(inv, total);
  return [batchReturnCbor(batch), claimed.map(encodeBigIntBytes)];
}

/** RemoveExpiredAllocations (anyone): expired allocations go, their DataCap back to the client. */
export async function removeExpiredAllocations(inv: Invocation, p: OwnerIds): Promise<CborEncodable> {
  const st = new VerifRegState(inv.evm.stateManager);
  const { considered, batch, removed } = await removeExpired(st.allocations, p.owner, p.ids, inv.epoch, allocationExpiry);
  const recovered = removed.reduce((sum, a) => sum + a.size, 0n);
  requireWritable(inv, "RemoveExpiredAllocations");
  await transferDatacap(inv, p.owner, recovered);
  return [considered, batchReturnCbor(batch), encodeBigIntBytes(recovered)];
}

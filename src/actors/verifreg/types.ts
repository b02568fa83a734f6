/**
 * CBOR shapes of the verified registry (builtin-actors `actors/verifreg/src/{types,state}.rs`).
 * Structs are tuples; RemoveVerifierParams and SectorClaimSummary are transparent.
 */
import type { CID } from "multiformats/cid";
import {
  expectAddress,
  expectArray,
  expectBigInt,
  expectBool,
  expectBytes,
  expectCid,
  expectInt64,
  expectUint32,
  expectUint64,
  type CborEncodable,
  type CborValue,
  type FilecoinAddress,
} from "../../fil";

export interface Allocation {
  client: bigint;
  provider: bigint;
  data: CID;
  /** Padded piece size. */
  size: bigint;
  termMin: bigint;
  termMax: bigint;
  /** Last epoch at which it may be claimed. */
  expiration: bigint;
}

export interface Claim {
  provider: bigint;
  client: bigint;
  data: CID;
  size: bigint;
  termMin: bigint;
  termMax: bigint;
  termStart: bigint;
  sector: bigint;
}

export interface AllocationRequest {
  provider: bigint;
  data: CID;
  size: bigint;
  termMin: bigint;
  termMax: bigint;
  expiration: bigint;
}

export interface ClaimExtensionRequest {
  provider: bigint;
  claim: bigint;
  termMax: bigint;
}

export interface AllocationRequests {
  allocations: AllocationRequest[];
  extensions: ClaimExtensionRequest[];
}

export interface SectorAllocationClaims {
  sector: bigint;
  expiry: bigint;
  claims: { client: bigint; allocationId: bigint; data: CID; size: bigint }[];
}

/** `[owner, [id…]]`: GetClaims, RemoveExpiredAllocations and RemoveExpiredClaims params. */
export interface OwnerIds {
  owner: bigint;
  ids: bigint[];
}

// ------------------------------------------------------------------------------------ readers

const ids = (value: CborValue, what: string) => expectArray(value, what).map((v, i) => expectUint64(v, `${what}[${i}]`));

export function readVerifierParams(struct: string) {
  return (value: CborValue): { address: FilecoinAddress; allowance: bigint } => {
    const f = expectArray(value, struct, 2);
    return { address: expectAddress(f[0], `${struct}.address`), allowance: expectBigInt(f[1], `${struct}.allowance`) };
  };
}

export const readOwnerIds = (struct: string, owner: string, list: string) => (value: CborValue): OwnerIds => {
  const f = expectArray(value, struct, 2);
  return { owner: expectUint64(f[0], `${struct}.${owner}`), ids: ids(f[1], `${struct}.${list}`) };
};

/** `[provider, claim, term_max]`: builtin-actors' ClaimTerm (claim field `claim_id`) and ClaimExtensionRequest (`claim`). */
function readClaimExtension(value: CborValue, where: string, claimField: "claim_id" | "claim"): ClaimExtensionRequest {
  const f = expectArray(value, where, 3);
  return { provider: expectUint64(f[0], `${where}.provider`), claim: expectUint64(f[1], `${where}.${claimField}`), termMax: expectInt64(f[2], `${where}.term_max`) };
}

export function readClaimTerms(value: CborValue): ClaimExtensionRequest[] {
  const [terms] = expectArray(value, "ExtendClaimTermsParams", 1);
  return expectArray(terms, "ExtendClaimTermsParams.terms").map((t, i) => readClaimExtension(t, `terms[${i}]`, "claim_id"));
}

export function readClaimAllocationsParams(value: CborValue): { sectors: SectorAllocationClaims[]; allOrNothing: boolean } {
  const [sectors, allOrNothing] = expectArray(value, "ClaimAllocationsParams", 2);
  return {
    sectors: expectArray(sectors, "ClaimAllocationsParams.sectors").map((s, i) => {
      const w = `sectors[${i}]`;
      const f = expectArray(s, w, 3);
      return {
        sector: expectUint64(f[0], `${w}.sector`),
        expiry: expectInt64(f[1], `${w}.expiry`),
        claims: expectArray(f[2], `${w}.claims`).map((c, j) => {
          const cw = `${w}.claims[${j}]`;
          const cf = expectArray(c, cw, 4);
          return { client: expectUint64(cf[0], `${cw}.client`), allocationId: expectUint64(cf[1], `${cw}.allocation_id`), data: expectCid(cf[2], `${cw}.data`), size: expectUint64(cf[3], `${cw}.size`) };
        }),
      };
    }),
    allOrNothing: expectBool(allOrNothing, "ClaimAllocationsParams.all_or_nothing"),
  };
}

export function readUniversalReceiverParams(value: CborValue): { type: number; payload: Uint8Array } {
  const f = expectArray(value, "UniversalReceiverParams", 2);
  return { type: expectUint32(f[0], "UniversalReceiverParams.type_"), payload: expectBytes(f[1], "UniversalReceiverParams.payload") };
}

export function readTokenReceived(value: CborValue): { from: bigint; to: bigint; operator: bigint; amount: bigint; operatorData: Uint8Array } {
  const f = expectArray(value, "FRC46TokenReceived", 6);
  expectBytes(f[5], "FRC46TokenReceived.token_data");
  return {
    from: expectUint64(f[0], "FRC46TokenReceived.from"),
    to: expectUint64(f[1], "FRC46TokenReceived.to"),
    operator: expectUint64(f[2], "FRC46TokenReceived.operator"),
    amount: expectBigInt(f[3], "FRC46TokenReceived.amount"),
    operatorData: expectBytes(f[4], "FRC46TokenReceived.operator_data"),
  };
}

/** The `data, size, term_min, term_max` run that requests, allocations and claims share, from `f[at]` on. */
function readPieceTerms(f: readonly CborValue[], at: number, w: string): { data: CID; size: bigint; termMin: bigint; termMax: bigint } {
  return {
    data: expectCid(f[at], `${w}.data`),
    size: expectUint64(f[at + 1], `${w}.size`),
    termMin: expectInt64(f[at + 2], `${w}.term_min`),
    termMax: expectInt64(f[at + 3], `${w}.term_max`),
  };
}

export function readAllocationRequests(value: CborValue): AllocationRequests {
  const [allocations, extensions] = expectArray(value, "AllocationRequests", 2);
  return {
    allocations: expectArray(allocations, "AllocationRequests.allocations").map((a, i) => {
      const w = `allocations[${i}]`;
      const f = expectArray(a, w, 6);
      return { provider: expectUint64(f[0], `${w}.provider`), ...readPieceTerms(f, 1, w), expiration: expectInt64(f[5], `${w}.expiration`) };
    }),
    extensions: expectArray(extensions, "AllocationRequests.extensions").map((e, i) => readClaimExtension(e, `extensions[${i}]`, "claim")),
  };
}

export function readAllocation(value: CborValue): Allocation {
  const f = expectArray(value, "Allocation", 7);
  return {
    client: expectUint64(f[0], "Allocation.client"),
    provider: expectUint64(f[1], "Allocation.provider"),
    ...readPieceTerms(f, 2, "Allocation"),
    expiration: expectInt64(f[6], "Allocation.expiration"),
  };
}

export function readClaim(value: CborValue): Claim {
  const f = expectArray(value, "Claim", 8);
  return {
    provider: expectUint64(f[0], "Claim.provider"),
    client: expectUint64(f[1], "Claim.client"),
    ...readPieceTerms(f, 2, "Claim"),
    termStart: expectInt64(f[6], "Claim.term_start"),
    sector: expectUint64(f[7], "Claim.sector"),
  };
}

// ------------------------------------------------------------------------------------ writers

export const allocationCbor = (a: Allocation): CborEncodable => [a.client, a.provider, a.data, a.size, a.termMin, a.termMax, a.expiration];
export const claimCbor = (c: Claim): CborEncodable => [c.provider, c.client, c.data, c.size, c.termMin, c.termMax, c.termStart, c.sector];

export function allocationRequestsCbor(r: AllocationRequests): CborEncodable {
  return [r.allocations.map((a) => [a.provider, a.data, a.size, a.termMin, a.termMax, a.expiration]), r.extensions.map((e) => [e.provider, e.claim, e.termMax])];
}

/** Whether an allocation or claim may be removed at `epoch` (builtin-actors `expiration.rs`). */
export const allocationExpiry = (a: Allocation) => a.expiration;
export const claimExpiry = (c: Claim) => c.termStart + c.termMax;

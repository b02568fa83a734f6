/**
 * The verified registry f06 (builtin-actors `actors/verifreg/src/lib.rs`): verifiers, DataCap
 * for clients, and the allocations and claims of verified data. RemoveVerifiedClientDataCap (7)
 * is not implemented (it answers 22): it needs two verifiers' signed removal proposals.
 */
import { expectAddress, VerifRegMethod as M } from "../../fil";
import type { ActorDefinition } from "../definition";
import { methodTable, withParams, type MethodEntry } from "../dispatch";
import { claimAllocations, receiveDatacap, removeExpiredAllocations } from "./allocations";
import { extendClaimTerms, getClaims, removeExpiredClaims } from "./claims";
import { readClaimAllocationsParams, readClaimTerms, readOwnerIds, readUniversalReceiverParams, readVerifierParams } from "./types";
import { addVerifiedClient, addVerifier, removeVerifier } from "./verifiers";

const table: MethodEntry[] = [
  [[M.AddVerifier], "AddVerifier", withParams("AddVerifier", readVerifierParams("AddVerifierParams"), addVerifier)],
  [[M.RemoveVerifier], "RemoveVerifier", withParams("RemoveVerifier", (v) => expectAddress(v, "RemoveVerifierParams.verifier"), removeVerifier)],
  [[M.AddVerifiedClient, M.AddVerifiedClientExported], "AddVerifiedClient", withParams("AddVerifiedClient", readVerifierParams("AddVerifiedClientParams"), addVerifiedClient)],
  [
    [M.RemoveExpiredAllocations, M.RemoveExpiredAllocationsExported],
    "RemoveExpiredAllocations",
    withParams("RemoveExpiredAllocations", readOwnerIds("RemoveExpiredAllocationsParams", "client", "allocation_ids"), removeExpiredAllocations),
  ],
  [[M.ClaimAllocations], "ClaimAllocations", withParams("ClaimAllocations", readClaimAllocationsParams, claimAllocations)],
  [[M.GetClaims, M.GetClaimsExported], "GetClaims", withParams("GetClaims", readOwnerIds("GetClaimsParams", "provider", "claim_ids"), getClaims)],
  [[M.ExtendClaimTerms, M.ExtendClaimTermsExported], "ExtendClaimTerms", withParams("ExtendClaimTerms", readClaimTerms, extendClaimTerms)],
  [
    [M.RemoveExpiredClaims, M.RemoveExpiredClaimsExported],
    "RemoveExpiredClaims",
    withParams("RemoveExpiredClaims", readOwnerIds("RemoveExpiredClaimsParams", "provider", "claim_ids"), removeExpiredClaims),
  ],
  [[M.UniversalReceiverHook], "Receive", withParams("Receive", readUniversalReceiverParams, receiveDatacap)],
];

export const verifRegActor: ActorDefinition = { kind: "verifreg", name: "verified registry", methods: methodTable(table) };

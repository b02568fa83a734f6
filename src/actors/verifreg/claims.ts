/**
 * Claims (FIP-0045): what providers have committed for clients. Anyone reads them (GetClaims)
 * and removes expired ones (RemoveExpiredClaims); a claim's client may extend its term up to
 * the policy maximum (ExtendClaimTerms).
 */
import { ExitCode, type CborEncodable } from "../../fil";
import type { Invocation } from "../definition";
import { BatchResults, batchReturnCbor } from "../batch-return";
import { requireWritable } from "../runtime";
import { removeExpired } from "./expiration";
import { MAXIMUM_VERIFIED_ALLOCATION_TERM } from "./policy";
import { VerifRegState } from "./state";
import { claimCbor, claimExpiry, type ClaimExtensionRequest, type OwnerIds } from "./types";

/** GetClaims: the provider's claims by id; a missing one is fail code 17 in the batch. */
export async function getClaims(inv: Invocation, p: OwnerIds): Promise<CborEncodable> {
  const st = new VerifRegState(inv.evm.stateManager);
  const results = new BatchResults();
  const claims: CborEncodable[] = [];
  for (const id of p.ids) {
    const claim = await st.claims.get(p.owner, id);
    if (claim) {
      results.success();
      claims.push(claimCbor(claim));
    } else results.fail(ExitCode.USR_NOT_FOUND);
  }
  return [batchReturnCbor(results.generate()), claims];
}

/** ExtendClaimTerms: per term, 16 beyond the policy or below the current term_max, 18 for another client's claim, 17 for none. */
export async function extendClaimTerms(inv: Invocation, terms: ClaimExtensionRequest[]): Promise<CborEncodable> {
  const st = new VerifRegState(inv.evm.stateManager);
  const results = new BatchResults();
  for (const t of terms) {
    if (t.termMax > MAXIMUM_VERIFIED_ALLOCATION_TERM) {
      results.fail(ExitCode.USR_ILLEGAL_ARGUMENT);
      continue;
    }
    const claim = await st.claims.get(t.provider, t.claim);
    if (!claim) results.fail(ExitCode.USR_NOT_FOUND);
    else if (claim.client !== inv.caller.id) results.fail(ExitCode.USR_FORBIDDEN);
    else if (t.termMax < claim.termMax) results.fail(ExitCode.USR_ILLEGAL_ARGUMENT);
    else {
      await st.claims.put(t.provider, t.claim, { ...claim, termMax: t.termMax });
      results.success();
    }
  }
  requireWritable(inv, "ExtendClaimTerms");
  return batchReturnCbor(results.generate());
}

/** RemoveExpiredClaims (anyone): claims whose term_start + term_max has passed. */
export async function removeExpiredClaims(inv: Invocation, p: OwnerIds): Promise<CborEncodable> {
  const st = new VerifRegState(inv.evm.stateManager);
  const { considered, batch } = await removeExpired(st.claims, p.owner, p.ids, inv.epoch, claimExpiry);
  requireWritable(inv, "RemoveExpiredClaims");
  return [considered, batchReturnCbor(batch)];
}

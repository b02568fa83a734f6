/**
 * Changes to proven sectors (builtin-actors `actors/miner/src/lib.rs` `terminate_sectors`,
 * `declare_faults`, `declare_faults_recovered`, `extend_sector_expiration2`): each names sectors by
 * deadline and partition; power at f04 follows, and terminated sectors' deals end at the market.
 * Without cron there are no fault fees, termination fees, or deadline timing rules: a recovered
 * sector counts again at once, as if its next Window PoSt had passed.
 */
import {
  bitIndices,
  encodeBitfield,
  ExitCode,
  expectArray,
  expectUint64,
  idAddress,
  MarketMethod,
  VerifRegMethod,
  type CborEncodable,
} from "../../fil";
import type { Invocation } from "../definition";
import { readBatchReturn } from "../batch-return";
import { ActorAbort } from "../outcome";
import { cborBlock, decodeReturn, extractSendResult, requireWritable } from "../runtime";
import { SingletonId } from "../singletons";
import { minerState, requireControlling } from "./invocation";
import { MAX_SECTOR_EXPIRATION_EXTENSION, SECTOR_MAXIMUM_LIFETIME, WPOST_PERIOD_DEADLINES } from "./policy";
import { requestUpdatePower, sectorPower } from "./sector-power";
import { SectorStatus, type ExpirationExtension, type SectorDeclaration, type SectorInfo } from "./sector-types";
import type { MinerInfo } from "./types";
import type { MinerState } from "./state";

const illegal = (message: string) => new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, message);
/** More than one message may address (ADDRESSED_SECTORS_MAX). */
const ADDRESSED_SECTORS_MAX = 25_000n;

/** Sector numbers declared in one deadline and partition. */
interface Located {
  deadline: bigint;
  partition: bigint;
  numbers: Iterable<bigint>;
}

/** The sectors named, each checked to sit in the partition it was declared in. */
async function declaredSectors(state: MinerState, declarations: readonly Located[]): Promise<SectorInfo[]> {
  const out: SectorInfo[] = [];
  for (const d of declarations) {
    if (d.deadline >= WPOST_PERIOD_DEADLINES) throw illegal(`failed to process deadline ${d.deadline}, partition ${d.partition}: invalid deadline ${d.deadline}`);
    for (const n of d.numbers) {
      if (BigInt(out.length) >= ADDRESSED_SECTORS_MAX) throw illegal(`cannot process requested parameters: too many sectors (max ${ADDRESSED_SECTORS_MAX})`);
      const s = await state.getSector(n);
      if (s === undefined || s.deadline !== d.deadline || s.partition !== d.partition) {
        throw illegal(`sector ${n} is not in deadline ${d.deadline} partition ${d.partition}${s ? ` (it is in deadline ${s.deadline} partition ${s.partition})` : " (no such sector)"}`);
      }
      out.push(s);
    }
  }
  return out;
}

/** Loads the info, checks the caller is the owner, worker or a control address, and reads the declared sectors. */
async function declared(inv: Invocation, method: string, declarations: readonly SectorDeclaration[]): Promise<{ state: MinerState; info: MinerInfo; sectors: SectorInfo[] }> {
  const state = minerState(inv);
  const info = await state.loadInfo();
  requireControlling(inv, info, method);
  return { state, info, sectors: await declaredSectors(state, declarations.map((d) => ({ ...d, numbers: bitIndices(d.sectors) }))) };
}

/** TerminateSectors: live sectors end now; their active power leaves the claim and their deals end at the market. Returns `[done]`. */
export async function terminateSectors(inv: Invocation, declarations: SectorDeclaration[]): Promise<CborEncodable> {
  const { state, info, sectors } = await declared(inv, "TerminateSectors", declarations);
  let raw = 0n;
  let qa = 0n;
  for (const s of sectors) {
    if (s.status === SectorStatus.Dead) throw illegal(`can only terminate live sectors: sector ${s.sectorNumber} is already terminated`);
    if (s.status === SectorStatus.Active) {
      const p = sectorPower(info.sectorSize, s);
      raw -= p.raw;
      qa -= p.qa;
    }
  }
  requireWritable(inv, "TerminateSectors");
  for (const s of sectors) await state.putSector({ ...s, status: SectorStatus.Dead });
  const withData = sectors.filter((s) => s.dealWeight > 0n || s.verifiedDealWeight > 0n).map((s) => s.sectorNumber);
  if (withData.length > 0) {
    const params = cborBlock([inv.epoch, encodeBitfield(withData)]);
    extractSendResult(await inv.send(idAddress(SingletonId.Market), MarketMethod.OnMinerSectorsTerminate, params, 0n), "failed to terminate deals");
  }
  await requestUpdatePower(inv, raw, qa);
  return [true];
}

/** DeclareFaults: active sectors become faulty and lose their power (faulty ones stay faulty). */
export async function declareFaults(inv: Invocation, declarations: SectorDeclaration[]): Promise<null> {
  return moveSectors(inv, "DeclareFaults", declarations, SectorStatus.Active, SectorStatus.Faulty, -1n);
}

/** DeclareFaultsRecovered: faulty sectors become active and regain their power; others are ignored. */
export async function declareFaultsRecovered(inv: Invocation, declarations: SectorDeclaration[]): Promise<null> {
  return moveSectors(inv, "DeclareFaultsRecovered", declarations, SectorStatus.Faulty, SectorStatus.Active, 1n);
}

async function moveSectors(inv: Invocation, method: string, declarations: SectorDeclaration[], from: SectorStatus, to: SectorStatus, sign: bigint): Promise<null> {
  const { state, info, sectors } = await declared(inv, method, declarations);
  requireWritable(inv, method);
  let raw = 0n;
  let qa = 0n;
  for (const s of sectors.filter((x) => x.status === from)) {
    await state.putSector({ ...s, status: to });
    const p = sectorPower(info.sectorSize, s);
    raw += sign * p.raw;
    qa += sign * p.qa;
  }
  await requestUpdatePower(inv, raw, qa);
  return null;
}

// ------------------------------------------------------------------------------ extension

interface ClaimView {
  provider: bigint;
  size: bigint;
  termMax: bigint;
  termStart: bigint;
  sector: bigint;
}

/** GetClaims at f06 for this miner; every claim must exist (16 otherwise). */
async function getClaims(inv: Invocation, ids: bigint[]): Promise<ClaimView[]> {
  const what = "failed to get claims";
  const ret = extractSendResult(await inv.send(idAddress(SingletonId.VerifiedRegistry), VerifRegMethod.GetClaims, cborBlock([inv.receiver.id, ids]), 0n), what);
  const { batch, claims } = decodeReturn(ret, what, (v) => {
    const [batch, claims] = expectArray(v, "GetClaimsReturn", 2);
    return {
      batch: readBatchReturn(batch, "GetClaimsReturn.batch_info"),
      claims: expectArray(claims, "GetClaimsReturn.claims").map((c) => {
        const f = expectArray(c, "Claim", 8);
        return { provider: expectUint64(f[0], "provider"), size: expectUint64(f[3], "size"), termMax: expectUint64(f[5], "term_max"), termStart: expectUint64(f[6], "term_start"), sector: expectUint64(f[7], "sector") };
      }),
    };
  });
  if (batch.failCodes.length > 0) throw illegal(`failed to get claims for sector: claim ${ids[batch.failCodes[0].idx]} failed with ${batch.failCodes[0].code}`);
  return claims;
}

/**
 * ExtendSectorExpiration2: live, non-faulty sectors get a later expiration (at most 1278 days
 * ahead, 5 years of lifetime). Sectors with verified data must list every claim, kept (its term
 * must reach the new expiration) or dropped (its space stops counting ten-fold). Power restarts
 * from now with the new duration.
 */
export async function extendSectorExpiration2(inv: Invocation, extensions: ExpirationExtension[]): Promise<null> {
  const state = minerState(inv);
  const info = await state.loadInfo();
  requireControlling(inv, info, "ExtendSectorExpiration2");
  let raw = 0n;
  let qa = 0n;
  const updated: SectorInfo[] = [];
  for (const e of extensions) {
    const withClaims = new Map(e.sectorsWithClaims.map((c) => [c.sectorNumber, c]));
    const sectors = await declaredSectors(state, [{ deadline: e.deadline, partition: e.partition, numbers: [...bitIndices(e.sectors), ...withClaims.keys()] }]);
    for (const s of sectors) {
      if (s.status !== SectorStatus.Active) throw illegal(`cannot extend expiration for ${s.status === SectorStatus.Faulty ? "faulty" : "terminated"} sector ${s.sectorNumber}`);
      if (e.newExpiration < s.expiration) throw illegal(`cannot reduce sector ${s.sectorNumber}'s expiration to ${e.newExpiration} from ${s.expiration}`);
      if (e.newExpiration > inv.epoch + MAX_SECTOR_EXPIRATION_EXTENSION) throw illegal(`cannot be more than ${MAX_SECTOR_EXPIRATION_EXTENSION} past current epoch ${inv.epoch}`);
      if (e.newExpiration - s.activation > SECTOR_MAXIMUM_LIFETIME) throw illegal(`total sector lifetime (${e.newExpiration - s.activation}) cannot exceed ${SECTOR_MAXIMUM_LIFETIME} after activation ${s.activation}`);
      const duration = s.expiration - s.powerBaseEpoch;
      let verifiedSpace = s.verifiedDealWeight / duration;
      const claims = withClaims.get(s.sectorNumber);
      if (claims === undefined && verifiedSpace > 0n) throw illegal(`claim missing for sector ${s.sectorNumber} with verified data: list it in sectors_with_claims`);
      if (claims !== undefined) {
        const kept = await getClaims(inv, claims.maintain);
        const dropped = await getClaims(inv, claims.drop);
        for (const c of [...kept, ...dropped]) {
          if (c.sector !== s.sectorNumber) throw illegal(`claim is for sector ${c.sector}, not ${s.sectorNumber}`);
        }
        for (const c of kept) {
          if (c.termStart + c.termMax < e.newExpiration) throw illegal(`claim only allows extension to ${c.termStart + c.termMax} but declared new expiration is ${e.newExpiration}`);
        }
        const listed = [...kept, ...dropped].reduce((sum, c) => sum + c.size, 0n);
        if (listed !== verifiedSpace) throw illegal(`sector ${s.sectorNumber} has ${verifiedSpace} bytes of verified space but its listed claims cover ${listed}`);
        verifiedSpace -= dropped.reduce((sum, c) => sum + c.size, 0n);
      }
      const newDuration = e.newExpiration - inv.epoch;
      const next: SectorInfo = { ...s, expiration: e.newExpiration, powerBaseEpoch: inv.epoch, dealWeight: (s.dealWeight / duration) * newDuration, verifiedDealWeight: verifiedSpace * newDuration };
      raw += sectorPower(info.sectorSize, next).raw - sectorPower(info.sectorSize, s).raw;
      qa += sectorPower(info.sectorSize, next).qa - sectorPower(info.sectorSize, s).qa;
      updated.push(next);
    }
  }
  requireWritable(inv, "ExtendSectorExpiration2");
  for (const s of updated) await state.putSector(s);
  await requestUpdatePower(inv, raw, qa);
  return null;
}

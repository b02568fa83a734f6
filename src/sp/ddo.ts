/**
 * Direct data onboarding (FIP-0076) by the simulated provider, as Boost's `import-direct` does
 * it: a client makes a verified allocation at f06 naming the provider's miner and tells the
 * provider (off chain); the provider pre-commits a sector holding the allocation's piece and,
 * after the sealing delay, proves it with the allocation in the piece manifest, so the miner
 * claims it at f06 (ClaimAllocations) and notifies a contract client (SectorContentChanged), as
 * `fevm.miners.commitSectors` does with `allocationId`. The actor-level steps run inside
 * `Chain.runAsSystem` (through the engine's `act`).
 */
import type { FevmEVM } from "../evm/fevm-evm";
import { formatAddress, idAddress, type FilecoinAddress } from "../fil";
import { resolveAddress } from "../actors/runtime";
import { MinerControlError, pieceManifests, preCommitSector, proveCommitSector, type PieceInput } from "../actors/miner/control";
import { MAX_PROVE_COMMIT_DURATION, MIN_SECTOR_EXPIRATION } from "../actors/miner/policy";
import type { SectorInfo } from "../actors/miner/sector-types";
import type { Allocation } from "../actors/verifreg/types";
import { VerifRegState } from "../actors/verifreg/state";
import { StorageProviderError, type ProviderCore, type TrackedClaim } from "./state";

/** The allocation `id` of client `client` (actor ids), while it waits to be claimed. */
const pendingAllocation = (evm: FevmEVM, client: bigint, id: bigint): Promise<Allocation | undefined> => new VerifRegState(evm.stateManager).allocations.get(client, id);

/**
 * The expiration of a sector pre-committed at `preCommitAt` and proven at `sealAt` that can claim
 * `a`: its term must run from the claim for at least termMin and at most termMax epochs
 * (verifreg ClaimAllocations), and the sector must live the minimum sector lifetime. A string
 * says why no sector can.
 */
export function claimingExpiration(a: Allocation, preCommitAt: bigint, sealAt: bigint): bigint | string {
  if (sealAt > a.expiration) return `it must be claimed by epoch ${a.expiration}, but sealing finishes at ${sealAt}`;
  const shortest = preCommitAt + MAX_PROVE_COMMIT_DURATION + MIN_SECTOR_EXPIRATION;
  const byTerm = sealAt + a.termMin;
  const expiration = byTerm > shortest ? byTerm : shortest;
  if (expiration > sealAt + a.termMax) return `its maximum term ${a.termMax} ends before the shortest sector the miner may commit (expiring at epoch ${shortest})`;
  return expiration;
}

/** The allocation's piece, claimed in the sector; a contract client is notified of it. */
async function piece(evm: FevmEVM, client: bigint, id: bigint): Promise<PieceInput> {
  const a = await pendingAllocation(evm, client, id);
  if (a === undefined) throw new MinerControlError(`allocation ${id} of client t0${client} is no longer pending at f06 (claimed, or expired and removed)`);
  const notify = (await evm.actors.get(client))?.kind === "evm" ? [{ address: idAddress(client), payload: new Uint8Array() }] : [];
  return { pieceCid: a.data, size: a.size, allocation: { client: idAddress(client), id }, notify };
}

/** Pre-commits a sector of the allocation's miner holding its piece; returns the sector number. */
async function preCommitAllocation(evm: FevmEVM, miner: bigint, client: bigint, id: bigint, expiration: bigint): Promise<bigint> {
  return (await preCommitSector(evm, idAddress(miner), { pieces: [await piece(evm, client, id)], expiration })).sectorNumber;
}

/**
 * Proves the sector: the allocation is claimed. A contract client that cannot take the
 * notification does not stop the claim (notifications are not required to succeed).
 */
async function proveAllocation(evm: FevmEVM, miner: bigint, client: bigint, id: bigint, sectorNumber: bigint): Promise<SectorInfo> {
  const { manifests } = await pieceManifests(evm, { pieces: [await piece(evm, client, id)] });
  return proveCommitSector(evm, idAddress(miner), { sectorNumber, manifests }, false);
}

/**
 * A client tells the provider of its DDO allocation (as with Boost's `import-direct`): it must
 * be pending at f06 and name one of the provider's miners. A sector holding its piece is
 * pre-committed now and proven `sealingDelay` epochs later, claiming the allocation and
 * notifying a contract client. Returns the sector number; throws why it cannot.
 */
export async function importAllocation(sp: ProviderCore, client: FilecoinAddress, allocationId: bigint): Promise<bigint> {
  if (!sp.state.running) throw new StorageProviderError("the storage provider is stopped: start it to hand it allocations");
  const name = formatAddress(client, "t");
  const clientId = await resolveAddress(sp.chain.evm, client);
  if (clientId === undefined) throw new StorageProviderError(`client ${name} is not an actor on this network`);
  const a = await sp.chain.runAsSystem((evm) => pendingAllocation(evm, clientId, allocationId));
  if (a === undefined) throw new StorageProviderError(`client ${name} has no pending allocation ${allocationId} at f06 (never made, already claimed, or expired and removed)`);
  if (sp.state.claims.some((c) => c.allocationId === allocationId && c.status !== "failed")) throw new StorageProviderError(`allocation ${allocationId} is already being sealed`);
  if (!sp.state.miners.includes(a.provider)) throw new StorageProviderError(`allocation ${allocationId} names provider t0${a.provider}, which is not one of this provider's miners`);
  const now = sp.chain.latestNumber();
  const sealAt = now + sp.state.policy.sealingDelay;
  const expiration = claimingExpiration(a, now, sealAt);
  if (typeof expiration === "string") throw new StorageProviderError(`allocation ${allocationId} cannot be sealed: ${expiration}`);
  const sector = await sp.act((evm) => preCommitAllocation(evm, a.provider, clientId, allocationId, expiration));
  if (sector instanceof MinerControlError) throw new StorageProviderError(`could not pre-commit a sector for allocation ${allocationId}: ${sector.message}`);
  sp.state.claims.push({ allocationId, client: clientId, miner: a.provider, sector, sealAt, status: "sealing" });
  sp.record({ epoch: now, kind: "imported", allocationId, miner: a.provider, sector, message: `imported allocation ${allocationId} of client ${name} for piece ${a.data.toString()}; pre-committed sector ${sector} of miner t0${a.provider}, sealing until epoch ${sealAt}` });
  return sector;
}

/** Proves the sector of a DDO allocation, claiming it. */
export async function claimAllocation(sp: ProviderCore, c: TrackedClaim, now: bigint): Promise<void> {
  const at = { epoch: now, allocationId: c.allocationId, miner: c.miner, sector: c.sector };
  const proven = await sp.act((evm) => proveAllocation(evm, c.miner, c.client, c.allocationId, c.sector));
  if (proven instanceof MinerControlError) {
    c.status = "failed";
    return sp.record({ ...at, kind: "claimFailed", message: `could not prove sector ${c.sector} claiming allocation ${c.allocationId}: ${proven.message}` });
  }
  c.status = "claimed";
  sp.record({ ...at, kind: "claimed", message: `claimed allocation ${c.allocationId} in sector ${c.sector} of miner t0${c.miner} (expires at epoch ${proven.expiration})` });
}

/**
 * Direct data onboarding (FIP-0076) by the simulated provider, as Boost's `import-direct` does
 * it: a client makes a verified allocation at f06 naming the provider's miner and tells the
 * provider (off chain); the provider pre-commits a sector holding the allocation's piece and,
 * after the sealing delay, proves it with the allocation in the piece manifest, so the miner
 * claims it at f06 (ClaimAllocations) and notifies a contract client (SectorContentChanged), as
 * `fevm.miners.commitSectors` does with `allocationId`. Run inside `Chain.runAsSystem`.
 */
import type { FevmEVM } from "../evm/fevm-evm";
import { idAddress } from "../fil";
import { MinerControlError, pieceManifests, preCommitSector, proveCommitSector, type PieceInput } from "../actors/miner/control";
import { MAX_PROVE_COMMIT_DURATION, MIN_SECTOR_EXPIRATION } from "../actors/miner/policy";
import type { SectorInfo } from "../actors/miner/sector-types";
import type { Allocation } from "../actors/verifreg/types";
import { VerifRegState } from "../actors/verifreg/state";

/** The allocation `id` of client `client` (actor ids), while it waits to be claimed. */
export const pendingAllocation = (evm: FevmEVM, client: bigint, id: bigint): Promise<Allocation | undefined> => new VerifRegState(evm.stateManager).allocations.get(client, id);

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
export async function preCommitAllocation(evm: FevmEVM, miner: bigint, client: bigint, id: bigint, expiration: bigint): Promise<bigint> {
  return (await preCommitSector(evm, idAddress(miner), { pieces: [await piece(evm, client, id)], expiration })).sectorNumber;
}

/**
 * Proves the sector: the allocation is claimed. A contract client that cannot take the
 * notification does not stop the claim (notifications are not required to succeed).
 */
export async function proveAllocation(evm: FevmEVM, miner: bigint, client: bigint, id: bigint, sectorNumber: bigint): Promise<SectorInfo> {
  const { manifests } = await pieceManifests(evm, { pieces: [await piece(evm, client, id)] });
  return proveCommitSector(evm, idAddress(miner), { sectorNumber, manifests }, false);
}

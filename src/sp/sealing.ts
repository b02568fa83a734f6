/**
 * Sealing a deal into a real sector of the provider's miner, as a storage provider's worker does
 * after publishing: PreCommitSectorBatch2 with the deal as the sector's only piece, then, once
 * the pre-commit challenge delay has passed, ProveCommitSectors3 — the miner claims a verified
 * deal's allocation, notifies the market (which activates the deal) and claims power. The same
 * messages as `fevm.miners.commitSectors`, without its mining: the engine pre-commits early
 * enough for the prove to land at the sealing epoch. Run inside `Chain.runAsSystem`.
 */
import type { FevmEVM } from "../evm/fevm-evm";
import { idAddress } from "../fil";
import { pieceManifests, preCommitSector, proveCommitSector } from "../actors/miner/control";
import type { SectorInfo } from "../actors/miner/sector-types";

/**
 * Pre-commits a new sector of `miner` holding deal `dealId` (its piece and CommD), expiring at
 * the deal's end or the minimum sector lifetime, whichever is later. Returns the sector number.
 */
export async function preCommitDeal(evm: FevmEVM, miner: bigint, dealId: bigint): Promise<bigint> {
  return (await preCommitSector(evm, idAddress(miner), { pieces: [{ dealId }] })).sectorNumber;
}

/** Proves the pre-committed sector holding deal `dealId`: the deal activates in it. */
export async function proveDeal(evm: FevmEVM, miner: bigint, dealId: bigint, sectorNumber: bigint): Promise<SectorInfo> {
  const { manifests } = await pieceManifests(evm, { pieces: [{ dealId }] });
  return proveCommitSector(evm, idAddress(miner), { sectorNumber, manifests });
}

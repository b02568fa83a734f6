/**
 * Sector sizes and the Window PoSt proof types new miners use (V1P1, the only ones the actors
 * accept: ref-fvm shared/src/sector/registered_proof.rs, builtin-actors policy
 * `valid_post_proof_type`). A miner's sector size follows from its proof type.
 */

export const SECTOR_SIZES = [
  { bytes: 2n ** 11n, name: "2 KiB", windowPoStProofType: 10 },
  { bytes: 2n ** 23n, name: "8 MiB", windowPoStProofType: 11 },
  { bytes: 2n ** 29n, name: "512 MiB", windowPoStProofType: 12 },
  { bytes: 2n ** 35n, name: "32 GiB", windowPoStProofType: 13 },
  { bytes: 2n ** 36n, name: "64 GiB", windowPoStProofType: 14 },
] as const;

export type SectorSizeInfo = (typeof SECTOR_SIZES)[number];

/** 32 GiB, the mainnet standard: large enough for any piece a test publishes. */
export const DEFAULT_SECTOR_SIZE = 2n ** 35n;

export function sectorSizeInfo(bytes: bigint): SectorSizeInfo | undefined {
  return SECTOR_SIZES.find((size) => size.bytes === bytes);
}

export function describeSectorSizes(): string {
  return SECTOR_SIZES.map((size) => `${size.bytes} (${size.name})`).join(", ");
}

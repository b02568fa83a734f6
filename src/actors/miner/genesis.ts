import type { Address } from "@ethereumjs/util";
import { create as createDigest } from "multiformats/hashes/digest";
import { sha256 } from "@noble/hashes/sha2.js";
import type { FevmEVM } from "../../evm/fevm-evm";
import { CID, encodeCbor, Multicodec, MultihashCode } from "../../fil";
import { PowerState } from "../power/state";
import { FIRST_GENESIS_MINER_ID } from "../singletons";
import { createGenesisMiner, MinerCreationError, type CreateMinerOptions } from "./create";
import { MAX_SECTOR_EXPIRATION_EXTENSION, WPOST_PERIOD_DEADLINES, PARTITION_SECTORS } from "./policy";
import { sectorPower } from "./sector-power";
import { SectorStatus } from "./sector-types";
import { MinerState } from "./state";

/** A miner of the `fevm.miners` config: like CreateMinerOptions, but the owner may be left out. */
export type GenesisMinerOptions = Omit<CreateMinerOptions, "owner"> & { owner?: CreateMinerOptions["owner"]; presealSectors?: number };

/**
 * Genesis miners at ids 1000, 1001, … in config order, as Lotus devnets number them, before any
 * other actor is created (accounts or workers they need come after). The owner defaults to
 * `defaultOwner` (the first Hardhat account).
 */
export async function installGenesisMiners(evm: FevmEVM, miners: readonly GenesisMinerOptions[], defaultOwner: Address | undefined): Promise<void> {
  await evm.actors.reserveIdsBelow(FIRST_GENESIS_MINER_ID + BigInt(miners.length));
  for (const [i, miner] of miners.entries()) {
    const owner = miner.owner ?? defaultOwner?.toString();
    if (owner === undefined) throw new MinerCreationError(`fevm.miners[${i}] has no owner and there are no accounts to default to; set fevm.miners[${i}].owner`);
    try {
      const { presealSectors, ...options } = miner;
      const { id } = await createGenesisMiner(evm, { ...options, owner }, FIRST_GENESIS_MINER_ID + BigInt(i));
      await installPresealSectors(evm, id, presealSectors ?? 0);
    } catch (e) {
      if (e instanceof MinerCreationError) throw new MinerCreationError(`fevm.miners[${i}]: ${e.message}`);
      throw e;
    }
  }
}

/**
 * Committed-capacity sectors 0…count−1 proven at genesis with their power, as the system's
 * InternalSectorSetupForPreseal sets up Lotus's pre-sealed sectors. They expire as late as a
 * sector may (1278 days).
 */
async function installPresealSectors(evm: FevmEVM, minerId: bigint, count: number): Promise<void> {
  if (count === 0) return;
  const state = new MinerState(evm.stateManager, minerId);
  const info = await state.loadInfo();
  const epoch = evm.currentEpoch();
  let raw = 0n;
  let qa = 0n;
  for (let n = 0n; n < BigInt(count); n++) {
    const sealed = CID.createV1(Multicodec.FIL_COMMITMENT_SEALED, createDigest(MultihashCode.POSEIDON_BLS12_381_A1_FC1, sha256(encodeCbor(["hardhat-fevm preseal", minerId, n]))));
    const sector = {
      sectorNumber: n,
      sealProof: info.windowPoStProofType - 5,
      sealedCid: sealed,
      unsealedCid: null,
      activation: epoch,
      expiration: epoch + MAX_SECTOR_EXPIRATION_EXTENSION,
      dealWeight: 0n,
      verifiedDealWeight: 0n,
      powerBaseEpoch: epoch,
      deadline: n % WPOST_PERIOD_DEADLINES,
      partition: n / WPOST_PERIOD_DEADLINES / PARTITION_SECTORS[info.windowPoStProofType],
      status: SectorStatus.Active,
    };
    await state.allocate(n);
    await state.putSector(sector);
    const p = sectorPower(info.sectorSize, sector);
    raw += p.raw;
    qa += p.qa;
  }
  await new PowerState(evm.stateManager).addToClaim(minerId, raw, qa, epoch);
}

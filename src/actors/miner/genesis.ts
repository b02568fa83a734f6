import type { Address } from "@ethereumjs/util";
import type { FevmEVM } from "../../evm/fevm-evm";
import { FIRST_GENESIS_MINER_ID } from "../singletons";
import { createGenesisMiner, MinerCreationError, type CreateMinerOptions } from "./create";

/** A miner of the `fevm.miners` config: like CreateMinerOptions, but the owner may be left out. */
export type GenesisMinerOptions = Omit<CreateMinerOptions, "owner"> & { owner?: CreateMinerOptions["owner"] };

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
      await createGenesisMiner(evm, { ...miner, owner }, FIRST_GENESIS_MINER_ID + BigInt(i));
    } catch (e) {
      if (e instanceof MinerCreationError) throw new MinerCreationError(`fevm.miners[${i}]: ${e.message}`);
      throw e;
    }
  }
}

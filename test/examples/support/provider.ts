// What the example suites share: a simulated storage provider with one fresh miner, and readings
// of what it did to a deal (from `fevm.storageProvider.history()`).
import { ethers, fevm } from "hardhat";
import { serveWith } from "../../hardhat/sp/support/serve";

/** The provider's sealing delay in these suites, in epochs. */
export const SEALING_DELAY = 20n;

/** A fresh miner with market escrow for its collateral, served by the simulated provider. */
export async function startProvider() {
  const [owner] = await ethers.getSigners();
  const miner = await fevm.miners.create({ owner: owner.address });
  await fevm.market.addBalance(miner.address, ethers.parseEther("1"));
  await serveWith([miner.id], SEALING_DELAY);
  return miner;
}

/** The kinds of what the provider did to deal `dealId`, oldest first ("published", "activated", "settled"…). */
export async function dealKinds(dealId: bigint): Promise<string[]> {
  return (await fevm.storageProvider.history()).filter((e) => e.dealId === dealId).map((e) => e.kind);
}

/** What deal `dealId` has paid its provider so far: the sum of the provider's settlements. */
export async function paidFor(dealId: bigint): Promise<bigint> {
  let paid = 0n;
  for (const e of await fevm.storageProvider.history()) {
    const amount = e.dealId === dealId && e.kind === "settled" ? e.message.match(/: (\d+) attoFIL paid/) : null;
    if (amount) paid += BigInt(amount[1]);
  }
  return paid;
}

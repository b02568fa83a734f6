// Chain operations that must stay O(1): mining 1,000 vs 1,000,000 epochs (hre.fevm.mineEpochs on
// `filecoin`, hardhat_mine on Hardhat's network), and an evm_snapshot / send / evm_revert loop
// on a small state and again after the state has grown. One line per measurement.
// BENCH_QUICK=1 makes the loops and the grown state smaller.
import hre, { ethers, network } from "hardhat";
import { mine } from "@nomicfoundation/hardhat-network-helpers";

const QUICK = process.env.BENCH_QUICK === "1";
const SNAPSHOT_ROUNDS = QUICK ? 20 : 100;
const FILL_TXS = QUICK ? 4 : 40;
const SLOTS_PER_TX = 500;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function mineBlocks(count: number): Promise<void> {
  if (network.name === "filecoin") await hre.fevm.mineEpochs(count);
  else await mine(count);
}

async function main(): Promise<void> {
  const [owner, other] = await ethers.getSigners();
  const token = await ethers.deployContract("Token", ["Bench", "BEN", 1_000_000n]);
  await token.waitForDeployment();
  const filler = await ethers.deployContract("StateFiller");
  await filler.waitForDeployment();

  for (const count of [1_000, 1_000_000]) {
    const ms = await timed(() => mineBlocks(count));
    await (await token.transfer(other.address, 1n)).wait(); // the chain still works after the jump
    console.log(`chain case=mine-${count} network=${network.name} ms=${ms.toFixed(1)}`);
  }

  const snapshotLoop = () =>
    timed(async () => {
      for (let i = 0; i < SNAPSHOT_ROUNDS; i++) {
        const id = await network.provider.send("evm_snapshot");
        await (await token.connect(owner).transfer(other.address, 1n)).wait();
        if (!(await network.provider.send("evm_revert", [id]))) throw new Error(`evm_revert ${id} failed`);
      }
    });
  await snapshotLoop(); // warm-up: the first rounds pay for JIT compilation, not for the state
  const small = await snapshotLoop();
  console.log(`chain case=snapshot-small-state network=${network.name} rounds=${SNAPSHOT_ROUNDS} ms=${small.toFixed(1)}`);
  for (let i = 0; i < FILL_TXS; i++) await (await filler.fill(i * SLOTS_PER_TX, SLOTS_PER_TX)).wait();
  const large = await snapshotLoop();
  console.log(
    `chain case=snapshot-large-state network=${network.name} rounds=${SNAPSHOT_ROUNDS} slots=${FILL_TXS * SLOTS_PER_TX} ms=${large.toFixed(1)}`,
  );
  console.log(`chain done network=${network.name} peak-rss-kb=${process.resourceUsage().maxRSS}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

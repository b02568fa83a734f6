// Benchmark workload: deploy the toolbox Token and make 1,000 transfers, one transaction each,
// the way a test suite would (send, then wait for the receipt). Run with
// `npx hardhat run bench/erc20-workload.ts --network <name>`; prints one machine-readable line.
import { ethers, network } from "hardhat";
import { profiled } from "./cpu-profile";

const TRANSFERS = Number(process.env.TRANSFERS ?? 1_000);
const AMOUNT = 3n;
const RECIPIENTS = 10;

async function main(): Promise<void> {
  const [owner, ...others] = await ethers.getSigners();
  const recipients = others.slice(0, RECIPIENTS).map((signer) => signer.address);
  const token = await ethers.deployContract("Token", ["Bench", "BEN", ethers.parseEther("1000000")], owner);
  await token.waitForDeployment();

  const started = process.hrtime.bigint();
  await profiled(async () => {
    for (let i = 0; i < TRANSFERS; i++) {
      await (await token.transfer(recipients[i % RECIPIENTS], AMOUNT)).wait();
    }
  });
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;

  // The workload only counts if every transfer landed.
  const received = await Promise.all(recipients.map((address) => token.balanceOf(address)));
  const total = received.reduce((sum, balance) => sum + balance, 0n);
  if (total !== BigInt(TRANSFERS) * AMOUNT) {
    throw new Error(`recipients hold ${total} tokens after ${TRANSFERS} transfers of ${AMOUNT}; some transfers were lost`);
  }

  const peakRssKb = process.resourceUsage().maxRSS;
  console.log(`erc20-workload network=${network.name} transfers=${TRANSFERS} ms=${elapsedMs.toFixed(1)} peak-rss-kb=${peakRssKb}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

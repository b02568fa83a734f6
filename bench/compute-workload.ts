// Compute workloads: Merkle proofs (keccak), ecrecover, P-256, RSA-2048 (modexp), SHA-256,
// BN254 and BLS12-381, each as transactions that repeat one verification. Run with
// `npx hardhat run bench/compute-workload.ts --network <name>`; one line per case.
// BENCH_QUICK=1 sends fewer transactions; COMPUTE_CASES=a,b picks cases.
import { ethers, network } from "hardhat";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bls12381Cases, bn254Cases, ecrecoverCase, merkleCase, p256Case, rsaCase, sha256Case, type PrecompileCase } from "./compute-inputs";
import { profiled } from "./cpu-profile";

const TXS = process.env.BENCH_QUICK === "1" ? 2 : 6;

async function main(): Promise<void> {
  const bench = await ethers.deployContract("ComputeBench");
  await bench.waitForDeployment();
  const merkle = merkleCase(16);
  const ec = ecrecoverCase();
  const bn = bn254Cases();
  const bls = bls12381Cases();
  const loop = (c: PrecompileCase, rounds: number) => () =>
    bench.precompileLoop(c.address, c.input, keccak_256(c.output), rounds);
  const cases: Record<string, () => Promise<{ wait(): Promise<unknown> }>> = {
    merkle: () => bench.merkle(merkle.root, merkle.leaf, merkle.proof, 200),
    ecrecover: () => bench.ecrecoverLoop(ec.hash, ec.v, ec.r, ec.s, ec.signer, 100),
    p256: loop(p256Case(), 50),
    "modexp-rsa2048": loop(rsaCase(), 50),
    sha256: loop(sha256Case(1024), 200),
    "bn254-add": loop(bn.add, 200),
    "bn254-mul": loop(bn.mul, 100),
    "bn254-pairing": loop(bn.pairing, 5),
    "bls12-381-g1add": loop(bls.g1add, 100),
    "bls12-381-pairing": loop(bls.pairing, 3),
  };
  const only = process.env.COMPUTE_CASES?.split(",");
  for (const [name, send] of Object.entries(cases)) {
    if (only && !only.includes(name)) continue;
    await (await send()).wait(); // warm-up: first-call costs (code analysis, precomputed tables) are not the workload
    const started = process.hrtime.bigint();
    await profiled(async () => {
      for (let i = 0; i < TXS; i++) await (await send()).wait();
    }, name);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`compute case=${name} network=${network.name} txs=${TXS} ms=${ms.toFixed(1)}`);
  }
  console.log(`compute done network=${network.name} peak-rss-kb=${process.resourceUsage().maxRSS}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

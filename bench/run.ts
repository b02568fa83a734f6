// Compares the `filecoin` network with Hardhat's own network on this machine, in one run, case
// by case: a generated suite of 1,024 tests, 1,000 ERC-20 transfers, compute workloads, chain
// operations (mining, snapshots) and start-up. Prints absolute figures, then
// `<case> ratio filecoin/hardhat: x.xx` lines. A failing case is reported, not fatal.
// BENCH_QUICK=1: smaller cases for iterating; BENCH_CASES=suite,erc20,compute,chain,startup picks cases.
import path from "node:path";
import { runMeasured, type MeasuredRun } from "./measured-run";
import { generateSuite, TESTS_PER_COPY } from "./suite/generate";

const ROOT = path.resolve(__dirname, "..");
const NETWORKS = ["hardhat", "filecoin"] as const;
type NetworkName = (typeof NETWORKS)[number];
const QUICK = process.env.BENCH_QUICK === "1";
const SUITE_COPIES = QUICK ? 8 : 64;
const SUITE_RUNS = QUICK ? 1 : 3;
const STARTUP_RUNS = QUICK ? 1 : 5;
const TRANSFERS = QUICK ? 200 : 1_000;
const TIMEOUT_MS = 900_000;
const CASES = new Set((process.env.BENCH_CASES ?? "suite,erc20,compute,chain,startup").split(","));

interface Outcome {
  /** The number compared across networks (ms), when the run succeeded. */
  ms: number | undefined;
  peakRssKb: number | undefined;
}
type PerNetwork = Record<NetworkName, Outcome>;

const ratios: string[] = [];
const peaks: Record<NetworkName, number[]> = { hardhat: [], filecoin: [] };
let failed = false;

async function main(): Promise<void> {
  const compile = await runMeasured("npx", ["hardhat", "compile"], ROOT, 600_000);
  if (!compile.ok) return fail(`warm-up compile: FAILED (${describeFailure(compile)})`);
  console.log(`warm-up compile: ${seconds(compile.wallMs)}`);

  if (CASES.has("suite")) await suiteCase();
  if (CASES.has("erc20")) await erc20Case();
  if (CASES.has("compute")) await linesCase("compute", "bench/compute-workload.ts");
  if (CASES.has("chain")) await chainCase();
  if (CASES.has("startup")) await startupCase();

  // Peak RSS: the largest of each network's successful runs (compared like times).
  const peak = (network: NetworkName) => (peaks[network].length > 0 ? Math.max(...peaks[network]) : undefined);
  printRatio("memory (peak RSS)", { ms: peak("hardhat"), peakRssKb: undefined }, { ms: peak("filecoin"), peakRssKb: undefined });
  console.log("");
  for (const line of ratios) console.log(line);
  if (failed) process.exitCode = 1;
}

function fail(message: string): void {
  console.log(message);
  failed = true;
}

/** One child run; its peak RSS counts toward the memory ratio when it succeeded. */
async function measured(label: string, network: NetworkName, args: string[]): Promise<MeasuredRun | undefined> {
  const run = await runMeasured("npx", ["hardhat", ...args, "--network", network], ROOT, TIMEOUT_MS);
  if (!run.ok) {
    fail(`${label} ${network}: FAILED after ${seconds(run.wallMs)} (${describeFailure(run)})`);
    return undefined;
  }
  if (run.peakRssKb !== undefined) peaks[network].push(run.peakRssKb);
  return run;
}

async function suiteCase(): Promise<void> {
  const files = generateSuite(ROOT, SUITE_COPIES);
  const tests = SUITE_COPIES * TESTS_PER_COPY;
  const result = {} as PerNetwork;
  for (const network of NETWORKS) {
    const walls: number[] = [];
    let peak: number | undefined;
    for (let i = 1; i <= SUITE_RUNS; i++) {
      const run = await measured(`suite (${tests} tests) run ${i}`, network, ["test", "--no-compile", ...files]);
      if (!run) break;
      console.log(`suite ${network} run ${i}/${SUITE_RUNS}: ${seconds(run.wallMs)}, ${passing(run)}, peak RSS ${mebibytes(run.peakRssKb)}`);
      walls.push(run.wallMs);
      peak = run.peakRssKb;
    }
    result[network] = { ms: walls.length === SUITE_RUNS ? median(walls) : undefined, peakRssKb: peak };
  }
  printRatio(`suite (${tests} tests, median of ${SUITE_RUNS})`, result.hardhat, result.filecoin);
}

async function erc20Case(): Promise<void> {
  const result = {} as PerNetwork;
  for (const network of NETWORKS) {
    process.env.TRANSFERS = String(TRANSFERS);
    const run = await measured("erc20", network, ["run", "--no-compile", "bench/erc20-workload.ts"]);
    const report = run && /erc20-workload .*transfers=(\d+) ms=([\d.]+)/.exec(run.stdout);
    if (!run || !report) {
      result[network] = { ms: undefined, peakRssKb: undefined };
      continue;
    }
    const ms = Number(report[2]);
    console.log(`erc20 ${network}: ${report[1]} transfers in ${seconds(ms)} (${((Number(report[1]) / ms) * 1000).toFixed(1)}/s), peak RSS ${mebibytes(run.peakRssKb)}`);
    result[network] = { ms, peakRssKb: run.peakRssKb };
  }
  printRatio("erc20", result.hardhat, result.filecoin);
}

/** Runs a workload script that prints `<kind> case=<name> network=<n> ... ms=<x>` lines on both networks. */
async function linesCase(kind: string, script: string): Promise<Map<string, PerNetwork>> {
  const byCase = new Map<string, PerNetwork>();
  for (const network of NETWORKS) {
    const run = await measured(kind, network, ["run", "--no-compile", script]);
    if (!run) continue;
    for (const match of run.stdout.matchAll(new RegExp(`^${kind} case=(\\S+) network=\\S+ (.*)ms=([\\d.]+)$`, "gm"))) {
      const [, name, details, ms] = match;
      console.log(`${kind} ${name} ${network}: ${Number(ms).toFixed(1)} ms ${details.trim()}`);
      const entry = byCase.get(name) ?? ({ hardhat: { ms: undefined }, filecoin: { ms: undefined } } as PerNetwork);
      entry[network] = { ms: Number(ms), peakRssKb: run.peakRssKb };
      byCase.set(name, entry);
    }
  }
  for (const [name, entry] of byCase) printRatio(`${kind === "compute" ? "compute-" : ""}${name}`, entry.hardhat, entry.filecoin);
  return byCase;
}

async function chainCase(): Promise<void> {
  const byCase = await linesCase("chain", "bench/chain-workload.ts");
  // O(1) checks: a thousand times more epochs, and a grown state, should cost about the same.
  const growth = (label: string, small: string, large: string) => {
    for (const network of NETWORKS) {
      const a = byCase.get(small)?.[network].ms;
      const b = byCase.get(large)?.[network].ms;
      if (a !== undefined && b !== undefined) ratios.push(`${label} ${network}: ${(b / a).toFixed(2)} (1.00 = O(1))`);
    }
  };
  growth("mine cost 1,000,000 / 1,000 epochs", "mine-1000", "mine-1000000");
  growth("snapshot loop cost large / small state", "snapshot-small-state", "snapshot-large-state");
}

async function startupCase(): Promise<void> {
  const build = await runMeasured("npm", ["run", "build"], ROOT, 600_000);
  if (!build.ok) return fail(`startup: npm run build FAILED (${describeFailure(build)})`);
  const variants = [
    ["without plugin, hardhat", "without-plugin", "hardhat"],
    ["with plugin, hardhat (filecoin unused)", "with-plugin", "hardhat"],
    ["with plugin, filecoin", "with-plugin", "filecoin"],
  ] as const;
  // Variants interleaved round by round, so a change in machine load hits all three alike;
  // round 0 warms the file cache and is not counted.
  const walls: number[][] = variants.map(() => []);
  for (let round = 0; round <= STARTUP_RUNS; round++) {
    for (const [i, [label, config, network]] of variants.entries()) {
      const args = ["test", "--no-compile", "--config", `bench/startup/${config}.config.ts`, "bench/startup/one-request.test.ts"];
      const run = await measured(`startup ${label}`, network, args);
      if (!run) return;
      if (round > 0) walls[i].push(run.wallMs);
    }
  }
  const medians = walls.map((w) => median(w));
  for (const [i, [label]] of variants.entries()) console.log(`startup ${label}: median ${seconds(medians[i])} of ${STARTUP_RUNS}`);
  const added = (ms: number) => `${(ms - medians[0]).toFixed(0)} ms`;
  ratios.push(`startup: plugin adds ${added(medians[1])} to hardhat test when filecoin is unused; the same test on filecoin takes ${added(medians[2])} against hardhat (target < 300 ms)`);
}

function printRatio(name: string, hardhat: Outcome | undefined, filecoin: Outcome | undefined): void {
  const [h, f] = [hardhat?.ms, filecoin?.ms];
  ratios.push(
    h === undefined || f === undefined || h === 0
      ? `${name} ratio filecoin/hardhat: n/a (a run failed or was not measured)`
      : `${name} ratio filecoin/hardhat: ${(f / h).toFixed(2)}`,
  );
}

function describeFailure(run: MeasuredRun): string {
  const cause = run.timedOut ? "timed out" : `exit code ${run.exitCode}`;
  const failing = /(\d+) failing/.exec(run.stdout);
  if (failing) {
    // Mocha lists failures after its summary; the first error line says what went wrong.
    const details = run.stdout.slice(failing.index);
    const firstError = /^\s*(\w*Error\b.*)$/m.exec(details)?.[1] ?? "";
    return `${cause}, ${failing[0]}, ${passing(run)}; first: ${firstError.slice(0, 300)}`;
  }
  return `${cause}: ${tailLines(`${run.stdout}\n${run.stderr}`, 4)}`;
}

function tailLines(text: string, count: number): string {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return lines.slice(-count).join(" | ").slice(0, 500);
}

function passing(run: MeasuredRun): string {
  return /(\d+) passing/.exec(run.stdout)?.[0] ?? "no mocha summary";
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mebibytes = (kb: number | undefined) => (kb === undefined ? "n/a" : `${(kb / 1024).toFixed(1)} MiB`);

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

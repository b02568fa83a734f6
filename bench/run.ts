// Compares the `filecoin` network with Hardhat's own network on this machine, in one run:
// the toolbox test suite (median wall time of 3 runs each) and a 1,000-transfer ERC-20 workload.
// Prints one line per measurement, then the ratio lines. A failing run is reported, not fatal.
import { readdirSync } from "node:fs";
import path from "node:path";
import { runMeasured, type MeasuredRun } from "./measured-run";

const ROOT = path.resolve(__dirname, "..");
const NETWORKS = ["hardhat", "filecoin"] as const;
type NetworkName = (typeof NETWORKS)[number];
const SUITE_RUNS = 3;
const SUITE_TIMEOUT_MS = 150_000;
const WORKLOAD_TIMEOUT_MS = 120_000;

const TOOLBOX_TESTS = readdirSync(path.join(ROOT, "test/hardhat/toolbox"))
  .filter((name) => name.endsWith(".ts"))
  .sort()
  .map((name) => path.join("test/hardhat/toolbox", name));

interface Outcome {
  /** The number compared across networks (ms), when every run succeeded. */
  ms: number | undefined;
  peakRssKb: number | undefined;
  failure: string | undefined;
}

async function main(): Promise<void> {
  const compile = await runMeasured("npx", ["hardhat", "compile"], ROOT, 300_000);
  if (!compile.ok) {
    console.log(`warm-up compile: FAILED (${describeFailure(compile)})`);
    process.exitCode = 1;
    return;
  }
  console.log(`warm-up compile: ${seconds(compile.wallMs)}`);

  const suite = {} as Record<NetworkName, Outcome>;
  for (const network of NETWORKS) suite[network] = await measureSuite(network);
  const erc20 = {} as Record<NetworkName, Outcome>;
  for (const network of NETWORKS) erc20[network] = await measureWorkload(network);

  printRatio("suite ratio", suite.hardhat.ms, suite.filecoin.ms, suite.filecoin.failure ?? suite.hardhat.failure);
  printRatio("erc20 ratio", erc20.hardhat.ms, erc20.filecoin.ms, erc20.filecoin.failure ?? erc20.hardhat.failure);
  printRatio(
    "memory ratio",
    peakOfSuccessful(suite.hardhat, erc20.hardhat),
    peakOfSuccessful(suite.filecoin, erc20.filecoin),
    "needs a successful run with a measured peak RSS on both networks",
  );

  const failed = [...Object.values(suite), ...Object.values(erc20)].some((outcome) => outcome.failure);
  if (failed) process.exitCode = 1;
}

async function measureSuite(network: NetworkName): Promise<Outcome> {
  const args = ["hardhat", "test", "--no-compile", ...TOOLBOX_TESTS, "--network", network];
  const walls: number[] = [];
  const peaks: number[] = [];
  for (let i = 1; i <= SUITE_RUNS; i++) {
    const run = await runMeasured("npx", args, ROOT, SUITE_TIMEOUT_MS);
    const label = `suite ${network} run ${i}/${SUITE_RUNS}`;
    if (!run.ok) {
      console.log(`${label}: FAILED after ${seconds(run.wallMs)}, peak RSS ${mebibytes(run.peakRssKb)} (${describeFailure(run)})`);
      return { ms: undefined, peakRssKb: run.peakRssKb, failure: `${network} suite failed` };
    }
    console.log(`${label}: ${seconds(run.wallMs)}, ${passing(run)}, peak RSS ${mebibytes(run.peakRssKb)}`);
    walls.push(run.wallMs);
    if (run.peakRssKb !== undefined) peaks.push(run.peakRssKb);
  }
  const ms = median(walls);
  const peakRssKb = peaks.length > 0 ? median(peaks) : undefined;
  console.log(`suite ${network}: median ${seconds(ms)}, median peak RSS ${mebibytes(peakRssKb)}`);
  return { ms, peakRssKb, failure: undefined };
}

async function measureWorkload(network: NetworkName): Promise<Outcome> {
  const args = ["hardhat", "run", "--no-compile", "bench/erc20-workload.ts", "--network", network];
  const run = await runMeasured("npx", args, ROOT, WORKLOAD_TIMEOUT_MS);
  const report = /erc20-workload .*transfers=(\d+) ms=([\d.]+)/.exec(run.stdout);
  if (!run.ok || report === null) {
    console.log(`erc20 ${network}: FAILED after ${seconds(run.wallMs)}, peak RSS ${mebibytes(run.peakRssKb)} (${describeFailure(run)})`);
    return { ms: undefined, peakRssKb: run.peakRssKb, failure: `${network} workload failed` };
  }
  const [transfers, ms] = [Number(report[1]), Number(report[2])];
  const perSecond = (transfers / ms) * 1000;
  console.log(
    `erc20 ${network}: ${transfers} transfers in ${seconds(ms)} (${perSecond.toFixed(1)}/s), ` +
      `process ${seconds(run.wallMs)}, peak RSS ${mebibytes(run.peakRssKb)}`,
  );
  return { ms, peakRssKb: run.peakRssKb, failure: undefined };
}

function printRatio(name: string, hardhat: number | undefined, filecoin: number | undefined, why?: string): void {
  if (hardhat === undefined || filecoin === undefined || hardhat === 0) {
    console.log(`${name} filecoin/hardhat: n/a (${why ?? "not measured"})`);
  } else {
    console.log(`${name} filecoin/hardhat: ${(filecoin / hardhat).toFixed(2)}`);
  }
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

/** The largest peak RSS among a network's successful children (a crashed run's peak means little). */
function peakOfSuccessful(...outcomes: Outcome[]): number | undefined {
  const peaks = outcomes.filter((o) => o.failure === undefined && o.peakRssKb !== undefined).map((o) => o.peakRssKb!);
  return peaks.length > 0 ? Math.max(...peaks) : undefined;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mebibytes = (kb: number | undefined) => (kb === undefined ? "n/a" : `${(kb / 1024).toFixed(1)} MiB`);

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

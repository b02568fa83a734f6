// Runs one child command and measures its wall time and peak RSS (of the whole process tree,
// via /usr/bin/time -v when present, else via a preload that each Node process reports from).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const GNU_TIME = "/usr/bin/time";
const PRELOAD = path.join(__dirname, "peak-rss-preload.js");

export interface MeasuredRun {
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  wallMs: number;
  /** Peak resident set size in KiB, or undefined when it could not be measured. */
  peakRssKb: number | undefined;
  stdout: string;
  stderr: string;
}

export function runMeasured(command: string, args: string[], cwd: string, timeoutMs: number): Promise<MeasuredRun> {
  const useGnuTime = existsSync(GNU_TIME);
  const [file, argv] = useGnuTime ? [GNU_TIME, ["-v", command, ...args]] : [command, args];
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" };
  if (!useGnuTime) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --require ${PRELOAD}`.trim();

  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    // Own process group, so a timeout can stop the child together with the processes it started.
    const child = spawn(file, argv, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);

    const finish = (exitCode: number | null) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({
        ok: exitCode === 0 && !timedOut,
        exitCode,
        timedOut,
        wallMs,
        peakRssKb: useGnuTime ? gnuTimePeak(stderr) : preloadPeak(stderr),
        stdout,
        stderr: withoutMeasurementReports(stderr),
      });
    };
    child.on("error", (error) => {
      stderr += `\ncould not start ${file}: ${error.message}`;
      finish(null);
    });
    child.on("close", (code) => finish(code));
  });
}

/** The child's own stderr, without what /usr/bin/time or the preload appended to it. */
function withoutMeasurementReports(stderr: string): string {
  const gnuReport = stderr.search(/(Command exited with non-zero status \d+\n)?\tCommand being timed:/);
  const own = gnuReport >= 0 ? stderr.slice(0, gnuReport) : stderr;
  return own.replace(/\n\[bench\] peak-rss-kb=\d+\n/g, "\n");
}

function gnuTimePeak(stderr: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return match ? Number(match[1]) : undefined;
}

function preloadPeak(stderr: string): number | undefined {
  const peaks = [...stderr.matchAll(/\[bench\] peak-rss-kb=(\d+)/g)].map((m) => Number(m[1]));
  return peaks.length > 0 ? Math.max(...peaks) : undefined;
}

// Profiles a measured region of a workload when BENCH_CPU_PROFILE names a file (a region with a
// name writes <file>.<name>.cpuprofile): the same profile that `node --cpu-prof` writes, but
// without start-up and compile time in it.
// Summarise one with `node bench/profile-summary.js <file>`.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

export async function profiled<T>(run: () => Promise<T>, region?: string): Promise<T> {
  const base = process.env.BENCH_CPU_PROFILE;
  if (!base) return run();
  const file = region === undefined ? base : `${base}.${region}.cpuprofile`;
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post("Profiler.enable");
  await post("Profiler.start");
  try {
    return await run();
  } finally {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

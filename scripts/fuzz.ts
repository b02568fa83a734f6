// `npm run fuzz`: hostile clients against a `fevm node` on 127.0.0.1 for FUZZ_SECONDS (default
// 120), split over four phases. FUZZ_SEED (default: random, printed) replays a run. Exits 1 on
// the first internal error, hang or model mismatch.
import { Random } from "../test/unit/fil/random";
import { startNode } from "../test/unit/hostile/attacks";
import { actorCalls, modelSequences, precompileCalls, serverAttacks, type Budget } from "../test/unit/hostile/fuzz-phases";

const PHASES = { "server attacks": serverAttacks, "precompile calldata": precompileCalls, "actor CBOR via call_actor": actorCalls, "snapshot/revert/mine/tx model": modelSequences };

function positiveNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name}: expected a positive whole number, got ${JSON.stringify(text.slice(0, 40))}`);
  return value;
}

async function main(): Promise<void> {
  const seconds = positiveNumber("FUZZ_SECONDS", 120);
  const seed = positiveNumber("FUZZ_SEED", 1 + Math.floor(Math.random() * 2 ** 31));
  console.log(`fuzzing for ${seconds} s, FUZZ_SEED=${seed}`);
  // A 1 MiB limit so that oversized messages are part of the attack.
  const node = await startNode({ maxRequestBytes: 1024 * 1024 });
  try {
    for (const [name, phase] of Object.entries(PHASES)) {
      const budget: Budget = { count: Number.MAX_SAFE_INTEGER, until: Date.now() + (seconds * 1000) / 4 };
      const done = await phase(node, new Random(seed), budget);
      console.log(`  ${name}: ${done} inputs, no internal error`);
    }
  } finally {
    await node.close();
  }
}

main().catch((e: Error) => {
  console.error(`FAILED: ${e.message}`);
  process.exitCode = 1;
});

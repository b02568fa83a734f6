// Summarises a .cpuprofile (node --cpu-prof): self time by function and by package, so the README
// can say where the time goes. Usage: node bench/profile-summary.js <file.cpuprofile> [top=25]
"use strict";
const { readFileSync } = require("node:fs");

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// Samples under node:inspector are the in-process profiler stopping (bench/cpu-profile.ts), not the workload.
const profilerOwn = new Set();
const markOwn = (node, inside) => {
  const own = inside || node.callFrame.url === "node:inspector";
  if (own) profilerOwn.add(node.id);
  for (const child of node.children ?? []) markOwn(byId.get(child), own);
};
markOwn(profile.nodes[0], false);
const selfMicros = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  if (profilerOwn.has(id)) continue;
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

/** The package a script belongs to (node_modules/<pkg> or @scope/pkg), else our own source folder. */
function packageOf(url) {
  if (!url) return "(native/V8)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const own = /\/(src\/[^/]+|bench|test|tasks)\//.exec(url);
  if (own) return own[1];
  return url.startsWith("node:") ? "node core" : url.split("/").slice(-2).join("/");
}

const byFunction = new Map();
const byPackage = new Map();
for (const [id, micros] of selfMicros) {
  const frame = byId.get(id).callFrame;
  const key = `${frame.functionName || "(anonymous)"} ${packageOf(frame.url)}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  const pkg = frame.url ? packageOf(frame.url) : frame.functionName; // (garbage collector), (program)...
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
}
const show = (title, map) => {
  console.log(`${title} (total ${(total / 1e6).toFixed(2)} s sampled)`);
  for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
};
show("self time by package", byPackage);
show("self time by function", byFunction);

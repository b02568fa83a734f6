// Preloaded into child Node processes (NODE_OPTIONS=--require) when /usr/bin/time is missing:
// reports this process's peak resident set size on exit, for bench/run.ts to collect.
"use strict";
process.on("exit", () => {
  process.stderr.write(`\n[bench] peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});

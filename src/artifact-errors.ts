import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildErrorAbiLookup, type ErrorAbiLookup } from "./provider/revert-message";

/** Every JSON ABI under the artifacts folder (build-info and debug files skipped). */
function readAbis(dir: string): unknown[][] {
  const abis: unknown[][] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "build-info") walk(path);
      } else if (e.name.endsWith(".json") && !e.name.endsWith(".dbg.json")) {
        try {
          const abi = JSON.parse(readFileSync(path, "utf8")).abi;
          if (Array.isArray(abi)) abis.push(abi);
        } catch {
          // Not an artifact: ignore.
        }
      }
    }
  };
  walk(dir);
  return abis;
}

/**
 * Names custom errors in revert messages from the project's compiled artifacts, as Hardhat's own
 * network does. Artifacts are read on first need and again when an unknown selector shows up
 * (the project may have been recompiled), at most once a second.
 */
export function artifactErrorLookup(artifactsDir: string): ErrorAbiLookup {
  let lookup: ErrorAbiLookup | undefined;
  let scannedAt = 0;
  const rescan = () => {
    lookup = buildErrorAbiLookup(readAbis(artifactsDir));
    scannedAt = Date.now();
  };
  return (selector) => {
    if (!lookup) rescan();
    const found = lookup!(selector);
    if (found || Date.now() - scannedAt < 1000) return found;
    rescan();
    return lookup!(selector);
  };
}

import fs from "node:fs";
import path from "node:path";

/** The `solc` npm package (solcjs) that the user's project resolves. */
export interface ProjectSolc {
  version: string;
  soljsonPath: string;
}

/**
 * Resolves `solc` from the project root the way the project's own code would, so it is the
 * package the user installed (or one npm hoisted), never this plugin's or Hardhat's nested copy.
 */
export function findProjectSolc(projectRoot: string): ProjectSolc | undefined {
  let packageJsonPath: string;
  try {
    packageJsonPath = require.resolve("solc/package.json", { paths: [projectRoot] });
  } catch {
    return undefined;
  }
  const { version } = JSON.parse(fs.readFileSync(packageJsonPath, "utf8")) as { version?: unknown };
  const soljsonPath = path.join(path.dirname(packageJsonPath), "soljson.js");
  if (typeof version !== "string" || !fs.existsSync(soljsonPath)) return undefined;
  return { version, soljsonPath };
}

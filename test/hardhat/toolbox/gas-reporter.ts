import { expect } from "chai";
import { execFile } from "node:child_process";
import path from "node:path";
import { config, network } from "hardhat";
import { parseGasTable } from "./support/gas-table";

const PROBE = path.join(__dirname, "gas-reporter", "probe.ts");

describe("gas reporter", function () {
  this.timeout(120_000);

  it("lists each contract's called methods and deployments with REPORT_GAS on the current network", async function () {
    const { stdout } = await runHardhatTest(PROBE, network.name);
    const table = parseGasTable(stdout);

    expect(stdout).to.include("1 passing");
    expect([...table.methods.keys()]).to.include.members(["Counter", "Token"]);
    expect([...table.methods.get("Counter")!.keys()]).to.include.members(["increment", "incrementBy"]);
    expect([...table.methods.get("Token")!.keys()]).to.include.members(["transfer", "approve"]);
    for (const gas of [...table.methods.get("Counter")!.values(), ...table.methods.get("Token")!.values()]) {
      expect(gas).to.be.greaterThan(21_000);
    }
    expect(table.deployments.get("Counter")).to.be.greaterThan(100_000);
    expect(table.deployments.get("Token")).to.be.greaterThan(100_000);
  });
});

/** One child `npx hardhat test` of a single file on the given network, with the gas reporter on. */
function runHardhatTest(testFile: string, networkName: string): Promise<{ stdout: string; stderr: string }> {
  const args = ["hardhat", "test", "--no-compile", testFile, "--network", networkName];
  const env = { ...process.env, REPORT_GAS: "1", NO_COLOR: "1", FORCE_COLOR: "0" };
  return new Promise((resolve, reject) => {
    execFile("npx", args, { cwd: config.paths.root, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`npx ${args.join(" ")} failed (${error.message.split("\n")[0]}):\n${stdout}\n${stderr}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

// Start-up: resolving the config runs on every `hardhat` command, filecoin used or not, so it must
// not load the emulator (issue: a config check once pulled in the actors and @ethereumjs/evm).
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { isPrivateKey } from "../../../src/chain/private-key";

/** The modules under node_modules that requiring `file` loads, by package. */
function packagesLoadedBy(file: string): string[] {
  const script = `require("ts-node/register/transpile-only"); require(${JSON.stringify(file)});
    const names = Object.keys(require.cache).map((p) => (p.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)/) || [])[1]).filter(Boolean);
    process.stdout.write(JSON.stringify([...new Set(names)]));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: process.cwd(), encoding: "utf8" }));
}

describe("what the config loads", function () {
  it("resolving and validating the fevm config loads neither the EVM nor the actors' dependencies", function () {
    const loaded = packagesLoadedBy("./src/config/resolve");
    for (const heavy of ["@ethereumjs/evm", "@ethereumjs/vm", "@ethereumjs/util", "@noble/curves", "mcl-wasm"]) expect(loaded).to.not.include(heavy);
  });

  it("checks private keys against secp256k1's group order", function () {
    const n = secp256k1.Point.CURVE().n;
    expect(isPrivateKey(`0x${(n - 1n).toString(16)}`)).to.equal(true);
    expect(isPrivateKey(`0x${n.toString(16)}`)).to.equal(false);
    expect(isPrivateKey(`0x${"0".repeat(64)}`)).to.equal(false);
  });
});

import { expect } from "chai";
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { SolcjsMode } from "../../../src/config/types";

const FIXTURE = path.join(__dirname, "..", "..", "fixtures", "offline-compile");
const HARDHAT_CLI = require.resolve("hardhat/internal/cli/cli");
const solcVersion = (JSON.parse(fs.readFileSync(require.resolve("solc/package.json"), "utf8")) as { version: string }).version;

/**
 * Through this proxy Hardhat's compiler download waits ~300 s for an answer that never comes
 * (measured with hardhat 2.29.1): it stands for a firewalled CI runner.
 */
function startHangingProxy(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
        close: () => {
          sockets.forEach((socket) => socket.destroy());
          return new Promise((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

interface CompileRun {
  output: string;
  seconds: number;
  artifacts: string;
}

/** `hardhat compile` in the fixture with an empty Hardhat cache (its own HOME) and no internet. */
function compileFixture(mode: SolcjsMode, work: string, proxyUrl: string): Promise<CompileRun> {
  const home = path.join(work, mode, "home");
  const out = path.join(work, mode, "out");
  const env = {
    ...process.env,
    HOME: home,
    USERPROFILE: home,
    XDG_CACHE_HOME: path.join(home, "cache"),
    XDG_CONFIG_HOME: path.join(home, "config"),
    XDG_DATA_HOME: path.join(home, "data"),
    LOCALAPPDATA: path.join(home, "local"),
    APPDATA: path.join(home, "roaming"),
    http_proxy: proxyUrl,
    HARDHAT_DISABLE_TELEMETRY_PROMPT: "true",
    FIXTURE_SOLCJS: mode,
    FIXTURE_OUT: out,
  };
  const started = Date.now();
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [HARDHAT_CLI, "compile"], { cwd: FIXTURE, env, timeout: 200_000 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error !== null) reject(new Error(`hardhat compile (${mode}) failed after ${(Date.now() - started) / 1000} s:\n${output}`));
      else resolve({ output, seconds: (Date.now() - started) / 1000, artifacts: path.join(out, "artifacts") });
    }),
  );
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

describe("compiling the fixture project without internet", function () {
  // Two `hardhat compile` runs in parallel: ~5 s on an idle machine, more on a busy one.
  this.timeout(240_000);
  let work: string;
  let proxy: Awaited<ReturnType<typeof startHangingProxy>>;
  let always: CompileRun;
  let fallback: CompileRun;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "fevm-offline-compile-"));
    proxy = await startHangingProxy();
    [always, fallback] = await Promise.all([
      compileFixture("always", work, proxy.url),
      compileFixture("fallback", work, proxy.url),
    ]);
  });

  after(async () => {
    await proxy?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('with fevm.solcjs = "always", compiles with the project\'s solc package and never tries a download', () => {
    const artifact = readJson<{ contractName: string; bytecode: string }>(
      path.join(always.artifacts, "contracts", "Greeter.sol", "Greeter.json"),
    );
    expect(artifact.contractName).to.equal("Greeter");
    expect(artifact.bytecode).to.match(/^0x[0-9a-f]{100,}$/);
    expect(always.output).to.contain("Compiled 1 Solidity file successfully");
    expect(always.output).not.to.contain("Downloading compiler");
  });

  it("records the solc long version in build-info, as verification needs", () => {
    const buildInfoDir = path.join(always.artifacts, "build-info");
    const [buildInfo] = fs.readdirSync(buildInfoDir);
    const { solcVersion: recorded, solcLongVersion } = readJson<{ solcVersion: string; solcLongVersion: string }>(
      path.join(buildInfoDir, buildInfo),
    );
    expect(recorded).to.equal(solcVersion);
    expect(solcLongVersion).to.match(new RegExp(`^${solcVersion.replace(/\./g, "\\.")}\\+commit\\.[0-9a-f]{8}$`));
  });

  it("by default, compiles with the project's solc package instead of waiting on a download that hangs", () => {
    expect(fs.existsSync(path.join(fallback.artifacts, "contracts", "Greeter.sol", "Greeter.json"))).to.equal(true);
    expect(fallback.output).to.contain(
      `solc ${solcVersion} is not in Hardhat's compiler cache: compiling with the project's solc package (solcjs) instead of downloading it`,
    );
    expect(fallback.output).not.to.contain("Downloading compiler");
    // Hardhat's own download through this proxy gives up only after ~300 s.
    expect(fallback.seconds).to.be.below(120);
  });
});

import { expect } from "chai";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { npmRegistryUrl, PUBLIC_NPM_REGISTRY } from "../../../tasks/solcjs/npm-registry";
import { installedNpmSolcjsBuild, npmSolcjsBuild, NPM_SOLCJS_DIR } from "../../../tasks/solcjs/npm-solcjs";
import { readPackageFiles } from "../../../tasks/solcjs/tarball";

const solcDir = path.dirname(require.resolve("solc/package.json"));
const solcVersion = (JSON.parse(fs.readFileSync(path.join(solcDir, "package.json"), "utf8")) as { version: string }).version;

/** A registry on 127.0.0.1 serving one solc version's document and tarball, with a request log. */
class LocalRegistry {
  readonly requests: string[] = [];
  /** What the version document claims the tarball's integrity is. */
  integrity: string;
  private readonly server: http.Server;

  constructor(readonly tarball: Buffer) {
    this.integrity = `sha512-${createHash("sha512").update(tarball).digest("base64")}`;
    this.server = http.createServer((req, res) => this.answer(req, res));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  listen(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests.push(req.url ?? "");
    if (req.url === `/solc/${solcVersion}`) {
      const dist = { tarball: `${this.url}solc/-/solc-${solcVersion}.tgz`, integrity: this.integrity };
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ name: "solc", version: solcVersion, dist }));
    } else if (req.url === `/solc/-/solc-${solcVersion}.tgz`) {
      res.end(this.tarball);
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: "Not found" }));
    }
  }
}

describe("solcjs from the npm registry", function () {
  this.timeout(30_000);
  let work: string;
  let registry: LocalRegistry;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "fevm-npm-solcjs-"));
    // The same kind of tarball the registry serves: npm packs the installed solc package.
    const { stdout } = await promisify(execFile)(
      "npm",
      ["pack", solcDir, "--ignore-scripts", "--silent", "--pack-destination", work],
      { shell: process.platform === "win32" },
    );
    registry = new LocalRegistry(fs.readFileSync(path.join(work, stdout.trim().split("\n").pop()!)));
    await registry.listen();
  });

  after(async () => {
    await registry.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  beforeEach(() => {
    registry.requests.length = 0;
    registry.integrity = `sha512-${createHash("sha512").update(registry.tarball).digest("base64")}`;
  });

  it("installs a verified solcjs into Hardhat's compilers cache and reuses it without the network", async () => {
    const compilersDir = path.join(work, "compilers-ok");
    const build = await npmSolcjsBuild(solcVersion, compilersDir, registry.url);

    const installDir = path.join(compilersDir, NPM_SOLCJS_DIR, solcVersion);
    expect(build.version).to.equal(solcVersion);
    expect(build.isSolcJs).to.equal(true);
    expect(build.compilerPath).to.equal(path.join(installDir, "soljson.js"));
    expect(build.longVersion).to.match(new RegExp(`^${solcVersion.replace(/\./g, "\\.")}\\+commit\\.[0-9a-f]{8}$`));
    expect(fs.readFileSync(build.compilerPath).equals(fs.readFileSync(path.join(solcDir, "soljson.js")))).to.equal(true);
    expect(registry.requests).to.deep.equal([`/solc/${solcVersion}`, `/solc/-/solc-${solcVersion}.tgz`]);
    expect(fs.readdirSync(path.dirname(installDir))).to.deep.equal([solcVersion]);

    expect(await installedNpmSolcjsBuild(solcVersion, compilersDir)).to.deep.equal(build);
    expect(registry.requests).to.have.length(2);
  });

  it("refuses a tarball whose sha512 differs from the registry's integrity, and installs nothing", async () => {
    registry.integrity = `sha512-${createHash("sha512").update("something else").digest("base64")}`;
    const compilersDir = path.join(work, "compilers-tampered");

    let message = "";
    await npmSolcjsBuild(solcVersion, compilersDir, registry.url).catch((e: Error) => (message = e.message));

    expect(message).to.equal(
      `${registry.url}solc/-/solc-${solcVersion}.tgz does not match the registry's integrity checksum ` +
        `(expected ${registry.integrity}, got sha512-${createHash("sha512").update(registry.tarball).digest("base64")}); ` +
        "it was not used",
    );
    expect(await installedNpmSolcjsBuild(solcVersion, compilersDir)).to.equal(undefined);
    expect(fs.existsSync(path.join(compilersDir, NPM_SOLCJS_DIR, solcVersion))).to.equal(false);
  });

  it("says when the registry does not have the version", async () => {
    let message = "";
    await npmSolcjsBuild("0.8.99", path.join(work, "compilers-missing"), registry.url).catch(
      (e: Error) => (message = e.message),
    );
    expect(message).to.equal(`solc@0.8.99 is not published on ${registry.url}`);
  });

  it("says which address could not be reached", async () => {
    const closed = new LocalRegistry(Buffer.alloc(0));
    await closed.listen();
    const url = closed.url;
    await closed.close();
    let message = "";
    await npmSolcjsBuild(solcVersion, path.join(work, "compilers-down"), url).catch((e: Error) => (message = e.message));
    expect(message).to.match(new RegExp(`^${url}solc/${solcVersion.replace(/\./g, "\\.")}: connect ECONNREFUSED`));
  });

  it("uses the registry npm is configured with", async () => {
    expect(await npmRegistryUrl(work, { npm_config_registry: "http://127.0.0.1:4873" })).to.equal("http://127.0.0.1:4873/");
    expect(PUBLIC_NPM_REGISTRY).to.equal("https://registry.npmjs.org/");
  });
});

describe("reading files out of a package tarball", () => {
  /** A tar header block with the fields the reader relies on. */
  function header(name: string, size: number, type: string): Buffer {
    const block = Buffer.alloc(512);
    block.write(name, 0, 100, "utf8");
    block.write(size.toString(8).padStart(11, "0"), 124, 12, "ascii");
    block.write(type, 156, 1, "ascii");
    block.write("ustar", 257, 6, "ascii");
    return block;
  }
  function entry(name: string, body: Buffer, type = "0"): Buffer {
    const padding = Buffer.alloc((512 - (body.length % 512)) % 512);
    return Buffer.concat([header(name, body.length, type), body, padding]);
  }
  /** A pax extended header: `<length of the whole record> path=<name>\n`. */
  function paxPath(name: string): Buffer {
    const text = ` path=${name}\n`;
    let length = text.length;
    while (String(length).length + text.length !== length) length += 1;
    return entry("PaxHeader", Buffer.from(`${length}${text}`), "x");
  }

  it("takes names from pax headers, which win over the (truncated) ustar names", () => {
    const deepDir = "d".repeat(120);
    const tgz = gzipSync(
      Buffer.concat([
        entry("package/package.json", Buffer.from('{"name":"solc"}')),
        // A soljson.js deeper in the package whose ustar name was cut to "package/soljson.js".
        paxPath(`package/${deepDir}/soljson.js`),
        entry("package/soljson.js", Buffer.from("not the root soljson.js")),
        paxPath("package/soljson.js"),
        entry("package/PaxHeaders/cut", Buffer.from("var Module = {};")),
        Buffer.alloc(1024),
      ]),
    );
    const files = readPackageFiles(tgz, ["package.json", "soljson.js"]);
    expect([...files.keys()].sort()).to.deep.equal(["package.json", "soljson.js"]);
    expect(files.get("soljson.js")!.toString()).to.equal("var Module = {};");
  });

  it("rejects a truncated tarball", () => {
    const whole = entry("package/soljson.js", Buffer.alloc(2000, 1));
    expect(() => readPackageFiles(gzipSync(whole.subarray(0, 1000)), ["soljson.js"])).to.throw(
      "the package tarball is truncated",
    );
  });
});

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export const PUBLIC_NPM_REGISTRY = "https://registry.npmjs.org/";

/** A registry that stops sending bytes for this long is given up on (it would otherwise hang). */
const IDLE_TIMEOUT_MS = 15_000;

/**
 * The registry npm itself would use in this project: `npm_config_registry` (npm and npx export
 * it to scripts, and it overrides .npmrc), else `npm config get registry` run in the project
 * (reads the project's and the user's .npmrc), else the public registry.
 */
export async function npmRegistryUrl(
  projectRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string> {
  const fromEnv = env.npm_config_registry ?? env.NPM_CONFIG_REGISTRY;
  if (fromEnv !== undefined && fromEnv.trim() !== "") return withTrailingSlash(fromEnv.trim());
  try {
    const { stdout } = await execFileAsync("npm", ["config", "get", "registry"], {
      cwd: projectRoot,
      timeout: 10_000,
      shell: process.platform === "win32",
    });
    const url = stdout.trim();
    if (/^https?:\/\//.test(url)) return withTrailingSlash(url);
  } catch {
    // npm missing or broken: fall through to the public registry.
  }
  return PUBLIC_NPM_REGISTRY;
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

export interface PublishedTarball {
  url: string;
  /** Subresource-integrity string from the registry, e.g. `sha512-<base64>`. */
  integrity: string;
}

/** Where `name@version`'s tarball is and its checksum, from the registry's version document. */
export async function publishedTarball(registry: string, name: string, version: string): Promise<PublishedTarball> {
  const url = new URL(`${encodeURIComponent(name)}/${encodeURIComponent(version)}`, registry).href;
  const response = await fetchBytes(url, { accept: "application/json" });
  if (response.status === 404) throw new Error(`${name}@${version} is not published on ${registry}`);
  if (response.status !== 200) throw new Error(`${url} answered HTTP ${response.status}`);
  let dist: { tarball?: unknown; integrity?: unknown } | undefined;
  try {
    dist = (JSON.parse(response.body.toString("utf8")) as { dist?: typeof dist }).dist;
  } catch {
    throw new Error(`${url} did not answer with JSON`);
  }
  if (typeof dist?.tarball !== "string") throw new Error(`${url} names no tarball for ${name}@${version}`);
  if (typeof dist.integrity !== "string") {
    throw new Error(`${url} gives no integrity checksum for ${name}@${version}; refusing an unverifiable download`);
  }
  return { url: dist.tarball, integrity: dist.integrity };
}

/** Downloads a tarball and checks it against the registry's sha512 integrity. */
export async function downloadVerifiedTarball(tarball: PublishedTarball): Promise<Buffer> {
  const expected = tarball.integrity
    .split(/\s+/)
    .filter((entry) => entry.startsWith("sha512-"))
    .map((entry) => entry.slice("sha512-".length).replace(/\?.*$/, ""));
  if (expected.length === 0) {
    throw new Error(`the registry gives no sha512 integrity for ${tarball.url} (${tarball.integrity})`);
  }
  const response = await fetchBytes(tarball.url, {});
  if (response.status !== 200) throw new Error(`${tarball.url} answered HTTP ${response.status}`);
  const actual = createHash("sha512").update(response.body).digest("base64");
  if (!expected.includes(actual)) {
    throw new Error(
      `${tarball.url} does not match the registry's integrity checksum (expected sha512-${expected[0]}, ` +
        `got sha512-${actual}); it was not used`,
    );
  }
  return response.body;
}

interface FetchedBytes {
  status: number;
  body: Buffer;
}

/** GET with a timeout that restarts with every chunk received, so slow links still work. */
async function fetchBytes(url: string, headers: Record<string, string>): Promise<FetchedBytes> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const restartTimer = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), IDLE_TIMEOUT_MS);
  };
  restartTimer();
  try {
    const response = await fetch(url, { headers, signal: controller.signal });
    const chunks: Buffer[] = [];
    if (response.body !== null) {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        restartTimer();
        chunks.push(Buffer.from(chunk));
      }
    }
    return { status: response.status, body: Buffer.concat(chunks) };
  } catch (e) {
    if (controller.signal.aborted) throw new Error(`${url}: no data for ${IDLE_TIMEOUT_MS / 1000} s`);
    throw new Error(`${url}: ${networkReason(e)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** undici reports "fetch failed" and puts the useful part (ENOTFOUND host, ECONNREFUSED) in `cause`. */
function networkReason(e: unknown): string {
  const cause = (e as { cause?: { message?: unknown } }).cause;
  if (typeof cause?.message === "string") return cause.message;
  return e instanceof Error ? e.message : String(e);
}

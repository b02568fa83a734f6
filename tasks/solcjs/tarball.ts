import { gunzipSync } from "node:zlib";

const BLOCK = 512;

/**
 * Reads the named files out of an npm package tarball (.tgz). Names are relative to the package
 * folder: npm strips the first path component (usually `package/`), and so do we. Handles the
 * ustar, pax (`x`) and GNU long-name (`L`) headers npm and other packers write.
 */
export function readPackageFiles(tgz: Uint8Array, names: readonly string[]): Map<string, Buffer> {
  const tar = gunzipSync(tgz);
  const wanted = new Set(names);
  const files = new Map<string, Buffer>();
  let longName: string | undefined;

  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = readOctal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156]);
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    if (body.length !== size) throw new Error("the package tarball is truncated");
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;

    if (type === "x" || type === "L") {
      longName = type === "x" ? paxPath(body) ?? longName : cString(body);
      continue;
    }
    const name = longName ?? ustarName(header);
    longName = undefined;
    const inPackage = name.split("/").slice(1).join("/");
    if ((type === "0" || type === "\0") && wanted.has(inPackage)) files.set(inPackage, Buffer.from(body));
  }
  return files;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.toString("utf8", 0, end === -1 ? bytes.length : end);
}

function readOctal(field: Buffer): number {
  const text = cString(field).trim();
  if (!/^[0-7]+$/.test(text)) throw new Error(`the package tarball has a malformed entry size ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

/** ustar splits long paths into `prefix` (offset 345) and `name` (offset 0). */
function ustarName(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const isUstar = cString(header.subarray(257, 263)) === "ustar";
  const prefix = isUstar ? cString(header.subarray(345, 500)) : "";
  return prefix === "" ? name : `${prefix}/${name}`;
}

/** The `path` record of a pax header: records `<byte length> <key>=<value>\n`. */
function paxPath(body: Buffer): string | undefined {
  for (let i = 0; i < body.length; ) {
    const space = body.indexOf(0x20, i);
    const length = space === -1 ? NaN : Number(body.toString("ascii", i, space));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = body.toString("utf8", space + 1, i + length - 1);
    if (record.startsWith("path=")) return record.slice("path=".length);
    i += length;
  }
  return undefined;
}

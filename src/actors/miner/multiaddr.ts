/**
 * Multiaddrs between their text form ("/ip4/127.0.0.1/tcp/24001") and the binary form a miner
 * stores (what `lotus-miner actor set-addrs` sends): per component uvarint(protocol code), then
 * the value — fixed-size for addresses and ports, uvarint length + bytes for names and peer ids.
 * Codes from multiformats/multiaddr `protocols.csv`; the protocols storage providers announce.
 */
import { base58btc } from "multiformats/bases/base58";
import { bytesToHex, decodeHex } from "../../fil";
import { concatBytes } from "../../fil/bytes";
import { encodeUvarint, readUvarint } from "../../fil/uvarint";

export class InvalidMultiaddrError extends Error {
  constructor(input: string, detail: string) {
    super(`${JSON.stringify(input)} is not a multiaddr: ${detail} (write e.g. "/ip4/127.0.0.1/tcp/24001", or 0x-hex of the binary form)`);
    this.name = "InvalidMultiaddrError";
  }
}

interface Codec {
  /** Text value → bytes (throws a plain Error describing the problem). */
  parse(text: string): Uint8Array;
  format(bytes: Uint8Array): string;
}

interface Protocol {
  code: number;
  name: string;
  /** Byte length of the value; "var" = uvarint length prefix; 0 = no value. */
  size: number | "var";
  codec?: Codec;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: true });

const port: Codec = {
  parse(text) {
    if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new Error(`port ${JSON.stringify(text)} is not 0–65535`);
    return Uint8Array.of(Number(text) >> 8, Number(text) & 0xff);
  },
  format: (bytes) => String((bytes[0] << 8) | bytes[1]),
};

const ip4: Codec = {
  parse(text) {
    const parts = text.split(".");
    if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) throw new Error(`${JSON.stringify(text)} is not an IPv4 address`);
    return Uint8Array.from(parts.map(Number));
  },
  format: (bytes) => Array.from(bytes).join("."),
};

const ip6: Codec = {
  parse(text) {
    const bad = () => new Error(`${JSON.stringify(text)} is not an IPv6 address`);
    const halves = text.split("::");
    if (halves.length > 2) throw bad();
    const groups = (half: string): number[] => {
      if (half === "") return [];
      const parts = half.split(":");
      const out: number[] = [];
      for (const [i, part] of parts.entries()) {
        if (i === parts.length - 1 && part.includes(".")) {
          const v4 = ip4.parse(part);
          out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
        } else if (/^[0-9a-f]{1,4}$/i.test(part)) out.push(parseInt(part, 16));
        else throw bad();
      }
      return out;
    };
    const head = groups(halves[0]);
    const tail = halves.length === 2 ? groups(halves[1]) : [];
    const missing = 8 - head.length - tail.length;
    if (halves.length === 2 ? missing < 1 : missing !== 0) throw bad();
    const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
    return Uint8Array.from(all.flatMap((g) => [g >> 8, g & 0xff]));
  },
  /** RFC 5952: lowercase, longest run of two or more zero groups as "::". */
  format(bytes) {
    const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1]);
    let best = { start: -1, length: 1 };
    for (let i = 0; i < 8; ) {
      let j = i;
      while (j < 8 && groups[j] === 0) j++;
      if (j - i > best.length) best = { start: i, length: j - i };
      i = j === i ? i + 1 : j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (best.start < 0) return hex.join(":");
    return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
  },
};

const text: Codec = {
  parse(value) {
    if (value === "") throw new Error("the value is empty");
    return utf8.encode(value);
  },
  format: (bytes) => fromUtf8.decode(bytes),
};

const peerIdValue: Codec = {
  parse: (value) => base58btc.baseDecode(value),
  format: (bytes) => base58btc.baseEncode(bytes),
};

const PROTOCOLS: readonly Protocol[] = [
  { code: 4, name: "ip4", size: 4, codec: ip4 },
  { code: 6, name: "tcp", size: 2, codec: port },
  { code: 33, name: "dccp", size: 2, codec: port },
  { code: 41, name: "ip6", size: 16, codec: ip6 },
  { code: 53, name: "dns", size: "var", codec: text },
  { code: 54, name: "dns4", size: "var", codec: text },
  { code: 55, name: "dns6", size: "var", codec: text },
  { code: 56, name: "dnsaddr", size: "var", codec: text },
  { code: 132, name: "sctp", size: 2, codec: port },
  { code: 273, name: "udp", size: 2, codec: port },
  { code: 290, name: "p2p-circuit", size: 0 },
  { code: 421, name: "p2p", size: "var", codec: peerIdValue },
  { code: 443, name: "https", size: 0 },
  { code: 448, name: "tls", size: 0 },
  { code: 449, name: "sni", size: "var", codec: text },
  { code: 460, name: "quic", size: 0 },
  { code: 461, name: "quic-v1", size: 0 },
  { code: 465, name: "webtransport", size: 0 },
  { code: 477, name: "ws", size: 0 },
  { code: 478, name: "wss", size: 0 },
  { code: 480, name: "http", size: 0 },
];

const BY_NAME = new Map(PROTOCOLS.map((p) => [p.name, p] as const).concat([["ipfs", PROTOCOLS.find((p) => p.name === "p2p")!]]));
const BY_CODE = new Map(PROTOCOLS.map((p) => [p.code, p] as const));

/** Text multiaddr (or 0x-hex of the binary form) → binary form. */
export function multiaddrToBytes(input: string): Uint8Array {
  if (/^0x/i.test(input)) {
    const bytes = decodeHex(input);
    if (bytes === undefined || bytes.length === 0) throw new InvalidMultiaddrError(input, "the hex is malformed or empty");
    return bytes;
  }
  if (!input.startsWith("/")) throw new InvalidMultiaddrError(input, "it must start with /");
  const parts = input.split("/").slice(1);
  if (parts.length === 0 || parts[0] === "") throw new InvalidMultiaddrError(input, "it names no protocol");
  const out: Uint8Array[] = [];
  for (let i = 0; i < parts.length; i++) {
    const protocol = BY_NAME.get(parts[i]);
    if (protocol === undefined) throw new InvalidMultiaddrError(input, `unknown protocol ${JSON.stringify(parts[i])}; known: ${PROTOCOLS.map((p) => p.name).join(", ")}`);
    out.push(encodeUvarint(protocol.code));
    if (protocol.size === 0) continue;
    const value = parts[++i];
    if (value === undefined) throw new InvalidMultiaddrError(input, `/${protocol.name} needs a value`);
    let bytes: Uint8Array;
    try {
      bytes = protocol.codec!.parse(value);
    } catch (e) {
      throw new InvalidMultiaddrError(input, `/${protocol.name}: ${(e as Error).message}`);
    }
    out.push(protocol.size === "var" ? concatBytes(encodeUvarint(bytes.length), bytes) : bytes);
  }
  return concatBytes(...out);
}

/** Binary form → text; 0x-hex when the bytes are not a multiaddr of the protocols above. */
export function multiaddrToString(bytes: Uint8Array): string {
  const parts: string[] = [];
  let at = 0;
  while (at < bytes.length) {
    const code = readUvarint(bytes, at);
    const protocol = code.ok ? BY_CODE.get(Number(code.value)) : undefined;
    if (!code.ok || protocol === undefined) return `0x${bytesToHex(bytes)}`;
    at = code.next;
    parts.push(protocol.name);
    if (protocol.size === 0) continue;
    let length = protocol.size;
    if (length === "var") {
      const n = readUvarint(bytes, at);
      if (!n.ok) return `0x${bytesToHex(bytes)}`;
      length = Number(n.value);
      at = n.next;
    }
    if (at + length > bytes.length) return `0x${bytesToHex(bytes)}`;
    try {
      parts.push(protocol.codec!.format(bytes.subarray(at, at + length)));
    } catch {
      return `0x${bytesToHex(bytes)}`;
    }
    at += length;
  }
  return parts.length === 0 ? "0x" : `/${parts.join("/")}`;
}

/**
 * RFC 4648 base32, lowercase alphabet, no padding: the encoding of Filecoin address strings.
 * Decoding is canonical: only `a-z2-7`, no impossible lengths, unused trailing bits zero, so
 * every address has exactly one string form.
 */

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((char, i) => [char, i]));

export function encodeBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0x1fff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export type Base32Decode =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly problem: string };

export function decodeBase32(text: string): Base32Decode {
  // Lengths 1, 3 and 6 (mod 8) leave a partial byte no encoder produces.
  if ([1, 3, 6].includes(text.length % 8)) {
    return { ok: false, problem: `has an impossible base32 length (${text.length} characters)` };
  }
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUES.get(text[i]);
    if (value === undefined) {
      return {
        ok: false,
        problem: `contains ${JSON.stringify(text[i])}, which is not lowercase base32 (a-z, 2-7)`,
      };
    }
    buffer = ((buffer << 5) | value) & 0x1fff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) {
    return { ok: false, problem: "is not canonical base32 (its unused trailing bits are not zero)" };
  }
  return { ok: true, bytes: out };
}

/**
 * Test cases for ecRecover (0x01) and P256VERIFY (0x0100, EIP-7951), generated at test time from
 * fixed seeds. Each expected output follows from how its case was built: the signer's own key, the
 * verification equation (crafted-signatures.ts) or the input rules. Nothing asks the precompile,
 * or the verifier it wraps, what the answer should be.
 */
import type { WeierstrassPoint } from "@noble/curves/abstract/weierstrass.js";
import { p256 } from "@noble/curves/nist.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { firstPointFrom, hasPointAt, keyFor, signatureFor } from "./crafted-signatures";
import { bytes, hex, rng, word } from "./support";

type Point = WeierstrassPoint<bigint>;

/** One call: the input and what the caller must get back, both 0x-hex ("0x" is EMPTY output). */
export interface PrecompileCase {
  name: string;
  input: string;
  expected: string;
}

/** The cases that show one behaviour, which `behaviour` states in the words of a test name. */
export interface CaseFamily {
  behaviour: string;
  cases: PrecompileCase[];
}

const EMPTY = "0x";
const WORD_MAX = (1n << 256n) - 1n;

/** Seeded randomness: words, scalars in [1, n) and 64-bit values. */
function randomSource(seed: number) {
  const random = rng(seed);
  const wordOf = (length: number) => BigInt(hex(random(length)));
  return {
    bytes: random,
    word: () => wordOf(32),
    scalar: (n: bigint) => (wordOf(32) % (n - 1n)) + 1n,
    small: () => wordOf(8) | 1n,
  };
}

const wordBytes = (value: bigint) => bytes(`0x${word(value)}`);
const cut = (input: string, length: number) => input.slice(0, 2 + 2 * length);
const empty = (name: string, input: string): PrecompileCase => ({ name, input, expected: EMPTY });

// ---- ecRecover -------------------------------------------------------------------------------

const K1 = secp256k1.Point;
const K1_N = K1.Fn.ORDER;

/** The 128-byte ecRecover input. */
interface RecoverRequest {
  hash: bigint;
  v: bigint;
  r: bigint;
  s: bigint;
}

interface Recoverable {
  name: string;
  request: RecoverRequest;
  signer: Point;
}

const recoverInput = ({ hash, v, r, s }: RecoverRequest) => `0x${word(hash)}${word(v)}${word(r)}${word(s)}`;

/** ecRecover's answer for a key: the last 20 bytes of keccak-256 of its 64-byte form, left-padded to a word. */
const addressWord = (key: Point) => `0x${"00".repeat(12)}${hex(keccak_256(key.toBytes(false).subarray(1)).subarray(12)).slice(2)}`;

const recovers = ({ name, request, signer }: Recoverable): PrecompileCase => ({ name, input: recoverInput(request), expected: addressWord(signer) });

/** v names the parity of the nonce point's y; Ethereum's v cannot name R.x = r + n, so R.x < n here. */
function craftRecoverable(name: string, nonce: Point, hash: bigint, s: bigint): Recoverable {
  return { name, request: { hash, v: 27n + (nonce.y & 1n), r: nonce.x, s }, signer: keyFor(K1, nonce, hash, s) };
}

function generateEcRecoverCases(): CaseFamily[] {
  const random = randomSource(0xec01);
  const signed = Array.from({ length: 8 }, (_, i): Recoverable => {
    const secret = random.scalar(K1_N);
    const hash = random.word();
    const signature = secp256k1.Signature.fromBytes(secp256k1.sign(wordBytes(hash), wordBytes(secret), { prehash: false, format: "recovered" }), "recovered");
    const v = 27n + BigInt(signature.recovery!);
    return { name: `signature #${i} (v = ${v})`, request: { hash, v, r: signature.r, s: signature.s }, signer: K1.BASE.multiply(secret) };
  });
  const [first, second] = signed;
  const nonce = () => K1.BASE.multiply(random.scalar(K1_N));
  const smallR = craftRecoverable("small r", firstPointFrom(K1, 1n), random.word(), random.scalar(K1_N));
  const smallS = craftRecoverable("64-bit s", nonce(), random.word(), random.small());
  const zeroTail = craftRecoverable("s ending in two zero bytes", nonce(), random.word(), (random.scalar(K1_N) >> 16n) << 16n);
  const otherV = (v: bigint) => 55n - v;
  const pointlessR = () => {
    let r = random.scalar(K1_N);
    while (hasPointAt(K1, r)) r = random.scalar(K1_N);
    return r;
  };

  return [
    { behaviour: "recovers the signer of a valid signature as a left-padded address", cases: signed.map(recovers) },
    {
      behaviour: "recovers the same signer from the high-s twin (r, n − s, other v): s above n/2 is accepted",
      cases: signed.slice(0, 4).map((c) => recovers({ ...c, name: `high-s twin of ${c.name}`, request: { ...c.request, v: otherV(c.request.v), s: K1_N - c.request.s } })),
    },
    {
      // Flipping v swaps the nonce point R for −R, which belongs to another key.
      behaviour: "recovers another key, not the signer, when v names the other parity",
      cases: signed.slice(0, 2).map((c) => {
        const { hash, v, r, s } = c.request;
        const evenR = firstPointFrom(K1, r);
        return recovers({ name: `${c.name} with v = ${otherV(v)}`, request: { ...c.request, v: otherV(v) }, signer: keyFor(K1, v === 27n ? evenR.negate() : evenR, hash, s) });
      }),
    },
    {
      behaviour: "recovers the signer of crafted signatures: small r or s, s = 1, a hash of 0 or above n",
      cases: [
        smallR,
        smallS,
        zeroTail,
        craftRecoverable("s = 1", nonce(), random.word(), 1n),
        craftRecoverable("hash = 0", nonce(), 0n, random.scalar(K1_N)),
        craftRecoverable("hash = 2²⁵⁶ − 1, above n (taken mod n)", nonce(), WORD_MAX, random.scalar(K1_N)),
      ].map(recovers),
    },
    {
      behaviour: "answers EMPTY for a v that is not 27 or 28 as a whole word",
      cases: ([
        ["0", 0n],
        ["1", 1n],
        ["26", 26n],
        ["29", 29n],
        ["27 + 2⁸", 27n + (1n << 8n)],
        ["27 with a non-zero high byte", 27n + (1n << 248n)],
        ["28 + 2²⁵⁵", 28n + (1n << 255n)],
        ["2²⁵⁶ − 1", WORD_MAX],
      ] as const).map(([label, v]) => empty(`${first.name} with v = ${label}`, recoverInput({ ...first.request, v }))),
    },
    {
      behaviour: "answers EMPTY for r or s outside [1, n), even where r or s mod n would recover a key",
      cases: [
        empty("r = 0", recoverInput({ ...first.request, r: 0n })),
        empty("s = 0", recoverInput({ ...first.request, s: 0n })),
        empty("r = n", recoverInput({ ...first.request, r: K1_N })),
        empty("s = n", recoverInput({ ...first.request, s: K1_N })),
        empty("r = 2²⁵⁶ − 1", recoverInput({ ...first.request, r: WORD_MAX })),
        empty("s = 2²⁵⁶ − 1", recoverInput({ ...first.request, s: WORD_MAX })),
        empty("small r + n", recoverInput({ ...smallR.request, r: smallR.request.r + K1_N })),
        empty("64-bit s + n", recoverInput({ ...smallS.request, s: smallS.request.s + K1_N })),
        empty("r ≥ n that is the x of a curve point", recoverInput({ ...first.request, r: firstPointFrom(K1, K1_N).x })),
      ],
    },
    {
      behaviour: "answers EMPTY for an r that is the x of no curve point",
      cases: [pointlessR(), pointlessR()].flatMap((r, i) => [27n, 28n].map((v) => empty(`point-less r #${i}, v = ${v}`, recoverInput({ ...first.request, r, v })))),
    },
    {
      behaviour: "zero-pads input shorter than 128 bytes, so it recovers when the missing bytes were zeros",
      cases: [
        ...[0, 32, 63, 64, 96].map((length) => empty(`${first.name} cut to ${length} bytes`, cut(recoverInput(first.request), length))),
        ...[127, 126].map((length) => ({ ...recovers(zeroTail), name: `${zeroTail.name} cut to ${length} bytes`, input: cut(recoverInput(zeroTail.request), length) })),
      ],
    },
    {
      behaviour: "ignores input bytes past the first 128",
      cases: [1, 32, 64].map((extra) => ({ ...recovers(second), name: `${second.name} + ${extra} bytes`, input: recoverInput(second.request) + hex(random.bytes(extra)).slice(2) })),
    },
  ];
}

// ---- P256VERIFY ------------------------------------------------------------------------------

const R1 = p256.Point;
const R1_N = R1.Fn.ORDER;
const R1_P = R1.Fp.ORDER;
const VALID = `0x${word(1n)}`;

/** The 160-byte EIP-7951 input. */
interface VerifyRequest {
  hash: bigint;
  r: bigint;
  s: bigint;
  qx: bigint;
  qy: bigint;
}

interface Verifiable {
  name: string;
  request: VerifyRequest;
}

const verifyInput = ({ hash, r, s, qx, qy }: VerifyRequest) => `0x${word(hash)}${word(r)}${word(s)}${word(qx)}${word(qy)}`;
const withKey = (signature: { hash: bigint; r: bigint; s: bigint }, key: Point): VerifyRequest => ({ ...signature, qx: key.x, qy: key.y });
const verifies = ({ name, request }: Verifiable): PrecompileCase => ({ name, input: verifyInput(request), expected: VALID });

function signP256(name: string, secret: bigint, hash: bigint): Verifiable {
  const { r, s } = p256.Signature.fromBytes(p256.sign(wordBytes(hash), wordBytes(secret), { prehash: false }));
  return { name, request: withKey({ hash, r, s }, R1.BASE.multiply(secret)) };
}

function craftVerifiable(name: string, nonce: Point, hash: bigint, s: bigint): Verifiable {
  return { name, request: withKey({ hash, r: R1.Fn.create(nonce.x), s }, keyFor(R1, nonce, hash, s)) };
}

function generateP256VerifyCases(): CaseFamily[] {
  const random = randomSource(0x7951);
  const signed = Array.from({ length: 12 }, (_, i) => signP256(`signature #${i}`, random.scalar(R1_N), random.word()));
  const [first, second] = signed;
  const nonce = () => R1.BASE.multiply(random.scalar(R1_N));
  const smallR = craftVerifiable("small r", firstPointFrom(R1, 1n), random.word(), random.scalar(R1_N));
  const smallS = craftVerifiable("64-bit s", nonce(), random.word(), random.small());
  // r = R.x mod n: EIP-7951 compares the x of R' = (h/s)·G + (r/s)·Q with r modulo n.
  const wideNonce = craftVerifiable("nonce point with x ≥ n, so r = x − n", firstPointFrom(R1, R1_N), random.word(), random.scalar(R1_N));
  const xZeroKey = firstPointFrom(R1, 0n);
  const xZero: Verifiable = { name: `public key with x = ${xZeroKey.x}`, request: withKey(signatureFor(R1, xZeroKey, random.scalar(R1_N), random.scalar(R1_N)), xZeroKey) };
  const flipBit = (value: bigint) => value ^ (1n << BigInt(random.bytes(1)[0]));

  return [
    { behaviour: "answers the word 1 for a valid signature", cases: signed.map(verifies) },
    {
      behaviour: "accepts the high-s twin (r, n − s): EIP-7951 does not require low s",
      cases: signed.slice(0, 6).map((c) => verifies({ name: `high-s twin of ${c.name}`, request: { ...c.request, s: R1_N - c.request.s } })),
    },
    {
      behaviour: "accepts crafted valid signatures: small r or s, s = 1, r = R.x − n, a hash of 0 or above n, keys G and x = 0",
      cases: [
        smallR,
        smallS,
        wideNonce,
        craftVerifiable("s = 1", nonce(), random.word(), 1n),
        craftVerifiable("hash = 0", nonce(), 0n, random.scalar(R1_N)),
        craftVerifiable("hash = 2²⁵⁶ − 1, above n (taken mod n)", nonce(), WORD_MAX, random.scalar(R1_N)),
        signP256("public key G (secret 1)", 1n, random.word()),
        xZero,
      ].map(verifies),
    },
    {
      behaviour: "answers EMPTY for input that is not exactly 160 bytes",
      cases: [
        ...[0, 1, 128, 159].map((length) => empty(`${first.name} cut to ${length} bytes`, cut(verifyInput(first.request), length))),
        empty(`${first.name} + 1 zero byte`, `${verifyInput(first.request)}00`),
        empty(`${first.name} + 32 zero bytes`, `${verifyInput(first.request)}${word(0n)}`),
      ],
    },
    {
      behaviour: "answers EMPTY when a bit of the hash, r or s is flipped, or for another key",
      cases: [
        ...signed.slice(0, 4).flatMap((c) =>
          (["hash", "r", "s"] as const).map((field) => empty(`${c.name} with a bit of ${field} flipped`, verifyInput({ ...c.request, [field]: flipBit(c.request[field]) }))),
        ),
        empty(`${first.name} with the key of ${second.name}`, verifyInput({ ...first.request, qx: second.request.qx, qy: second.request.qy })),
        empty(`${first.name} with the negated key (x, p − y)`, verifyInput({ ...first.request, qy: R1_P - first.request.qy })),
      ],
    },
    {
      behaviour: "answers EMPTY for r or s outside [1, n), even where r or s mod n would verify",
      cases: [
        empty("r = 0", verifyInput({ ...first.request, r: 0n })),
        empty("s = 0", verifyInput({ ...first.request, s: 0n })),
        empty("r = n", verifyInput({ ...first.request, r: R1_N })),
        empty("s = n", verifyInput({ ...first.request, s: R1_N })),
        empty("r = 2²⁵⁶ − 1", verifyInput({ ...first.request, r: WORD_MAX })),
        empty("s = 2²⁵⁶ − 1", verifyInput({ ...first.request, s: WORD_MAX })),
        empty("small r + n", verifyInput({ ...smallR.request, r: smallR.request.r + R1_N })),
        empty("64-bit s + n", verifyInput({ ...smallS.request, s: smallS.request.s + R1_N })),
        empty("r = x itself for a nonce point with x ≥ n", verifyInput({ ...wideNonce.request, r: wideNonce.request.r + R1_N })),
      ],
    },
    {
      behaviour: "answers EMPTY for a public key off the curve, at infinity (0, 0) or with a coordinate ≥ p",
      cases: [
        empty(`${first.name} with a bit of qx flipped`, verifyInput({ ...first.request, qx: first.request.qx ^ 1n })),
        empty(`${first.name} with a bit of qy flipped`, verifyInput({ ...first.request, qy: first.request.qy ^ 1n })),
        empty(`${first.name} with the point at infinity (0, 0)`, verifyInput({ ...first.request, qx: 0n, qy: 0n })),
        empty(`${xZero.name}, written with qx = p`, verifyInput({ ...xZero.request, qx: xZero.request.qx + R1_P })),
        empty(`${first.name} with qy = p`, verifyInput({ ...first.request, qy: R1_P })),
        empty(`${first.name} with qy = 2²⁵⁶ − 1`, verifyInput({ ...first.request, qy: WORD_MAX })),
      ],
    },
  ];
}

let ecRecover: CaseFamily[] | undefined;
let p256Verify: CaseFamily[] | undefined;

/** ecRecover (0x01) cases, generated once per run. */
export const ecRecoverCases = (): CaseFamily[] => (ecRecover ??= generateEcRecoverCases());

/** P256VERIFY (0x0100, EIP-7951) cases, generated once per run. */
export const p256VerifyCases = (): CaseFamily[] => (p256Verify ??= generateP256VerifyCases());

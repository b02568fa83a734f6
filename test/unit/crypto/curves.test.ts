import { expect } from "chai";
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { bn254 } from "@noble/curves/bn254.js";
import { bytesToHex, concatBytes, hexToBytes } from "@ethereumjs/util";
import { blsBackend, bn254Backend, jsCurves, wasmBls, wasmBn254 } from "../../../src/evm/crypto/curves";
import { rng } from "../precompiles/support";

/** What a precompile makes of a backend's answer: its bytes, or a failure when it throws. */
const outcome = (f: () => Uint8Array) => {
  try {
    return bytesToHex(f());
  } catch {
    return "fails";
  }
};

const random = rng(0xc0e5);
const randomScalar = (bits: number) => BigInt(bytesToHex(random(bits / 8)));
const be = (x: bigint, length: number) => hexToBytes(`0x${x.toString(16).padStart(2 * length, "0")}`);

interface Fp2Value {
  c0: bigint;
  c1: bigint;
}
interface Encodable<C> {
  is0(): boolean;
  toAffine(): { x: C; y: C };
}

/** A precompile's point encoding: coordinates of `width` bytes, Fp2 values imaginary part first (EIP-197) or last (EIP-2537). */
function encoding(width: number, imaginaryFirst: boolean) {
  const fe = (x: bigint) => be(x, width);
  const fe2 = ({ c0, c1 }: Fp2Value) => (imaginaryFirst ? concatBytes(fe(c1), fe(c0)) : concatBytes(fe(c0), fe(c1)));
  const affine = <C>(p: Encodable<C>, size: number, coordinate: (c: C) => Uint8Array) =>
    p.is0() ? new Uint8Array(size) : concatBytes(coordinate(p.toAffine().x), coordinate(p.toAffine().y));
  return {
    fe,
    fe2,
    g1: (p: Encodable<bigint>) => affine(p, 2 * width, fe),
    g2: (p: Encodable<Fp2Value>) => affine(p, 4 * width, fe2),
  };
}

interface Fp2Field {
  create(v: Fp2Value): Fp2Value;
  add(a: Fp2Value, b: Fp2Value): Fp2Value;
  mul(a: Fp2Value, b: Fp2Value): Fp2Value;
  sqr(a: Fp2Value): Fp2Value;
  sqrt(a: Fp2Value): Fp2Value;
}

/** The first point with x = c + i on y² = x³ + b over Fp2: on the curve, and (the cofactor is large) outside the prime-order subgroup. */
function twistPointOutsideSubgroup(Fp2: Fp2Field, b: Fp2Value): { x: Fp2Value; y: Fp2Value } {
  for (let c = 1n; ; c++) {
    const x = Fp2.create({ c0: c, c1: 1n });
    try {
      return { x, y: Fp2.sqrt(Fp2.add(Fp2.mul(Fp2.sqr(x), x), b)) };
    } catch {
      // x³ + b is not a square: try the next x
    }
  }
}

interface GroupPoint extends Encodable<bigint> {
  negate(): GroupPoint;
}

/** P + Q, doubling, P + (−P) and the point at infinity plus P, for a curve's addition precompile. */
function additions<M>(method: M, encode: (p: GroupPoint) => Uint8Array, P: GroupPoint, Q: GroupPoint, prefix = "") {
  const zero = new Uint8Array(encode(P).length);
  return [
    { name: `${prefix}P + Q`, method, input: concatBytes(encode(P), encode(Q)) },
    { name: `${prefix}P + P`, method, input: concatBytes(encode(P), encode(P)) },
    { name: `${prefix}P + (−P) = infinity`, method, input: concatBytes(encode(P), encode(P.negate())) },
    { name: `${prefix}infinity + P`, method, input: concatBytes(zero, encode(P)) },
  ];
}

// ---- bn254 (EIP-196/197): 32-byte coordinates, Fp2 imaginary part first ----

const BN_P = bn254.fields.Fp.ORDER;
const BN_R = bn254.fields.Fr.ORDER;
const bn = encoding(32, true);
const bnPoint = () => bn254.G1.Point.BASE.multiply(randomScalar(128) + 1n);
const bnG2Point = () => bn254.G2.Point.BASE.multiply(randomScalar(128) + 1n);

function bnTwistOutsideSubgroup(): Uint8Array {
  const { Fp2 } = bn254.fields;
  const base = bn254.G2.Point.BASE.toAffine();
  const { x, y } = twistPointOutsideSubgroup(Fp2, Fp2.sub(Fp2.sqr(base.y), Fp2.mul(Fp2.sqr(base.x), base.x)));
  return concatBytes(bn.fe2(x), bn.fe2(y));
}

function bn254Inputs(): { name: string; method: "add" | "mul" | "pairing"; input: Uint8Array }[] {
  const [P, Q] = [bnPoint(), bnPoint()];
  const offCurve = concatBytes(bn.fe(1n), bn.fe(3n));
  const xAboveP = concatBytes(bn.fe(1n + BN_P), bn.fe(2n)); // G = (1, 2), x written + p
  const G2 = bnG2Point();
  const outside = bnTwistOutsideSubgroup();
  const g2OffCurve = bn.g2(G2).slice();
  g2OffCurve[127] ^= 1;
  const g2AboveP = bn.g2(G2).slice();
  g2AboveP.set(bn.fe(BN_P + 1n), 0);
  const pair = (a: Uint8Array, b: Uint8Array) => concatBytes(a, b);
  const zeroG1 = new Uint8Array(64);
  return [
    ...additions("add" as const, bn.g1, P, Q),
    { name: "infinity + infinity", method: "add", input: new Uint8Array(128) },
    { name: "off-curve + P", method: "add", input: concatBytes(offCurve, bn.g1(P)) },
    { name: "P + x ≥ p", method: "add", input: concatBytes(bn.g1(P), xAboveP) },
    { name: "P + (0, 1)", method: "add", input: concatBytes(bn.g1(P), bn.fe(0n), bn.fe(1n)) },
    ...[0n, 1n, 2n, BN_R - 1n, BN_R, BN_R + 1n, (1n << 256n) - 1n, randomScalar(256)].map((k) => ({
      name: `P · ${k}`,
      method: "mul" as const,
      input: concatBytes(bn.g1(P), bn.fe(k)),
    })),
    { name: "infinity · k", method: "mul", input: concatBytes(zeroG1, bn.fe(randomScalar(256))) },
    { name: "off-curve · k", method: "mul", input: concatBytes(offCurve, bn.fe(5n)) },
    { name: "x ≥ p · 0", method: "mul", input: concatBytes(xAboveP, bn.fe(0n)) },
    { name: "no pairs", method: "pairing", input: new Uint8Array() },
    { name: "e(P, G2)·e(−P, G2) = 1", method: "pairing", input: concatBytes(pair(bn.g1(P), bn.g2(G2)), pair(bn.g1(P.negate()), bn.g2(G2))) },
    { name: "e(P, G2)·e(Q, G2) ≠ 1", method: "pairing", input: concatBytes(pair(bn.g1(P), bn.g2(G2)), pair(bn.g1(Q), bn.g2(G2))) },
    { name: "e(P, G2) alone", method: "pairing", input: pair(bn.g1(P), bn.g2(G2)) },
    { name: "infinity pairs only", method: "pairing", input: concatBytes(pair(zeroG1, bn.g2(G2)), pair(bn.g1(P), new Uint8Array(128))) },
    { name: "G2 outside the subgroup", method: "pairing", input: pair(bn.g1(P), outside) },
    { name: "G2 outside the subgroup with G1 at infinity", method: "pairing", input: pair(zeroG1, outside) },
    { name: "G2 off the twist", method: "pairing", input: pair(bn.g1(P), g2OffCurve) },
    { name: "G2 coordinate ≥ p", method: "pairing", input: pair(bn.g1(P), g2AboveP) },
    { name: "G1 off the curve", method: "pairing", input: pair(offCurve, bn.g2(G2)) },
  ];
}

// ---- BLS12-381 (EIP-2537): 64-byte Fp (16 zero bytes, then 48), Fp2 real part first ----

const BLS_P = bls12_381.fields.Fp.ORDER;
const BLS_R = bls12_381.fields.Fr.ORDER;
const bls = encoding(64, false);
const blsP = () => bls12_381.G1.Point.BASE.multiply(randomScalar(128) + 1n);
const blsQ = () => bls12_381.G2.Point.BASE.multiply(randomScalar(128) + 1n);

/** Points on the curves y² = x³ + 4 and y² = x³ + 4(1 + i) outside the prime-order subgroups. */
function blsOutsideSubgroup(): { g1: Uint8Array; g2: Uint8Array } {
  const { Fp, Fp2 } = bls12_381.fields;
  let g1: Uint8Array | undefined;
  for (let x = 1n; !g1; x++) {
    try {
      g1 = concatBytes(bls.fe(x), bls.fe(Fp.sqrt(Fp.add(Fp.mul(Fp.sqr(x), x), 4n))));
    } catch {
      // not a square
    }
  }
  const { x, y } = twistPointOutsideSubgroup(Fp2, Fp2.create({ c0: 4n, c1: 4n }));
  return { g1, g2: concatBytes(bls.fe2(x), bls.fe2(y)) };
}

type BlsMethod = "addG1" | "addG2" | "msmG1" | "msmG2" | "pairingCheck" | "mapFPtoG1" | "mapFP2toG2";

function blsInputs(): { name: string; method: BlsMethod; input: Uint8Array }[] {
  const [P, P2, Q, Q2] = [blsP(), blsP(), blsQ(), blsQ()];
  const outside = blsOutsideSubgroup();
  const g1Off = bls.g1(P).slice();
  g1Off[127] ^= 1;
  const g2Off = bls.g2(Q).slice();
  g2Off[255] ^= 1;
  const g1AboveP = concatBytes(bls.fe(BLS_P), bls.fe(2n));
  const scalars = [0n, 1n, BLS_R - 1n, BLS_R, (1n << 256n) - 1n, randomScalar(256)];
  const zero1 = new Uint8Array(128);
  const zero2 = new Uint8Array(256);
  return [
    ...additions("addG1" as const, bls.g1, P, P2, "G1: "),
    { name: "G1: outside the subgroup + P (EIP-2537 add does not check)", method: "addG1", input: concatBytes(outside.g1, bls.g1(P)) },
    { name: "G1: off curve + P", method: "addG1", input: concatBytes(g1Off, bls.g1(P)) },
    { name: "G1: x = p", method: "addG1", input: concatBytes(g1AboveP, bls.g1(P)) },
    { name: "G2: Q + Q'", method: "addG2", input: concatBytes(bls.g2(Q), bls.g2(Q2)) },
    { name: "G2: Q + Q", method: "addG2", input: concatBytes(bls.g2(Q), bls.g2(Q)) },
    { name: "G2: infinity + infinity", method: "addG2", input: concatBytes(zero2, zero2) },
    { name: "G2: outside the subgroup + Q", method: "addG2", input: concatBytes(outside.g2, bls.g2(Q)) },
    { name: "G2: off curve + Q", method: "addG2", input: concatBytes(g2Off, bls.g2(Q)) },
    { name: "G1 MSM: one pair per scalar", method: "msmG1", input: concatBytes(...scalars.flatMap((k) => [bls.g1(P), be(k, 32)])) },
    ...scalars.map((k) => ({ name: `G1 MSM: P · ${k}`, method: "msmG1" as const, input: concatBytes(bls.g1(P), be(k, 32)) })),
    { name: "G1 MSM: infinity and P", method: "msmG1", input: concatBytes(zero1, be(5n, 32), bls.g1(P2), be(7n, 32)) },
    { name: "G1 MSM: outside the subgroup", method: "msmG1", input: concatBytes(outside.g1, be(3n, 32)) },
    { name: "G1 MSM: off curve", method: "msmG1", input: concatBytes(g1Off, be(3n, 32)) },
    { name: "G2 MSM: two pairs", method: "msmG2", input: concatBytes(bls.g2(Q), be(scalars[5], 32), bls.g2(Q2), be(BLS_R + 1n, 32)) },
    { name: "G2 MSM: Q · 0", method: "msmG2", input: concatBytes(bls.g2(Q), be(0n, 32)) },
    { name: "G2 MSM: outside the subgroup", method: "msmG2", input: concatBytes(outside.g2, be(3n, 32)) },
    { name: "pairing: e(P, Q)·e(−P, Q) = 1", method: "pairingCheck", input: concatBytes(bls.g1(P), bls.g2(Q), bls.g1(P.negate()), bls.g2(Q)) },
    { name: "pairing: e(P, Q)·e(P', Q') ≠ 1", method: "pairingCheck", input: concatBytes(bls.g1(P), bls.g2(Q), bls.g1(P2), bls.g2(Q2)) },
    { name: "pairing: with infinities", method: "pairingCheck", input: concatBytes(zero1, bls.g2(Q), bls.g1(P), zero2) },
    { name: "pairing: G1 outside the subgroup", method: "pairingCheck", input: concatBytes(outside.g1, bls.g2(Q)) },
    { name: "pairing: G2 outside the subgroup", method: "pairingCheck", input: concatBytes(bls.g1(P), outside.g2) },
    { name: "pairing: G2 off curve", method: "pairingCheck", input: concatBytes(bls.g1(P), g2Off) },
    ...[0n, 1n, BLS_P - 1n, randomScalar(256) % BLS_P, BLS_P].map((u) => ({ name: `map Fp ${u} to G1`, method: "mapFPtoG1" as const, input: bls.fe(u) })),
    { name: "map Fp2 to G2", method: "mapFP2toG2", input: concatBytes(bls.fe(randomScalar(256) % BLS_P), bls.fe(randomScalar(256) % BLS_P)) },
    { name: "map Fp2 (0, 0) to G2", method: "mapFP2toG2", input: new Uint8Array(128) },
    { name: "map Fp2 with c1 = p", method: "mapFP2toG2", input: concatBytes(bls.fe(1n), bls.fe(BLS_P)) },
  ];
}

describe("curve backends: mcl (WebAssembly) and the pure-JS fallback give the same answers", function () {
  let wasm: typeof jsCurves;

  before(async function () {
    this.timeout(120_000);
    const [bn254, bls] = await Promise.all([wasmBn254(), wasmBls()]);
    expect(bn254, "mcl-wasm (BN_SNARK1) loads").to.not.equal(undefined);
    expect(bls, "mcl-wasm (BLS12_381) loads").to.not.equal(undefined);
    wasm = { bn254: bn254!, bls: bls! };
  });

  it("the emulator uses mcl unless FEVM_PURE_JS_CRYPTO=1", async function () {
    const pureJs = process.env.FEVM_PURE_JS_CRYPTO === "1";
    expect(await bn254Backend()).to.be.instanceOf((pureJs ? jsCurves : wasm).bn254.constructor);
    expect(await blsBackend()).to.be.instanceOf((pureJs ? jsCurves : wasm).bls.constructor);
  });

  it("bn254 add, mul and pairing: same output, and failure on the same bad points (off curve, coordinate ≥ p, G2 outside the subgroup)", function () {
    const inputs = bn254Inputs();
    const failures = inputs.filter(({ method, input }) => outcome(() => jsCurves.bn254[method](input)) === "fails");
    expect(failures.map((f) => f.name)).to.include.members(["off-curve + P", "P + x ≥ p", "G2 outside the subgroup", "G2 off the twist", "G1 off the curve"]);
    for (const { name, method, input } of inputs) {
      expect(outcome(() => wasm.bn254[method](input)), name).to.equal(outcome(() => jsCurves.bn254[method](input)));
    }
  });

  it("BLS12-381 (EIP-2537) add, MSM, pairing and map-to-curve: same output, and failure on the same bad points", function () {
    this.timeout(120_000);
    const inputs = blsInputs();
    const failures = inputs.filter(({ method, input }) => outcome(() => jsCurves.bls[method](input)) === "fails");
    expect(failures.map((f) => f.name)).to.include.members(["G1: off curve + P", "G1 MSM: outside the subgroup", "pairing: G2 outside the subgroup", "map Fp2 with c1 = p"]);
    for (const { name, method, input } of inputs) {
      expect(outcome(() => wasm.bls[method](input)), name).to.equal(outcome(() => jsCurves.bls[method](input)));
    }
  });

  it("a test's own use of mcl-wasm for another curve does not change the emulator's copies", async function () {
    const shared = (await import("mcl-wasm")) as typeof import("mcl-wasm");
    await shared.init(shared.BN254);
    const input = bn254Inputs()[0].input;
    expect(outcome(() => wasm.bn254.add(input))).to.equal(outcome(() => jsCurves.bn254.add(input)));
    const bls = blsInputs()[0].input;
    expect(outcome(() => wasm.bls.addG1(bls))).to.equal(outcome(() => jsCurves.bls.addG1(bls)));
  });
});

import type { EVMBN254Interface } from "@ethereumjs/evm";
import { bn254 } from "@noble/curves/bn254.js";
import { bytesToBigInt, concatBytes } from "@ethereumjs/util";

/** mcl-wasm initialised for BN_SNARK1, the curve of EIP-196/197 (alt_bn128); see ./curves. */
export type Mcl = typeof import("mcl-wasm");
type Fp = InstanceType<Mcl["Fp"]>;
type G1 = InstanceType<Mcl["G1"]>;
type G2 = InstanceType<Mcl["G2"]>;

const P = bn254.fields.Fp.ORDER;
const WORD = 32;
const G1_LENGTH = 64;
const G2_LENGTH = 128;
const PAIR_LENGTH = G1_LENGTH + G2_LENGTH;
const FALSE_WORD = new Uint8Array(WORD);
const TRUE_WORD = Uint8Array.from({ length: WORD }, (_, i) => (i === WORD - 1 ? 1 : 0));

const isZero = (bytes: Uint8Array) => bytes.every((b) => b === 0);

/** mcl serialises an Fp little-endian; EIP-196 writes it big-endian. */
const bigEndian = (x: Fp) => x.serialize().reverse();

/**
 * The EIP-196/197 precompiles (0x06 add, 0x07 mul, 0x08 pairing) on mcl's BN_SNARK1: the same
 * answers as ethereumjs' NobleBN254 (throw on a coordinate ≥ p, a point off the curve or, in a
 * pairing, a G2 point outside the prime-order subgroup; all-zero bytes are the point at
 * infinity), at WebAssembly speed.
 */
export class MclBN254 implements EVMBN254Interface {
  private readonly fpOne: Fp;
  private readonly fp2One: InstanceType<Mcl["Fp2"]>;

  constructor(private readonly mcl: Mcl) {
    this.fpOne = new mcl.Fp();
    this.fpOne.setInt(1);
    this.fp2One = new mcl.Fp2();
    this.fp2One.set_a(this.fpOne);
  }

  /** The coordinate in the word at `index`, after EIP-196's check that it is below p. */
  private fp(bytes: Uint8Array, index: number): Fp {
    const word = bytes.subarray(index * WORD, (index + 1) * WORD);
    if (bytesToBigInt(word) >= P) throw new Error("bn254: coordinate not below the field modulus");
    const x = new this.mcl.Fp();
    x.setBigEndianMod(word);
    return x;
  }

  private fp2(bytes: Uint8Array, imaginary: number, real: number) {
    const x = new this.mcl.Fp2();
    x.set_a(this.fp(bytes, real));
    x.set_b(this.fp(bytes, imaginary));
    return x;
  }

  /** Throws unless on the curve (and, for G2 with verifyOrderG2 set, in the prime-order subgroup). */
  private checked<T extends G1 | G2>(point: T): T {
    if (!point.isValid()) throw new Error("bn254: point not on the curve or not in the subgroup");
    return point;
  }

  private g1(bytes: Uint8Array): G1 {
    const point = new this.mcl.G1();
    if (isZero(bytes)) return point;
    point.setX(this.fp(bytes, 0));
    point.setY(this.fp(bytes, 1));
    point.setZ(this.fpOne);
    return this.checked(point);
  }

  /** EIP-197 writes each Fp2 coordinate imaginary part first. */
  private g2(bytes: Uint8Array): G2 {
    const point = new this.mcl.G2();
    if (isZero(bytes)) return point;
    point.setX(this.fp2(bytes, 0, 1));
    point.setY(this.fp2(bytes, 2, 3));
    point.setZ(this.fp2One);
    return this.checked(point);
  }

  private encode(point: G1): Uint8Array {
    if (point.isZero()) return new Uint8Array(G1_LENGTH);
    point.normalize();
    return concatBytes(bigEndian(point.getX()), bigEndian(point.getY()));
  }

  add(input: Uint8Array): Uint8Array {
    return this.encode(this.mcl.add(this.g1(input.subarray(0, G1_LENGTH)), this.g1(input.subarray(G1_LENGTH, 2 * G1_LENGTH))));
  }

  mul(input: Uint8Array): Uint8Array {
    const point = this.g1(input.subarray(0, G1_LENGTH));
    const scalar = new this.mcl.Fr();
    scalar.setBigEndianMod(input.subarray(G1_LENGTH, G1_LENGTH + WORD));
    return this.encode(this.mcl.mul(point, scalar));
  }

  pairing(input: Uint8Array): Uint8Array {
    let product: InstanceType<Mcl["GT"]> | undefined;
    for (let at = 0; at + PAIR_LENGTH <= input.length; at += PAIR_LENGTH) {
      const g1 = this.g1(input.subarray(at, at + G1_LENGTH));
      const g2 = this.g2(input.subarray(at + G1_LENGTH, at + PAIR_LENGTH));
      if (g1.isZero() || g2.isZero()) continue;
      const miller = this.mcl.millerLoop(g1, g2);
      product = product ? this.mcl.mul(product, miller) : miller;
    }
    return product === undefined || this.mcl.finalExp(product).isOne() ? TRUE_WORD : FALSE_WORD;
  }
}

import type { EVMBN254Interface } from "@ethereumjs/evm";
import { bn254 } from "@noble/curves/bn254.js";
import { bytesToBigInt, bytesToUnprefixedHex, concatBytes, unprefixedHexToBytes } from "@ethereumjs/util";

/** mcl-wasm initialised for BN_SNARK1, the curve of EIP-196/197 (alt_bn128); see ./curves. */
export type Mcl = typeof import("mcl-wasm");
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

/** A coordinate as mcl's base-16 text, after EIP-196's check that it is below p. */
function coordinate(bytes: Uint8Array): string {
  if (bytesToBigInt(bytes) >= P) throw new Error("bn254: coordinate not below the field modulus");
  return bytesToUnprefixedHex(bytes);
}

/**
 * The EIP-196/197 precompiles (0x06 add, 0x07 mul, 0x08 pairing) on mcl's BN_SNARK1: the same
 * answers as ethereumjs' NobleBN254 (throw on a coordinate ≥ p, a point off the curve or, in a
 * pairing, a G2 point outside the prime-order subgroup; all-zero bytes are the point at
 * infinity), at WebAssembly speed.
 */
export class MclBN254 implements EVMBN254Interface {
  constructor(private readonly mcl: Mcl) {}

  private g1(bytes: Uint8Array): G1 {
    const point = new this.mcl.G1();
    if (isZero(bytes)) return point;
    point.setStr(`1 ${coordinate(bytes.subarray(0, WORD))} ${coordinate(bytes.subarray(WORD, G1_LENGTH))}`, 16);
    return point;
  }

  /** EIP-197 writes each Fp2 coordinate imaginary part first; mcl reads real part first. */
  private g2(bytes: Uint8Array): G2 {
    const point = new this.mcl.G2();
    if (isZero(bytes)) return point;
    const [xi, xr, yi, yr] = [0, 1, 2, 3].map((i) => coordinate(bytes.subarray(i * WORD, (i + 1) * WORD)));
    point.setStr(`1 ${xr} ${xi} ${yr} ${yi}`, 16);
    return point;
  }

  private encode(point: G1): Uint8Array {
    if (point.isZero()) return new Uint8Array(G1_LENGTH);
    point.normalize();
    const word = (hex: string) => unprefixedHexToBytes(hex.padStart(2 * WORD, "0"));
    return concatBytes(word(point.getX().getStr(16)), word(point.getY().getStr(16)));
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

/**
 * ECDSA signatures built backwards from the verification equation R = (h/s)·G + (r/s)·Q, for edge
 * cases no signer produces on demand: a chosen s, hash or nonce point, or a key nobody holds the
 * secret of. They need only the curve arithmetic, never a verifier or a key recovery, so the
 * precompile tests can use them as expected values.
 */
import type { WeierstrassPoint, WeierstrassPointCons } from "@noble/curves/abstract/weierstrass.js";

type Curve = WeierstrassPointCons<bigint>;
type Point = WeierstrassPoint<bigint>;

/** x³ + ax + b: what y² must be for a point with this x. */
function ySquared(curve: Curve, x: bigint): bigint {
  const { Fp } = curve;
  const { a, b } = curve.CURVE();
  return Fp.add(Fp.add(Fp.mul(Fp.sqr(x), x), Fp.mul(a, x)), b);
}

/** Whether some curve point has this x (Euler's criterion on x³ + ax + b). */
export function hasPointAt(curve: Curve, x: bigint): boolean {
  const square = ySquared(curve, x);
  return square === 0n || curve.Fp.pow(square, (curve.Fp.ORDER - 1n) / 2n) === curve.Fp.ONE;
}

/** The curve point with the smallest x ≥ `from`, taking its even y. */
export function firstPointFrom(curve: Curve, from: bigint): Point {
  let x = from;
  while (!hasPointAt(curve, x)) x++;
  const y = curve.Fp.sqrt(ySquared(curve, x));
  return curve.fromAffine({ x, y: (y & 1n) === 0n ? y : curve.Fp.neg(y) });
}

/** The key Q for which (hash, r = R.x mod n, s) is valid with nonce point R: Q = r⁻¹·(s·R − h·G). */
export function keyFor(curve: Curve, nonce: Point, hash: bigint, s: bigint): Point {
  const { Fn } = curve;
  const rInverse = Fn.inv(Fn.create(nonce.x));
  return nonce.multiplyUnsafe(Fn.mul(Fn.create(s), rInverse)).subtract(curve.BASE.multiplyUnsafe(Fn.mul(Fn.create(hash), rInverse)));
}

/** A valid (hash, r, s) for any key Q without its secret: R = u1·G + u2·Q, r = R.x mod n, s = r/u2, h = u1·s. */
export function signatureFor(curve: Curve, key: Point, u1: bigint, u2: bigint): { hash: bigint; r: bigint; s: bigint } {
  const { Fn } = curve;
  const r = Fn.create(curve.BASE.multiply(u1).add(key.multiply(u2)).x);
  const s = Fn.mul(r, Fn.inv(u2));
  return { hash: Fn.mul(u1, s), r, s };
}

/**
 * Q.128 fixed-point filter estimates and the projection the miner's monies use (builtin-actors
 * `runtime/src/builtin/reward/{math.rs, smooth/*.rs}`), in BigInt with the same truncations so the
 * results match the real actors to the attoFIL.
 */
export const PRECISION = 128n;

/** Alpha-beta filter estimate `[position, velocity]`, both Q.128. */
export interface FilterEstimate {
  position: bigint;
  velocity: bigint;
}

/** `FilterEstimate::new`: Q.0 inputs shifted to Q.128. */
export function filterEstimate(position: bigint, velocity: bigint): FilterEstimate {
  return { position: position << PRECISION, velocity: velocity << PRECISION };
}

/** `Integer::div_floor` (BigInt `/` truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

const NUM = [
  261417938209272870992496419296200268025n,
  7266615505142943436908456158054846846897n,
  32458783941900493142649393804518050491988n,
  17078670566130897220338060387082146864806n,
  -35150353308172866634071793531642638290419n,
  -20351202052858059355702509232125230498980n,
  -1563932590352680681114104005183375350999n,
];
const DENOM = [
  49928077726659937662124949977867279384n,
  2508163877009111928787629628566491583994n,
  21757751789594546643737445330202599887121n,
  53400635271583923415775576342898617051826n,
  41248834748603606604000911015235164348839n,
  9015227820322455780436733526367238305537n,
  340282366920938463463374607431768211456n,
];
const LN_2 = 235865763225513294137944142764154484399n;
const EPSILON = 302231454903657293676544n;

function polyVal(poly: readonly bigint[], x: bigint): bigint {
  let res = 0n;
  for (const coeff of poly) res = ((res * x) >> PRECISION) + coeff;
  return res;
}

function bitLength(z: bigint): bigint {
  return BigInt((z < 0n ? -z : z).toString(2).length);
}

/** Natural log of a positive Q.128 number, in Q.128. */
export function ln(z: bigint): bigint {
  const k = bitLength(z) - 1n - PRECISION;
  const x = k > 0n ? z >> k : z << -k;
  return k * LN_2 + floorDiv(polyVal(NUM, x) << PRECISION, polyVal(DENOM, x));
}

/** ∫ num(t)/denom(t) dt over [relativeStart, relativeStart + delta] of two extrapolated filters, Q.128. */
export function extrapolatedCumSumOfRatio(delta: bigint, relativeStart: bigint, num: FilterEstimate, denom: FilterEstimate): bigint {
  const deltaT = delta << PRECISION;
  const t0 = relativeStart << PRECISION;
  const squaredVelo2 = (denom.velocity * denom.velocity) >> PRECISION;
  if (squaredVelo2 > EPSILON) {
    const x2a = ((denom.velocity * t0) >> PRECISION) + denom.position;
    const x2b = ((denom.velocity * deltaT) >> PRECISION) + x2a;
    const lnA = ln(x2a);
    const lnB = ln(x2b);
    const m1 = ((lnB - lnA) * num.position * denom.velocity) >> PRECISION;
    const m2 = (((lnA - lnB) * denom.position + denom.velocity * deltaT) * num.velocity) >> PRECISION;
    return floorDiv(m2 + m1, squaredVelo2);
  }
  const x1m = ((num.velocity * (t0 + (deltaT >> 1n))) >> PRECISION) + num.position;
  return floorDiv(x1m * deltaT, denom.position);
}

export const estimate = (f: FilterEstimate) => f.position >> PRECISION;

import path from "node:path";
import { MCLBLS, NobleBLS, NobleBN254, type EVMBLSInterface, type EVMBN254Interface } from "@ethereumjs/evm";
import { MclBN254, type Mcl } from "./mcl-bn254";

/**
 * The pairing-friendly curves of the bn254 (0x06–0x08) and BLS12-381 (0x0b–0x11) precompiles:
 * mcl compiled to WebAssembly (the mcl-wasm package, its wasm inlined in the package, nothing
 * downloaded) when it loads, else @noble/curves (pure JavaScript). Both give the same answers.
 */
export interface CurveBackends {
  kind: "wasm" | "js";
  bn254: EVMBN254Interface;
  bls: EVMBLSInterface;
}

export const jsCurves: CurveBackends = { kind: "js", bn254: new NobleBN254(), bls: new NobleBLS() };

/**
 * A copy of mcl-wasm of our own: the package keeps one curve per loaded copy in module state, so
 * bn254 and BLS12-381 need a copy each, and a user's test that initialises the shared copy for
 * another curve must not change ours. Loading with the package's cache entries set aside gives
 * fresh module state; the shared entries are put back afterwards.
 */
async function privateMcl(curve: "BN_SNARK1" | "BLS12_381"): Promise<Mcl> {
  const dir = path.dirname(require.resolve("mcl-wasm/package.json")) + path.sep;
  const cached = () => Object.keys(require.cache).filter((key) => key.startsWith(dir));
  const shared = cached().map((key) => [key, require.cache[key]] as const);
  for (const [key] of shared) delete require.cache[key];
  let mcl: Mcl;
  try {
    mcl = require("mcl-wasm") as Mcl;
  } finally {
    for (const key of cached()) delete require.cache[key];
    for (const [key, module] of shared) require.cache[key] = module;
  }
  await mcl.init(mcl[curve]);
  return mcl;
}

/** The WebAssembly backends, or undefined when mcl-wasm cannot load or compile here. */
export async function wasmCurves(): Promise<CurveBackends | undefined> {
  try {
    const [bnMcl, blsMcl] = await Promise.all([privateMcl("BN_SNARK1"), privateMcl("BLS12_381")]);
    // EIP-197 pairings accept only G2 points of the prime-order subgroup; on G1 (cofactor 1) every
    // curve point is in it, so mcl's order check there would only cost time.
    bnMcl.verifyOrderG1(false);
    bnMcl.verifyOrderG2(true);
    const bls = new MCLBLS(blsMcl);
    bls.init();
    return { kind: "wasm", bn254: new MclBN254(bnMcl), bls };
  } catch {
    return undefined;
  }
}

let selected: Promise<CurveBackends> | undefined;

/** Loaded on first use (compiling the WebAssembly takes a moment); FEVM_PURE_JS_CRYPTO=1 keeps noble. */
export function curveBackends(): Promise<CurveBackends> {
  selected ??= process.env.FEVM_PURE_JS_CRYPTO === "1" ? Promise.resolve(jsCurves) : wasmCurves().then((wasm) => wasm ?? jsCurves);
  return selected;
}

import path from "node:path";
import { MCLBLS, NobleBLS, NobleBN254, type EVMBLSInterface, type EVMBN254Interface } from "@ethereumjs/evm";
import { MclBN254, type Mcl } from "./mcl-bn254";

/**
 * The pairing-friendly curves of the bn254 (0x06–0x08) and BLS12-381 (0x0b–0x11) precompiles:
 * mcl compiled to WebAssembly (the mcl-wasm package, its wasm inlined in the package, nothing
 * downloaded) when it loads, else @noble/curves (pure JavaScript). Both give the same answers.
 */
export const jsCurves = { bn254: new NobleBN254() as EVMBN254Interface, bls: new NobleBLS() as EVMBLSInterface };

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

/** A backend on a private mcl for `curve`, or undefined when mcl-wasm cannot load or compile here. */
async function onMcl<T>(curve: "BN_SNARK1" | "BLS12_381", make: (mcl: Mcl) => T): Promise<T | undefined> {
  try {
    return make(await privateMcl(curve));
  } catch {
    return undefined;
  }
}

export const wasmBn254 = () =>
  onMcl<EVMBN254Interface>("BN_SNARK1", (mcl) => {
    // EIP-197 pairings accept only G2 points of the prime-order subgroup; on G1 (cofactor 1) every
    // curve point is in it, so mcl's order check there would only cost time.
    mcl.verifyOrderG1(false);
    mcl.verifyOrderG2(true);
    return new MclBN254(mcl);
  });

/** BLS12-381 through ethereumjs' MCLBLS. */
export const wasmBls = () =>
  onMcl<EVMBLSInterface>("BLS12_381", (mcl) => {
    mcl.verifyOrderG1(false);
    mcl.verifyOrderG2(false);
    // MCLBLS switches mcl's order checking on before each point that needs it, then asks
    // isValidOrder() and isValid() — and isValid() repeats the subgroup check when it is on. Left
    // off, isValid() checks the curve equation only and the subgroup is checked once, where needed.
    const bls = new MCLBLS({ ...mcl, verifyOrderG1: () => {}, verifyOrderG2: () => {} });
    bls.init();
    return bls;
  });

/** The WebAssembly backend, loaded on first use, else noble; FEVM_PURE_JS_CRYPTO=1 keeps noble. */
function selected<T>(wasm: () => Promise<T | undefined>, js: T): () => Promise<T> {
  let backend: Promise<T> | undefined;
  return () => {
    backend ??= process.env.FEVM_PURE_JS_CRYPTO === "1" ? Promise.resolve(js) : wasm().then((loaded) => loaded ?? js);
    return backend;
  };
}

/** Each curve loads on first use (compiling its WebAssembly takes a moment): a test that uses one does not wait for the other. */
export const bn254Backend = selected(wasmBn254, jsCurves.bn254);
export const blsBackend = selected(wasmBls, jsCurves.bls);

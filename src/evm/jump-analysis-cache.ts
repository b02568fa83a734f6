import path from "node:path";

/** What ethereumjs' interpreter derives from a contract's code before running it. */
interface CodeAnalysis {
  jumps: Uint8Array;
  pushes: Record<number, bigint>;
  opcodesCached: unknown[];
}

interface InterpreterPrototype {
  _getValidJumpDestinations(this: { _evm: object }, code: Uint8Array): CodeAnalysis;
}

const CACHED = Symbol.for("hardhat-fevm.jumpAnalysisCache");

/** ethereumjs' Interpreter class, which the package does not export (undefined if its layout changed). */
function interpreterPrototype(): (InterpreterPrototype & { [CACHED]?: true }) | undefined {
  try {
    const file = path.join(path.dirname(require.resolve("@ethereumjs/evm")), "interpreter.js");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const proto = (require(file) as { Interpreter?: { prototype: InterpreterPrototype } }).Interpreter?.prototype;
    return typeof proto?._getValidJumpDestinations === "function" ? proto : undefined;
  } catch {
    return undefined;
  }
}

/**
 * ethereumjs analyses a contract's code (jump destinations, push values, the opcode of every
 * byte) each time a call frame runs it: for an ERC-20 transfer that is a pass over the whole
 * contract and three arrays of its size, per call. The analysis depends only on the code and the
 * EVM's opcode table, and the interpreter only reads it, so it is kept per code array (the state
 * manager's code cache hands the same array to every call of a contract) and per opcode table (a
 * new table, as after a hardfork change, starts afresh). Weak maps: code nobody holds is dropped.
 */
export function cacheJumpAnalysis(): void {
  const proto = interpreterPrototype();
  if (proto === undefined || proto[CACHED]) return;
  proto[CACHED] = true;
  const analyse = proto._getValidJumpDestinations;
  const byTable = new WeakMap<object, WeakMap<Uint8Array, CodeAnalysis>>();
  proto._getValidJumpDestinations = function (code) {
    const table = (this._evm as { _opcodeMap: object })._opcodeMap;
    let byCode = byTable.get(table);
    if (byCode === undefined) byTable.set(table, (byCode = new WeakMap()));
    let analysis = byCode.get(code);
    if (analysis === undefined) byCode.set(code, (analysis = analyse.call(this, code)));
    return analysis;
  };
}

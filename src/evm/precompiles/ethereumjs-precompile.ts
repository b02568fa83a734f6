import { Common, Hardfork, Mainnet } from "@ethereumjs/common";
import { getActivePrecompiles, paramsEVM, type EVMInterface, type ExecResult, type PrecompileFunc } from "@ethereumjs/evm";
import { cryptoBackend } from "../crypto";
import { blsBackend, bn254Backend } from "../crypto/curves";
import { PrecompileFailure, type FevmPrecompile } from "./fevm-precompile";

interface Ethereumjs {
  /** Cancun + EIP-2537: the rule set under which every precompile we borrow exists and is priced. */
  common: Common;
  implementations: Map<string, PrecompileFunc>;
}

let ethereumjs: Ethereumjs | undefined;

/**
 * The most (Ethereum-priced) gas one borrowed computation may use: an Ethereum block. The FEVM
 * prices these computations far higher (e.g. ~1,000 gas per blake2f round against Ethereum's 1),
 * so anything larger would run out of gas there at any limit, and here it would block the
 * provider for minutes (blake2f allows 2^32 rounds). Above it the precompile fails.
 */
const MAX_COMPUTATION_GAS = 30_000_000n;

function borrowed(): Ethereumjs {
  if (!ethereumjs) {
    // SHA-256 from node:crypto (see ../crypto); the rest of customCrypto plays no part in precompiles.
    const customCrypto = { sha256: cryptoBackend.sha256 };
    const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun, eips: [2537], params: paramsEVM, customCrypto });
    ethereumjs = { common, implementations: getActivePrecompiles(common) };
  }
  return ethereumjs;
}

/**
 * What an implementation reads from its `_EVM`: the curve backend of the bn254 (0x06–0x08) and
 * BLS12-381 (0x0b–0x11) precompiles, and nothing else. Our own, because ethereumjs gives an EVM a
 * BLS backend only when its hardfork has EIP-2537; loaded on the curve's first call (../crypto/curves).
 */
async function backendsFor(index: number): Promise<EVMInterface> {
  if (index >= 0x06 && index <= 0x08) return { _bn254: await bn254Backend() } as unknown as EVMInterface;
  if (index >= 0x0b && index <= 0x11) return { _bls: await blsBackend() } as unknown as EVMInterface;
  return {} as EVMInterface;
}

/**
 * An Ethereum precompile whose FEVM behaviour matches Ethereum's (builtin-actors precompiles/
 * evm.rs, bls12_381/*), run by ethereumjs's own implementation at `address`: SHA-256, RIPEMD-160,
 * identity, bn254 add/mul/pairing, blake2f (exactly 213 bytes), BLS12-381. Two FEVM rules apply:
 * the CALL's gas argument is ignored (the computation may use the caller's budget, up to
 * MAX_COMPUTATION_GAS), and every error — bad input or a budget too small — is a precompile
 * failure, never an all-gas burn.
 */
export function ethereumjsPrecompile(address: string): FevmPrecompile {
  const key = address.slice(2).toLowerCase();
  const index = Number.parseInt(key, 16);
  return async (call) => {
    const { common, implementations } = borrowed();
    const implementation = implementations.get(key);
    if (!implementation) throw new Error(`ethereumjs has no precompile at ${address}`);
    const _EVM = await backendsFor(index);
    let result: ExecResult;
    try {
      const gasLimit = call.budget < MAX_COMPUTATION_GAS ? call.budget : MAX_COMPUTATION_GAS;
      result = await implementation({ data: call.input, gasLimit, common, _EVM });
    } catch (error) {
      throw new PrecompileFailure(`precompile ${address} rejected its input: ${(error as Error).message}`);
    }
    if (result.exceptionError) throw new PrecompileFailure(`precompile ${address} failed: ${result.exceptionError.error}`);
    return { output: result.returnValue, gasUsed: result.executionGasUsed };
  };
}

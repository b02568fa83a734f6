import { ethereumjsPrecompile } from "./ethereumjs-precompile";
import type { FevmPrecompile } from "./fevm-precompile";
import { InputReader } from "./input-reader";

const ethereumModexp = ethereumjsPrecompile("0x0000000000000000000000000000000000000005");

/**
 * 0x05 modexp (EIP-198; builtin-actors precompiles/evm.rs): as Ethereum, except that the base,
 * exponent and modulus lengths must each fit in a u32, else the precompile fails — even where
 * Ethereum answers cheaply (e.g. base and modulus lengths 0 with a huge exponent length).
 */
export const modexp: FevmPrecompile = (call) => {
  const lengths = new InputReader(call.input);
  lengths.readUint(32, "base length");
  lengths.readUint(32, "exponent length");
  lengths.readUint(32, "modulus length");
  return ethereumModexp(call);
};

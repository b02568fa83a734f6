import { setLengthLeft, bigIntToBytes } from "@ethereumjs/util";
import { resolveAddress as lookupId } from "../../actors/runtime";
import { EMPTY_SUCCESS, type FevmPrecompile } from "./fevm-precompile";
import { parseFilecoinAddress } from "./filecoin-address-input";

/**
 * 0xfe00…01 resolve_address (builtin-actors precompiles/fvm.rs): the whole input is the byte
 * form of a Filecoin address (not ABI-encoded). Unparseable → failure; known → its actor id as
 * a 32-byte big-endian word; unknown (e.g. an f1 never seen) → success with empty output.
 */
export const resolveAddress: FevmPrecompile = async ({ input, evm }) => {
  const id = await lookupId(evm, parseFilecoinAddress(input, "resolve_address"));
  return id === undefined ? EMPTY_SUCCESS : { output: setLengthLeft(bigIntToBytes(id), 32), gasUsed: 0n };
};

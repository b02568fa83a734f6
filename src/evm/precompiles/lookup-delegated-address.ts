import { addressToBytes, Protocol } from "../../fil";
import { EMPTY_SUCCESS, type FevmPrecompile } from "./fevm-precompile";
import { InputReader } from "./input-reader";

/**
 * 0xfe00…02 lookup_delegated_address (builtin-actors precompiles/fvm.rs): one word holding a u64
 * actor id (higher bytes set → failure; empty input reads as id 0). Returns the actor's f4
 * address in byte form — 22 bytes `04 0a ‖ eth address` for Ethereum-style actors, any other
 * namespace as is — or empty output when the actor does not exist or has no f4 address.
 */
export const lookupDelegatedAddress: FevmPrecompile = async ({ input, evm }) => {
  const id = new InputReader(input).readUint(64, "actor id");
  const address = (await evm.actors.get(id))?.address;
  return address?.protocol === Protocol.Delegated ? { output: addressToBytes(address), gasUsed: 0n } : EMPTY_SUCCESS;
};

import { setLengthLeft, bigIntToBytes } from "@ethereumjs/util";
import { Protocol, type FilecoinAddress } from "../../fil";
import type { FevmEVM } from "../fevm-evm";
import { EMPTY_SUCCESS, type FevmPrecompile } from "./fevm-precompile";
import { parseFilecoinAddress } from "./filecoin-address-input";

/** The FVM's address resolution: an ID address is its own id, existing or not (ref-fvm state_tree.rs). */
async function resolve(evm: FevmEVM, address: FilecoinAddress): Promise<bigint | undefined> {
  return address.protocol === Protocol.ID ? address.id : evm.actors.lookupId(address);
}

/**
 * 0xfe00…01 resolve_address (builtin-actors precompiles/fvm.rs): the whole input is the byte
 * form of a Filecoin address (not ABI-encoded). Unparseable → failure; known → its actor id as
 * a 32-byte big-endian word; unknown (e.g. an f1 never seen) → success with empty output.
 */
export const resolveAddress: FevmPrecompile = async ({ input, evm }) => {
  const id = await resolve(evm, parseFilecoinAddress(input, "resolve_address"));
  return id === undefined ? EMPTY_SUCCESS : { output: setLengthLeft(bigIntToBytes(id), 32), gasUsed: 0n };
};

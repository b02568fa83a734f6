import { addressFromBytes, InvalidFilecoinAddressError, MAX_SUBADDRESS_LENGTH, type FilecoinAddress } from "../../fil";
import { PrecompileFailure } from "./fevm-precompile";

/** No Filecoin address is longer in byte form: protocol, 10-byte namespace varint, subaddress. */
export const MAX_ADDRESS_BYTES = 1 + 10 + MAX_SUBADDRESS_LENGTH;

/** The byte form of a Filecoin address, parsed as ref-fvm `Address::from_bytes`; anything else fails the precompile. */
export function parseFilecoinAddress(bytes: Uint8Array, precompile: string): FilecoinAddress {
  try {
    return addressFromBytes(bytes);
  } catch (error) {
    if (error instanceof InvalidFilecoinAddressError) throw new PrecompileFailure(`${precompile}: ${error.message}`);
    throw error;
  }
}

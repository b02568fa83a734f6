/**
 * One entry point for "any address form" parameters: 0x strings, f…/t… strings, actor ids
 * (bigint or number) and already-parsed addresses all become a FilecoinAddress.
 */
import { addressFromBytes, addressToBytes, type FilecoinAddress, idAddress } from "./address";
import { InvalidAddressError, InvalidFilecoinAddressError } from "./address-errors";
import { parseAddress } from "./address-string";
import { filecoinAddressFromEth } from "./eth-address";

export type AddressInput = string | bigint | number | FilecoinAddress;

export function toFilecoinAddress(input: AddressInput): FilecoinAddress {
  if (typeof input === "bigint" || typeof input === "number") return idAddress(input);
  if (typeof input === "string") {
    if (/^0x/i.test(input)) return filecoinAddressFromEth(input);
    if (/^[0-9]+$/.test(input)) {
      throw new InvalidFilecoinAddressError(
        "network",
        input,
        `is a bare number; pass an actor id as a bigint (${input}n) or write it as f0${input}`,
      );
    }
    if (/^[ft]/.test(input)) return parseAddress(input);
    throw new InvalidFilecoinAddressError(
      "network",
      input,
      "is neither a 0x Ethereum address nor a Filecoin address (f… on mainnet, t… on testnets)",
    );
  }
  if (typeof input === "object" && input !== null && "protocol" in input) {
    // Re-validate objects built by hand (e.g. from JavaScript) through the byte form.
    try {
      return addressFromBytes(addressToBytes(input));
    } catch (error) {
      if (error instanceof InvalidAddressError) throw error;
      throw new InvalidFilecoinAddressError("type", input, "is not a well-formed FilecoinAddress object");
    }
  }
  throw new InvalidFilecoinAddressError(
    "type",
    input,
    "is not an address; pass a 0x address, an f…/t… address or an actor id (bigint)",
  );
}

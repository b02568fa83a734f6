import { describeInput } from "./bytes";

/** What exactly is wrong with an address, for callers that branch on it. */
export type AddressProblem =
  | "type" // not a string / bytes / number at all
  | "length" // too short or too long as a whole
  | "network" // string prefix is not f or t
  | "protocol" // protocol digit/byte is not 0–4
  | "base32" // payload text is not canonical lowercase base32
  | "checksum" // blake2b-4 checksum does not match
  | "payload-length" // payload has the wrong number of bytes for its protocol
  | "id-format" // actor id / namespace is not plain decimal digits
  | "id-range" // actor id / namespace beyond u64
  | "varint" // malformed uvarint in the byte form
  | "hex" // 0x address is not 20 bytes of hex
  | "eip55" // mixed-case 0x address with a wrong EIP-55 checksum
  | "no-eth-form"; // a valid Filecoin address that has no Ethereum (0x) form

/** Base class: every address parse or conversion failure is one of these, never a crash. */
export class InvalidAddressError extends Error {
  constructor(
    readonly problem: AddressProblem,
    readonly input: unknown,
    /** The message without the input: what is wrong and what to do. */
    readonly detail: string,
  ) {
    super(`${describeInput(input)} ${detail}`);
    this.name = new.target.name;
  }
}

/** A Filecoin address (f0…f4 / t0…t4 string, or raw bytes) that is malformed. */
export class InvalidFilecoinAddressError extends InvalidAddressError {}

/** An Ethereum (0x…) address that is malformed. */
export class InvalidEthAddressError extends InvalidAddressError {}

/**
 * Filecoin address strings: network prefix (f mainnet, t testnets) + protocol digit + payload.
 * f0 prints the decimal id; f1/f2/f3 print base32(payload ‖ checksum); f4 prints
 * `<namespace>f` + base32(subaddress ‖ checksum). The checksum is blake2b with a 4-byte output
 * over the whole byte form. Rules and limits follow ref-fvm `shared/src/address/mod.rs`.
 */
import { blake2b } from "@noble/hashes/blake2.js";
import { addressFromBytes, addressToBytes, type FilecoinAddress, Protocol } from "./address";
import { InvalidFilecoinAddressError } from "./address-errors";
import { decodeBase32, encodeBase32 } from "./base32";
import { bytesEqual, concatBytes } from "./bytes";
import { encodeUvarint, MAX_U64 } from "./uvarint";

/** `f` on mainnet, `t` on every testnet and devnet (the bytes are the same). */
export type NetworkPrefix = "f" | "t";

/** A string known to be a well-formed Filecoin address (f0…/t0… through f4…/t4…). */
export type FilecoinAddressString = string & { readonly __brand: "FilecoinAddressString" };

const CHECKSUM_LENGTH = 4;
const MIN_TEXT_LENGTH = 3;
const MAX_TEXT_LENGTH = 138;
const MAX_U64_DIGITS = 20;

/** blake2b-32 over the address's byte form: the checksum printed inside f1–f4 strings. */
export function addressChecksum(addressBytes: Uint8Array): Uint8Array {
  return blake2b(addressBytes, { dkLen: CHECKSUM_LENGTH });
}

export function formatAddress(address: FilecoinAddress, network: NetworkPrefix = "f"): FilecoinAddressString {
  if (network !== "f" && network !== "t") {
    throw new RangeError(`network prefix must be "f" (mainnet) or "t" (testnet), got ${JSON.stringify(network)}`);
  }
  const head = `${network}${address.protocol}`;
  if (address.protocol === Protocol.ID) return `${head}${address.id}` as FilecoinAddressString;
  const checksum = addressChecksum(addressToBytes(address));
  const text =
    address.protocol === Protocol.Delegated
      ? `${head}${address.namespace}f${encodeBase32(concatBytes(address.subaddress, checksum))}`
      : `${head}${encodeBase32(concatBytes(address.payload, checksum))}`;
  return text as FilecoinAddressString;
}

export interface ParsedAddressString {
  readonly address: FilecoinAddress;
  readonly network: NetworkPrefix;
}

/** Parses f…/t… text; throws InvalidFilecoinAddressError naming what is wrong. */
export function parseAddressWithNetwork(text: string): ParsedAddressString {
  if (typeof text !== "string") {
    throw new InvalidFilecoinAddressError("type", text, "is not a string; expected a Filecoin address such as f01234 or t410f…");
  }
  if (text.length < MIN_TEXT_LENGTH || text.length > MAX_TEXT_LENGTH) {
    throw new InvalidFilecoinAddressError(
      "length",
      text,
      `is ${text.length} characters long; a Filecoin address has ${MIN_TEXT_LENGTH} to ${MAX_TEXT_LENGTH}`,
    );
  }
  const network = text[0];
  if (network !== "f" && network !== "t") {
    throw new InvalidFilecoinAddressError(
      "network",
      text,
      `starts with ${JSON.stringify(network)}; a Filecoin address starts with f (mainnet) or t (testnets)`,
    );
  }
  const rest = text.slice(2);
  switch (text[1]) {
    case "0":
      return { network, address: { protocol: Protocol.ID, id: parseU64(rest, "actor id", text) } };
    case "1":
    case "2":
    case "3":
      return { network, address: parseChecksummed(Number(text[1]) as 1 | 2 | 3, rest, text) };
    case "4":
      return { network, address: parseDelegated(rest, text) };
    default:
      throw new InvalidFilecoinAddressError(
        "protocol",
        text,
        `has protocol ${JSON.stringify(text[1])}; Filecoin addresses are f0 (id), f1 (secp256k1), f2 (actor), f3 (BLS) or f4 (delegated)`,
      );
  }
}

export function parseAddress(text: string): FilecoinAddress {
  return parseAddressWithNetwork(text).address;
}

export function isFilecoinAddressString(text: unknown): text is FilecoinAddressString {
  try {
    parseAddressWithNetwork(text as string);
    return true;
  } catch (error) {
    if (error instanceof InvalidFilecoinAddressError) return false;
    throw error;
  }
}

function parseU64(digits: string, what: string, input: string): bigint {
  if (!/^[0-9]+$/.test(digits)) {
    throw new InvalidFilecoinAddressError("id-format", input, `has ${what} ${JSON.stringify(digits)}, which is not a decimal number`);
  }
  if (digits.length > MAX_U64_DIGITS || BigInt(digits) > MAX_U64) {
    throw new InvalidFilecoinAddressError("id-range", input, `has ${what} ${digits}, which is beyond the largest (2^64-1)`);
  }
  return BigInt(digits);
}

/** Decodes base32(payload ‖ checksum) and verifies the checksum against protocol ‖ prefix ‖ payload. */
function checkedPayload(encoded: string, protocolAndPrefix: Uint8Array, input: string): Uint8Array {
  const decoded = decodeBase32(encoded);
  if (!decoded.ok) throw new InvalidFilecoinAddressError("base32", input, decoded.problem);
  if (decoded.bytes.length < CHECKSUM_LENGTH) {
    throw new InvalidFilecoinAddressError("length", input, "is too short to hold the 4-byte checksum");
  }
  const payload = decoded.bytes.subarray(0, decoded.bytes.length - CHECKSUM_LENGTH);
  const checksum = decoded.bytes.subarray(decoded.bytes.length - CHECKSUM_LENGTH);
  if (!bytesEqual(checksum, addressChecksum(concatBytes(protocolAndPrefix, payload)))) {
    throw new InvalidFilecoinAddressError("checksum", input, "has a wrong checksum: check it for a typo or a truncated copy");
  }
  return payload;
}

function parseChecksummed(protocol: 1 | 2 | 3, encoded: string, input: string): FilecoinAddress {
  const payload = checkedPayload(encoded, Uint8Array.of(protocol), input);
  // The byte-form parser checks the payload length for the protocol.
  return reportAs(input, () => addressFromBytes(concatBytes(Uint8Array.of(protocol), payload)));
}

function parseDelegated(rest: string, input: string): FilecoinAddress {
  const separator = rest.indexOf("f");
  if (separator < 0) {
    throw new InvalidFilecoinAddressError(
      "id-format",
      input,
      "has no \"f\" after its namespace; a delegated address reads f4<namespace>f<base32>, e.g. f410f…",
    );
  }
  const namespace = parseU64(rest.slice(0, separator), "namespace", input);
  const prefix = concatBytes(Uint8Array.of(Protocol.Delegated), encodeUvarint(namespace));
  const subaddress = checkedPayload(rest.slice(separator + 1), prefix, input);
  return reportAs(input, () => addressFromBytes(concatBytes(prefix, subaddress)));
}

/** Re-raises a byte-form error against the text the user gave. */
function reportAs<T>(input: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof InvalidFilecoinAddressError)) throw error;
    throw new InvalidFilecoinAddressError(error.problem, input, error.detail);
  }
}

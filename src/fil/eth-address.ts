/**
 * Ethereum (0x) addresses and how they map to Filecoin addresses, per builtin-actors
 * `actors/evm/shared/src/address.rs` and lotus `ethtypes`:
 * - masked id: 0xff ‖ 11 zero bytes ‖ 8-byte big-endian actor id  ↔  f0<id>
 * - every other 20-byte value  ↔  f410 (EAM namespace 10, subaddress = the 20 bytes)
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { delegatedAddress, EAM_ACTOR_ID, type FilecoinAddress, idAddress, Protocol } from "./address";
import { InvalidEthAddressError, InvalidFilecoinAddressError } from "./address-errors";
import { formatAddress } from "./address-string";
import { bigIntToBytes, bytesToBigInt, bytesToHex, decodeHex } from "./bytes";

/** `0x` + 40 lowercase hex digits (normalised; use toChecksumEthAddress for display). */
export type EthAddress = string & { readonly __brand: "EthAddress" };

export const ETH_ADDRESS_LENGTH = 20;
const MASK_PREFIX_LENGTH = 12; // 0xff + 11 zero bytes

/** Parses 0x + 40 hex digits; mixed case must carry a valid EIP-55 checksum. */
export function parseEthAddress(text: string): EthAddress {
  if (typeof text !== "string") {
    throw new InvalidEthAddressError("type", text, "is not a string; expected a 0x address with 40 hex digits");
  }
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) {
    throw new InvalidEthAddressError("hex", text, "is not an Ethereum address: expected 0x followed by 40 hex digits");
  }
  const lower = text.toLowerCase() as EthAddress;
  const digits = text.slice(2);
  const mixedCase = digits !== digits.toLowerCase() && digits !== digits.toUpperCase();
  if (mixedCase && toChecksumEthAddress(lower) !== text) {
    throw new InvalidEthAddressError(
      "eip55",
      text,
      "has a wrong EIP-55 checksum (its mixed case does not match): it probably has a typo; copy the address again",
    );
  }
  return lower;
}

/** True for a 0x address parseEthAddress accepts. */
export function isEthAddressString(text: unknown): boolean {
  try {
    parseEthAddress(text as string);
    return true;
  } catch (error) {
    if (error instanceof InvalidEthAddressError) return false;
    throw error;
  }
}

export function ethAddressFromBytes(bytes: Uint8Array): EthAddress {
  return `0x${bytesToHex(checkedEthAddressBytes(bytes))}` as EthAddress;
}

function checkedEthAddressBytes(bytes: Uint8Array): Uint8Array {
  if (!(bytes instanceof Uint8Array) || bytes.length !== ETH_ADDRESS_LENGTH) {
    throw new InvalidEthAddressError("hex", bytes, `is not an Ethereum address: it must be exactly ${ETH_ADDRESS_LENGTH} bytes`);
  }
  return bytes;
}

export function ethAddressToBytes(address: EthAddress | string): Uint8Array {
  return decodeHex(parseEthAddress(address))!;
}

/** EIP-55 mixed-case form, for display. */
export function toChecksumEthAddress(address: EthAddress | string): string {
  const lower = (address.startsWith("0x") ? address.slice(2) : address).toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(lower)) {
    throw new InvalidEthAddressError("hex", address, "is not an Ethereum address: expected 0x followed by 40 hex digits");
  }
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(lower)));
  let out = "0x";
  for (let i = 0; i < lower.length; i++) out += parseInt(hash[i], 16) >= 8 ? lower[i].toUpperCase() : lower[i];
  return out;
}

/** The masked-id form of an actor id: 0xff00…00 ‖ id (e.g. market f05 → 0xff00…0005). */
export function maskedIdAddress(id: bigint | number): EthAddress {
  const bytes = new Uint8Array(ETH_ADDRESS_LENGTH);
  bytes[0] = 0xff;
  bytes.set(bigIntToBytes(idAddress(id).id, ETH_ADDRESS_LENGTH - MASK_PREFIX_LENGTH), MASK_PREFIX_LENGTH);
  return ethAddressFromBytes(bytes);
}

function maskedIdFromBytes(bytes: Uint8Array): bigint | undefined {
  if (bytes[0] !== 0xff) return undefined;
  for (let i = 1; i < MASK_PREFIX_LENGTH; i++) if (bytes[i] !== 0) return undefined;
  return bytesToBigInt(bytes.subarray(MASK_PREFIX_LENGTH));
}

/** The actor id inside a masked-id address, or undefined for any other (valid) 0x address, as text or its 20 bytes. */
export function maskedIdToActorId(address: EthAddress | string | Uint8Array): bigint | undefined {
  return maskedIdFromBytes(address instanceof Uint8Array ? checkedEthAddressBytes(address) : ethAddressToBytes(address));
}

/** True only for a well-formed masked-id address (0xff ‖ 11 zero bytes ‖ id). */
export function isMaskedId(address: string): boolean {
  return isEthAddressString(address) && maskedIdToActorId(address) !== undefined;
}

/**
 * The Filecoin address an EVM contract reaches with this 0x address: a masked id becomes the
 * f0 id address, anything else the f410 address (builtin-actors `From<EthAddress> for Address`).
 */
export function filecoinAddressFromEth(address: EthAddress | string): FilecoinAddress {
  const bytes = ethAddressToBytes(address);
  const id = maskedIdFromBytes(bytes);
  return id !== undefined ? idAddress(id) : delegatedAddress(EAM_ACTOR_ID, bytes);
}

/**
 * The 0x address of a Filecoin address: f0 ids become masked ids, f410 addresses give back their
 * 20 bytes. f1/f2/f3 and other f4 namespaces have no 0x form.
 */
export function ethAddressFromFilecoin(address: FilecoinAddress): EthAddress {
  if (address.protocol === Protocol.ID) return maskedIdAddress(address.id);
  if (
    address.protocol !== Protocol.Delegated ||
    address.namespace !== EAM_ACTOR_ID ||
    address.subaddress.length !== ETH_ADDRESS_LENGTH
  ) {
    throw new InvalidFilecoinAddressError(
      "no-eth-form",
      formatAddress(address),
      "has no 0x form: only f0 ids (as masked 0xff… addresses) and f410 addresses map to Ethereum addresses; " +
        "use the actor's id (f0…) instead",
    );
  }
  if (maskedIdFromBytes(address.subaddress) !== undefined) {
    throw new InvalidFilecoinAddressError(
      "no-eth-form",
      formatAddress(address),
      "embeds a masked-id (0xff00…) payload, which Filecoin never assigns to an f410 address; use the f0 id address instead",
    );
  }
  return ethAddressFromBytes(address.subaddress);
}

/**
 * Filecoin addresses as data, and their byte form (what actors send in CBOR and what Solidity
 * holds in `FilAddress.data`): protocol byte ‖ payload. Facts from ref-fvm
 * `shared/src/address/{mod,payload}.rs`.
 */
import { blake2b } from "@noble/hashes/blake2.js";
import { InvalidFilecoinAddressError } from "./address-errors";
import { bytesEqual, concatBytes } from "./bytes";
import { encodeUvarint, MAX_U64, readUvarint } from "./uvarint";

export const Protocol = { ID: 0, Secp256k1: 1, Actor: 2, BLS: 3, Delegated: 4 } as const;
export type Protocol = (typeof Protocol)[keyof typeof Protocol];

export const PAYLOAD_HASH_LENGTH = 20;
export const SECP256K1_PUBLIC_KEY_LENGTH = 65;
export const BLS_PUBLIC_KEY_LENGTH = 48;
export const MAX_SUBADDRESS_LENGTH = 54;
/** Actor id of the Ethereum Address Manager: the namespace of f410 addresses. */
export const EAM_ACTOR_ID = 10n;

export interface IdAddress {
  readonly protocol: typeof Protocol.ID;
  readonly id: bigint;
}
export interface Secp256k1Address {
  readonly protocol: typeof Protocol.Secp256k1;
  /** blake2b-160 of the 65-byte uncompressed public key. */
  readonly payload: Uint8Array;
}
export interface ActorAddress {
  readonly protocol: typeof Protocol.Actor;
  /** blake2b-160 of the creation data (the "robust" address of a created actor). */
  readonly payload: Uint8Array;
}
export interface BlsAddress {
  readonly protocol: typeof Protocol.BLS;
  /** The 48-byte BLS public key itself. */
  readonly payload: Uint8Array;
}
export interface DelegatedAddress {
  readonly protocol: typeof Protocol.Delegated;
  /** Actor id of the address manager (10 = EAM for Ethereum addresses). */
  readonly namespace: bigint;
  readonly subaddress: Uint8Array;
}
export type FilecoinAddress = IdAddress | Secp256k1Address | ActorAddress | BlsAddress | DelegatedAddress;

const HASH_PROTOCOL_NAMES = { 1: "secp256k1 (f1)", 2: "actor (f2)", 3: "BLS (f3)" } as const;
const PAYLOAD_LENGTHS = { 1: PAYLOAD_HASH_LENGTH, 2: PAYLOAD_HASH_LENGTH, 3: BLS_PUBLIC_KEY_LENGTH } as const;

function checkU64(value: bigint | number, what: string, input: unknown): bigint {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new InvalidFilecoinAddressError("id-format", input, `is not a whole ${what}; pass a bigint`);
  }
  const big = BigInt(value);
  if (big < 0n || big > MAX_U64) {
    throw new InvalidFilecoinAddressError("id-range", input, `is not a valid ${what}: it must be within 0..2^64-1`);
  }
  return big;
}

export function idAddress(id: bigint | number): IdAddress {
  return { protocol: Protocol.ID, id: checkU64(id, "actor id", id) };
}

export function delegatedAddress(namespace: bigint | number, subaddress: Uint8Array): DelegatedAddress {
  const ns = checkU64(namespace, "delegated-address namespace", namespace);
  return { protocol: Protocol.Delegated, namespace: ns, subaddress: checkSubaddress(subaddress, subaddress) };
}

function checkSubaddress(subaddress: Uint8Array, input: unknown): Uint8Array {
  if (subaddress.length > MAX_SUBADDRESS_LENGTH) {
    throw new InvalidFilecoinAddressError(
      "payload-length",
      input,
      `has a ${subaddress.length}-byte delegated (f4) subaddress; the maximum is ${MAX_SUBADDRESS_LENGTH}`,
    );
  }
  return Uint8Array.from(subaddress);
}

function hashPayloadAddress<P extends 1 | 2 | 3>(protocol: P, payload: Uint8Array) {
  if (payload.length !== PAYLOAD_LENGTHS[protocol]) {
    throw new InvalidFilecoinAddressError(
      "payload-length",
      payload,
      `is not a ${HASH_PROTOCOL_NAMES[protocol]} payload: it must be ${PAYLOAD_LENGTHS[protocol]} bytes, got ${payload.length}`,
    );
  }
  return { protocol, payload: Uint8Array.from(payload) };
}

/** An f1 address from its 20-byte payload (already hashed). */
export function secp256k1Address(payload: Uint8Array): Secp256k1Address {
  return hashPayloadAddress(Protocol.Secp256k1, payload);
}

/** An f1 address from a 65-byte uncompressed secp256k1 public key (0x04 ‖ x ‖ y). */
export function secp256k1AddressFromPublicKey(publicKey: Uint8Array): Secp256k1Address {
  if (publicKey.length !== SECP256K1_PUBLIC_KEY_LENGTH) {
    throw new InvalidFilecoinAddressError(
      "payload-length",
      publicKey,
      `is not an uncompressed secp256k1 public key: it must be ${SECP256K1_PUBLIC_KEY_LENGTH} bytes, got ${publicKey.length}`,
    );
  }
  return secp256k1Address(blake2b(publicKey, { dkLen: PAYLOAD_HASH_LENGTH }));
}

/** An f2 address from its 20-byte payload (already hashed). */
export function actorAddress(payload: Uint8Array): ActorAddress {
  return hashPayloadAddress(Protocol.Actor, payload);
}

/** An f2 address for actor-creation data (blake2b-160 of it). */
export function actorAddressFromData(data: Uint8Array): ActorAddress {
  return actorAddress(blake2b(data, { dkLen: PAYLOAD_HASH_LENGTH }));
}

/** An f3 address from a 48-byte BLS public key. */
export function blsAddress(publicKey: Uint8Array): BlsAddress {
  return hashPayloadAddress(Protocol.BLS, publicKey);
}

/** The payload without the protocol byte. */
function addressPayloadBytes(address: FilecoinAddress): Uint8Array {
  switch (address.protocol) {
    case Protocol.ID:
      return encodeUvarint(address.id);
    case Protocol.Delegated:
      return concatBytes(encodeUvarint(address.namespace), address.subaddress);
    default:
      return Uint8Array.from(address.payload);
  }
}

/** Byte form: protocol byte ‖ payload (e.g. f01234 → 00d209, f410… → 040a ‖ 20 bytes). */
export function addressToBytes(address: FilecoinAddress): Uint8Array {
  return concatBytes(Uint8Array.of(address.protocol), addressPayloadBytes(address));
}

/** Parses the byte form; throws InvalidFilecoinAddressError naming what is wrong. */
export function addressFromBytes(bytes: Uint8Array): FilecoinAddress {
  if (!(bytes instanceof Uint8Array)) {
    throw new InvalidFilecoinAddressError("type", bytes, "is not a byte array; a Filecoin address in byte form is a Uint8Array");
  }
  if (bytes.length < 2) {
    throw new InvalidFilecoinAddressError(
      "length",
      bytes,
      "is too short for a Filecoin address: it needs a protocol byte and a payload",
    );
  }
  const protocol = bytes[0];
  const payload = bytes.subarray(1);
  switch (protocol) {
    case Protocol.ID: {
      const id = readUvarint(payload);
      if (!id.ok) {
        throw new InvalidFilecoinAddressError(id.overflow ? "id-range" : "varint", bytes, `has an actor id that ${id.problem}`);
      }
      if (id.next !== payload.length) {
        throw new InvalidFilecoinAddressError("payload-length", bytes, "has bytes after the actor id of an ID (f0) address");
      }
      return { protocol: Protocol.ID, id: id.value };
    }
    case Protocol.Secp256k1:
    case Protocol.Actor:
    case Protocol.BLS:
      if (payload.length !== PAYLOAD_LENGTHS[protocol]) {
        throw new InvalidFilecoinAddressError(
          "payload-length",
          bytes,
          `has a ${payload.length}-byte payload; a ${HASH_PROTOCOL_NAMES[protocol]} address needs ${PAYLOAD_LENGTHS[protocol]}`,
        );
      }
      return { protocol, payload: Uint8Array.from(payload) };
    case Protocol.Delegated: {
      const ns = readUvarint(payload);
      if (!ns.ok) {
        const problem = `has a delegated-address namespace that ${ns.problem}`;
        throw new InvalidFilecoinAddressError(ns.overflow ? "id-range" : "varint", bytes, problem);
      }
      const subaddress = checkSubaddress(payload.subarray(ns.next), bytes);
      return { protocol: Protocol.Delegated, namespace: ns.value, subaddress };
    }
    default:
      throw new InvalidFilecoinAddressError(
        "protocol",
        bytes,
        `has protocol byte ${protocol}; Filecoin address protocols are 0 (id), 1 (secp256k1), 2 (actor), 3 (BLS) and 4 (delegated)`,
      );
  }
}

export function addressesEqual(a: FilecoinAddress, b: FilecoinAddress): boolean {
  return bytesEqual(addressToBytes(a), addressToBytes(b));
}

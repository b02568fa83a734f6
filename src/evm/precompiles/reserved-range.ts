import type { Address } from "@ethereumjs/util";
import { callActorByAddress, callActorById } from "./call-actor";
import { ecRecover } from "./ec-recover";
import { emptySlot } from "./empty-slot";
import { ethereumjsPrecompile } from "./ethereumjs-precompile";
import type { FevmPrecompile } from "./fevm-precompile";
import { getBeaconRandomness } from "./get-beacon-randomness";
import { lookupDelegatedAddress } from "./lookup-delegated-address";
import { modexp } from "./modexp";
import { p256Verify } from "./p256-verify";
import { resolveAddress } from "./resolve-address";

/** 0x00…XX (Ethereum range) or 0xfe00…XX (Filecoin range), XX = 1..255. */
function reservedAddress(prefix: 0x00 | 0xfe, index: number): string {
  return `0x${prefix.toString(16).padStart(2, "0")}${"00".repeat(18)}${index.toString(16).padStart(2, "0")}`;
}

const P256_VERIFY_ADDRESS = "0x0000000000000000000000000000000000000100";

/** The Ethereum range 0x01–0xff (builtin-actors precompiles/mod.rs EVM_PRECOMPILES). */
function ethereumSlot(index: number, networkVersion: number): FevmPrecompile {
  if (index === 0x01) return ecRecover;
  if (index === 0x05) return modexp;
  // SHA-256, RIPEMD-160, identity, bn254 add/mul/pairing, blake2f: as on Ethereum since nv18.
  if (index <= 0x09) return ethereumjsPrecompile(reservedAddress(0x00, index));
  // 0x0a (KZG point evaluation on Ethereum) never exists; BLS12-381 arrives with nv27 (FIP-0105).
  if (index >= 0x0b && index <= 0x11 && networkVersion >= 27) return ethereumjsPrecompile(reservedAddress(0x00, index));
  return emptySlot;
}

/** The Filecoin range 0xfe00…01–0xfe00…ff (NATIVE_PRECOMPILES; 04 was get_actor_type, disabled before launch). */
function filecoinSlot(index: number, networkVersion: number): FevmPrecompile {
  switch (index) {
    case 0x01:
      return resolveAddress;
    case 0x02:
      return lookupDelegatedAddress;
    case 0x03:
      return callActorByAddress;
    case 0x05:
      return callActorById;
    case 0x06:
      return networkVersion >= 24 ? getBeaconRandomness : emptySlot; // FIP-0095
    default:
      return emptySlot;
  }
}

const tables = new Map<number, ReadonlyMap<string, FevmPrecompile>>();

/**
 * What runs at every reserved address for a network version (spec fevm-semantics §1.1, §2.1):
 * all of 0x01–0xff and 0xfe00…01–0xfe00…ff, plus P256VERIFY at 0x0100 from nv28 (FIP-0113).
 * Unimplemented slots succeed with empty output. Keys are lowercase 0x addresses.
 */
export function reservedRange(networkVersion: number): ReadonlyMap<string, FevmPrecompile> {
  let table = tables.get(networkVersion);
  if (!table) tables.set(networkVersion, (table = buildTable(networkVersion)));
  return table;
}

/**
 * Whether a precompile (not an empty slot) lives at `address` at this network version:
 * EXTCODEHASH answers keccak("") for these, while an empty slot reads like any f410 address
 * (spec §2.5).
 */
export function isImplementedPrecompile(address: Address, networkVersion: number): boolean {
  const precompile = reservedRange(networkVersion).get(address.toString());
  return precompile !== undefined && precompile !== emptySlot;
}

function buildTable(networkVersion: number): Map<string, FevmPrecompile> {
  const table = new Map<string, FevmPrecompile>();
  for (let index = 0x01; index <= 0xff; index++) {
    table.set(reservedAddress(0x00, index), ethereumSlot(index, networkVersion));
    table.set(reservedAddress(0xfe, index), filecoinSlot(index, networkVersion));
  }
  if (networkVersion >= 28) table.set(P256_VERIFY_ADDRESS, p256Verify);
  return table;
}

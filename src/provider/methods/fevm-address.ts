import {
  addressToBytes,
  bytesToHex,
  ethAddressFromFilecoin,
  formatAddress,
  idAddress,
  InvalidAddressError,
  maskedIdAddress,
  Protocol,
  toFilecoinAddress,
  type FilecoinAddress,
} from "../../fil";
import type { MethodContext } from "../context";
import { invalidParams } from "../errors";
import * as p from "../params";

/** Every form of one address, as `fevm_address` answers and `npx hardhat fevm address` prints. */
export interface AddressForms {
  /** The input in canonical Filecoin form (t prefix: this is a test network). */
  filecoin: string;
  /** The 0x address Solidity uses for it: f410 → its 20 bytes; id → masked id; else via the id. */
  eth: string | null;
  /** Actor id in the current state, if the address is bound to an actor. */
  id: string | null;
  idAddress: string | null;
  maskedId: string | null;
  /** The actor's own f1/f2/f3/f4 address when the input was an id. */
  robust: string | null;
  /** Raw address bytes, as Solidity's FilAddress.data holds them. */
  bytes: string;
  kind: string | null;
}

/** The longest address text: an f4 address with a 54-byte subaddress is about 100 characters. */
const MAX_ADDRESS_CHARS = 256;
const ADDRESS_FORMS = "an address (0x…, f…/t…) or an actor id";

/** Any address form a client may send: 0x, f…/t… text, or an actor id as number or decimal string. */
export function parseAnyAddress(value: unknown, name: string): FilecoinAddress {
  if (typeof value === "number" || typeof value === "bigint") return idAddress(p.integer(value, name, { ...p.UINT64, label: `${ADDRESS_FORMS} from 0 to 2^64 - 1` }));
  if (typeof value !== "string" || value.length > MAX_ADDRESS_CHARS) throw p.paramError(name, ADDRESS_FORMS, value);
  try {
    if (/^\d+$/.test(value)) return idAddress(p.integer(value, name, { ...p.UINT64, label: `${ADDRESS_FORMS} from 0 to 2^64 - 1` }));
    return toFilecoinAddress(value);
  } catch (e) {
    if (e instanceof InvalidAddressError) throw invalidParams(`Errors encountered in param ${name}: ${e.message}`);
    throw e;
  }
}

export async function addressForms(ctx: MethodContext, address: FilecoinAddress): Promise<AddressForms> {
  const registry = ctx.chain.evm.actors;
  const id = await registry.lookupId(address);
  const record = id === undefined ? undefined : await registry.get(id);
  const direct = address.protocol === Protocol.ID || (address.protocol === Protocol.Delegated && address.namespace === 10n && address.subaddress.length === 20);
  const eth = direct ? ethAddressFromFilecoin(address) : id !== undefined ? maskedIdAddress(id) : null;
  return {
    filecoin: formatAddress(address, "t"),
    eth,
    id: id === undefined ? null : id.toString(),
    idAddress: id === undefined ? null : formatAddress(idAddress(id), "t"),
    maskedId: id === undefined ? null : maskedIdAddress(id),
    robust: record?.address ? formatAddress(record.address, "t") : null,
    bytes: `0x${bytesToHex(addressToBytes(address))}`,
    kind: record?.kind ?? null,
  };
}

import type { EIP1193Provider } from "hardhat/types";
import type { AddressForms } from "../provider/methods/fevm-address";
import { wire } from "./wire";

/** Any address form a user may hold: 0x, f…/t… strings, or an actor id. */
export type AnyAddress = string | bigint | number;

export async function addressForms(provider: EIP1193Provider, address: AnyAddress): Promise<AddressForms> {
  return (await provider.request({ method: "fevm_address", params: [wire(address)] })) as AddressForms;
}

/** The table `fevm address` prints: one labelled line per form. */
export function addressFormLines(forms: AddressForms): string[] {
  const rows: [string, string | null][] = [
    ["Filecoin", forms.filecoin],
    ["Ethereum (0x)", forms.eth],
    ["actor id", forms.id],
    ["id address", forms.idAddress],
    ["masked id", forms.maskedId],
    ["robust address", forms.robust],
    ["actor kind", forms.kind],
    ["bytes (FilAddress.data)", forms.bytes],
  ];
  return rows.map(([label, value]) => `${label.padEnd(24)} ${value ?? "(none on this network)"}`);
}

function required<T>(value: T | null, what: string, address: AnyAddress): T {
  if (value === null) throw new Error(`${String(address)} has no ${what}: it is not bound to any actor on this network yet (send it some FIL or deploy to it first)`);
  return value;
}

/** `hre.fevm.address`: conversions between the address forms, each backed by `fevm_address`. */
export function createAddressHelpers(provider: () => EIP1193Provider) {
  const forms = (a: AnyAddress) => addressForms(provider(), a);
  return {
    /** All forms at once. */
    forms,
    /** 0x… → t410f… (masked ids → t0…). */
    toFilecoin: async (address: AnyAddress) => (await forms(address)).filecoin,
    /** t410f…/t0… → the 0x address Solidity sees. */
    toEth: async (address: AnyAddress) => required((await forms(address)).eth, "Ethereum form", address),
    /** The actor id the address is bound to. */
    actorId: async (address: AnyAddress) => BigInt(required((await forms(address)).id, "actor id", address)),
    /** 0xff00…<id>: how an actor without an f410 address appears to the EVM. */
    maskedId: async (id: bigint | number) => required((await forms(id)).eth, "masked id", id),
    /** Raw address bytes for Solidity's `FilAddress.data`. */
    toBytes: async (address: AnyAddress) => (await forms(address)).bytes,
  };
}

export type FevmAddressHelpers = ReturnType<typeof createAddressHelpers>;

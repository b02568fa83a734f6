import type { AddOpcode, BaseOpcodes } from "./base-table";

const CLZ = 0x1e;
const MUL = 0x02;

/** Network version that added CLZ (FIP-0114, EIP-7939). */
export const CLZ_SINCE_NETWORK_VERSION = 28;

/**
 * CLZ (count leading zeros), which ethereumjs implements for Osaka: its handler, priced like MUL
 * as EIP-7939 specifies. Not part of the table before nv28, where 0x1e aborts like any undefined byte.
 */
export function clzOpcode(base: BaseOpcodes): AddOpcode {
  return { opcode: CLZ, opcodeName: "CLZ", baseFee: base.fee(MUL), logicFunction: base.logic(CLZ) };
}

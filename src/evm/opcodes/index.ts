import type { Common } from "@ethereumjs/common";
import type { EVMOpts } from "@ethereumjs/evm";

export type CustomOpcode = NonNullable<EVMOpts["customOpcodes"]>[number];

/** Opcodes the FEVM does not define (builtin-actors interpreter/execution.rs): they abort with 35. */
const UNDEFINED_IN_FEVM = [
  0xf2, // CALLCODE
  0x49, // BLOBHASH
  0x4a, // BLOBBASEFEE
];

/**
 * The FEVM's opcode table as changes to ethereumjs's for the hardfork chosen by hardforkFor():
 * removals, and replacements whose behaviour differs from Ethereum's (one file per opcode).
 */
export function fevmOpcodes(_common: Common, _networkVersion: number): CustomOpcode[] {
  return UNDEFINED_IN_FEVM.map((opcode) => ({ opcode }));
}

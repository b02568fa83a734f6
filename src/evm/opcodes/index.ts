import type { Common } from "@ethereumjs/common";
import { balanceOpcode } from "./balance";
import { BaseOpcodes, type CustomOpcode } from "./base-table";
import { callOpcodes } from "./call";
import { CLZ_SINCE_NETWORK_VERSION, clzOpcode } from "./clz";
import { createOpcodes } from "./create";
import { environmentOpcodes } from "./environment";
import { extcodeOpcodes } from "./extcode";
import { logOpcodes } from "./log";
import { selfDestructOpcode } from "./selfdestruct";
import { undefinedOpcodes } from "./undefined";

export type { CustomOpcode } from "./base-table";
export { beaconDigest, drawRandomness, DomainSeparationTag } from "./beacon";
export { prevRandao } from "./environment";
export { buryDestructedContracts } from "./selfdestruct";
export { exitCodeOfFevmHalt, FevmHalt } from "./halts";

/**
 * Opcodes of ethereumjs's table the FEVM does not define (builtin-actors interpreter/execution.rs):
 * they abort the frame like every other undefined byte (the caller sees 0, an actor exit 35).
 */
const UNDEFINED_IN_FEVM = [
  0xf2, // CALLCODE
  0x49, // BLOBHASH
  0x4a, // BLOBBASEFEE
];

/**
 * The FEVM's opcode table as changes to ethereumjs's for the hardfork chosen by hardforkFor()
 * (which already brings MCOPY at nv24 and TSTORE/TLOAD at nv25): removals, CLZ from nv28, and
 * replacements whose behaviour differs from Ethereum's (one file per opcode or tight group).
 */
export function fevmOpcodes(common: Common, networkVersion: number): CustomOpcode[] {
  const base = new BaseOpcodes(common);
  const additions = networkVersion >= CLZ_SINCE_NETWORK_VERSION ? [clzOpcode(base)] : [];
  const defined = new Set([...base.defined().filter((op) => !UNDEFINED_IN_FEVM.includes(op)), ...additions.map((op) => op.opcode)]);
  return [
    ...undefinedOpcodes(defined),
    ...additions,
    ...environmentOpcodes(base),
    balanceOpcode(base),
    ...extcodeOpcodes(base),
    ...callOpcodes(base),
    ...createOpcodes(base),
    selfDestructOpcode(base),
    ...logOpcodes(base),
  ];
}

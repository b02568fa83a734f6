import type { AddOpcode } from "./base-table";
import { FevmHalt, haltFrame } from "./halts";

/** The designated INVALID instruction: stays ethereumjs's own (exit 34, EVM_CONTRACT_INVALID_INSTRUCTION). */
const INVALID = 0xfe;

/**
 * Every byte that is no instruction of the FEVM table (`defined` lists those that are) halts with
 * EVM_CONTRACT_UNDEFINED_INSTRUCTION (35), as builtin-actors' interpreter does for undefined
 * opcodes, instead of sharing ethereumjs's INVALID entry (34).
 */
export function undefinedOpcodes(defined: ReadonlySet<number>): AddOpcode[] {
  const undefinedBytes: number[] = [];
  for (let opcode = 0; opcode <= 0xff; opcode++) if (opcode !== INVALID && !defined.has(opcode)) undefinedBytes.push(opcode);
  return undefinedBytes.map((opcode) => ({ opcode, opcodeName: "UNDEFINED", baseFee: 0, logicFunction: () => haltFrame(FevmHalt.UndefinedInstruction) }));
}

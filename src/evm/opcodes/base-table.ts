import type { Common } from "@ethereumjs/common";
import { getOpcodesForHF, paramsEVM, type EVMOpts } from "@ethereumjs/evm";

export type CustomOpcode = NonNullable<EVMOpts["customOpcodes"]>[number];
export type AddOpcode = Extract<CustomOpcode, { logicFunction: unknown }>;
export type OpLogic = AddOpcode["logicFunction"];
export type OpGas = NonNullable<AddOpcode["gasFunction"]>;
/** The executing frame as ethereumjs hands it to an opcode handler. */
export type RunState = Parameters<OpLogic>[0];

/**
 * ethereumjs's own opcode table for the hardfork hardforkFor() picked: the Ethereum behaviour
 * that FEVM opcodes wrap, and the name and base fee a replacement keeps (so traces and gas stay
 * those of the opcode it replaces).
 */
export class BaseOpcodes {
  private readonly table: ReturnType<typeof getOpcodesForHF>;

  constructor(common: Common) {
    // The EVM loads its gas parameters into its Common when constructed, after this table is built.
    const withGasParams = common.copy();
    withGasParams.updateParams(paramsEVM);
    this.table = getOpcodesForHF(withGasParams);
  }

  /** The Ethereum handler of `opcode` (every handler ethereumjs has, active in this hardfork or not). */
  logic(opcode: number): OpLogic {
    const handler = this.table.handlers.get(opcode);
    if (!handler) throw new Error(`ethereumjs has no handler for opcode 0x${opcode.toString(16)}`);
    return handler;
  }

  /** The Ethereum dynamic-gas function of `opcode`. */
  gas(opcode: number): OpGas {
    const handler = this.table.dynamicGasHandlers.get(opcode);
    if (!handler) throw new Error(`ethereumjs has no dynamic gas for opcode 0x${opcode.toString(16)}`);
    return handler;
  }

  /** The opcodes ethereumjs defines in this hardfork. */
  defined(): number[] {
    return [...this.table.opcodes.keys()];
  }

  fee(opcode: number): number {
    return this.info(opcode).fee;
  }

  /** `opcode` with FEVM logic (and gas) in place of Ethereum's; name and base fee unchanged. */
  replace(opcode: number, logicFunction: OpLogic, gasFunction: OpGas | undefined = this.table.dynamicGasHandlers.get(opcode)): AddOpcode {
    const { name, fee } = this.info(opcode);
    return { opcode, opcodeName: name, baseFee: fee, logicFunction, gasFunction };
  }

  private info(opcode: number): { name: string; fee: number } {
    const info = this.table.opcodes.get(opcode);
    if (!info) throw new Error(`opcode 0x${opcode.toString(16)} is not active in this hardfork`);
    return info;
  }
}

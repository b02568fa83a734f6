import type { AddOpcode, BaseOpcodes, OpLogic } from "./base-table";
import { resolveStackTarget } from "./targets";

const BALANCE = 0x31;

/**
 * BALANCE of a masked id reads the actor's balance wherever it lives: a contract or EthAccount
 * named by masked id holds its FIL under its 0x address (spec fevm-semantics §2.3).
 */
function balanceLogic(original: OpLogic): OpLogic {
  return async (runState, common) => {
    await resolveStackTarget(runState, 0);
    return original(runState, common);
  };
}

export function balanceOpcode(base: BaseOpcodes): AddOpcode {
  return base.replace(BALANCE, balanceLogic(base.logic(BALANCE)));
}

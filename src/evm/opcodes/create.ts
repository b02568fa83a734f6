import { Address, bigIntToBytes, generateAddress, generateAddress2, setLengthLeft } from "@ethereumjs/util";
import type { AddOpcode, BaseOpcodes, OpLogic, RunState } from "./base-table";

const CREATE = 0xf0;
const CREATE2 = 0xf5;

/**
 * Whether the EAM may put a new contract at `address` (builtin-actors actors/eam can_assign_address):
 * not the zero address, not a masked id (0xff00…00 ‖ id), and not in either precompile range
 * (0x00 or 0xfe followed by 18 zero bytes, whatever the last byte).
 */
export function canAssignAddress(address: Address): boolean {
  const b = address.bytes;
  if (b.every((x) => x === 0)) return false;
  if (b[0] === 0xff && b.subarray(1, 12).every((x) => x === 0)) return false;
  return !((b[0] === 0x00 || b[0] === 0xfe) && b.subarray(1, 19).every((x) => x === 0));
}

/** The address CREATE/CREATE2 is about to use, computed as ethereumjs will (the stack is left as is). */
function plannedAddress(runState: RunState, create2: boolean): Address {
  const self = runState.interpreter.getAddress();
  if (!create2) return new Address(generateAddress(self.bytes, bigIntToBytes(runState.env.contract.nonce)));
  const [, offset, length, salt] = runState.stack.peek(4);
  const initcode = length === 0n ? new Uint8Array() : runState.memory.read(Number(offset), Number(length));
  return new Address(generateAddress2(self.bytes, setLengthLeft(bigIntToBytes(salt), 32), initcode));
}

/**
 * CREATE/CREATE2 onto an address the EAM refuses (exit 18): the contract's nonce is spent (the EVM
 * actor increments it before asking the EAM), nothing is created and 0 is pushed. Everything else
 * runs as in Ethereum — including the 24 KiB runtime-code limit and the refusal of code starting
 * with 0xEF, which ethereumjs applies from Shanghai on.
 */
function createLogic(original: OpLogic, create2: boolean): OpLogic {
  return async (runState, common) => {
    if (canAssignAddress(plannedAddress(runState, create2))) return original(runState, common);
    const [value] = runState.stack.popN(create2 ? 4 : 3);
    runState.messageGasLimit = undefined;
    runState.returnBytes = new Uint8Array();
    const self = runState.env.contract;
    if (value <= self.balance) {
      self.nonce += 1n;
      await runState.interpreter.journal.putAccount(runState.interpreter.getAddress(), self);
    }
    runState.stack.push(0n);
  };
}

export function createOpcodes(base: BaseOpcodes): AddOpcode[] {
  return [base.replace(CREATE, createLogic(base.logic(CREATE), false)), base.replace(CREATE2, createLogic(base.logic(CREATE2), true))];
}

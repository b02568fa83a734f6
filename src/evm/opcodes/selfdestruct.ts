import { EVMError, type ExecResult } from "@ethereumjs/evm";
import { Address, bytesToHex, hexToBytes, type PrefixedHexString } from "@ethereumjs/util";
import { send } from "../../actors/send";
import { ExitCode, filecoinAddressFromEth, METHOD_SEND } from "../../fil";
import type { FevmEVM } from "../fevm-evm";
import type { AddOpcode, BaseOpcodes, OpLogic } from "./base-table";
import { addressFromWord, executingActor, fevmOf, reloadSelf } from "./frame";
import { FevmHalt, haltFrame } from "./halts";

const SELFDESTRUCT = 0xff;

/**
 * SELFDESTRUCT as the EVM actor does it (builtin-actors instructions/lifecycle.rs), not EIP-6780:
 * the whole balance goes to the beneficiary in a bare send (its code does not run; an f410 address
 * of no actor becomes a Placeholder; paying itself keeps the funds), and if that send fails — a
 * masked id of no actor — the frame aborts (exit 40). Then the contract is marked for burial at
 * the end of the transaction, recorded in ethereumjs's selfdestruct set so that the mark is
 * dropped with any frame that reverts, and the frame stops with success. No gas is refunded.
 */
function selfDestructLogic(): OpLogic {
  return async (runState) => {
    const beneficiary = addressFromWord(runState.stack.pop());
    const evm = fevmOf(runState);
    const self = runState.interpreter.getAddress();
    const balance = (await runState.stateManager.getAccount(self))?.balance ?? 0n;
    const outcome = await send({
      evm,
      from: await executingActor(runState),
      to: filecoinAddressFromEth(beneficiary.toString()),
      method: METHOD_SEND,
      params: null,
      value: balance,
      gasLimit: runState.interpreter.getGasLeft(),
      readOnly: false,
      depth: runState.env.depth,
      epoch: evm.currentEpoch(),
    });
    if (outcome.kind !== "returned" || outcome.exitCode !== ExitCode.OK) haltFrame(FevmHalt.SelfDestructFailed);
    await reloadSelf(runState);
    runState.interpreter._result.selfdestruct.set(bytesToHex(self.bytes), beneficiary.toString());
    throw new EVMError(EVMError.errorMessages.STOP);
  };
}

export function selfDestructOpcode(base: BaseOpcodes): AddOpcode {
  return base.replace(SELFDESTRUCT, selfDestructLogic());
}

/**
 * Ends the contracts that self-destructed in a top-level message that just finished (`result` is
 * its outcome; reverted frames have dropped their marks). A dead contract keeps its actor and
 * its balance — FIL sent to it later stays there — but has no code and no storage, so calls to it
 * succeed doing nothing; its nonce goes back to 0 so CREATE2 can deploy there again (the EAM's
 * Resurrect). Empties the set, so ethereumjs does not delete the accounts (which would burn their
 * balance, and under EIP-6780 only for contracts created in the same transaction).
 */
export async function buryDestructedContracts(evm: FevmEVM, result: ExecResult): Promise<void> {
  const marked = result.selfdestruct;
  if (!marked || marked.size === 0) return;
  const sm = evm.stateManager;
  for (const hex of marked.keys()) {
    const address = new Address(hexToBytes(hex as PrefixedHexString));
    await sm.putCode(address, new Uint8Array());
    await sm.clearStorage(address);
    const account = await sm.getAccount(address);
    if (account) {
      account.nonce = 0n;
      await sm.putAccount(address, account);
    }
  }
  result.selfdestruct = new Map();
}

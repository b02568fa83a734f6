import { EVMError, type CustomPrecompile, type ExecResult, type Message, type PrecompileInput } from "@ethereumjs/evm";
import { createAddressFromString, type Address } from "@ethereumjs/util";
import type { FevmEVM } from "../fevm-evm";
import { PrecompileFailure, type FevmPrecompile, type PrecompileSuccess } from "./fevm-precompile";

/**
 * A precompile failure as the FEVM reports it (builtin-actors `instructions/call.rs`): the CALL
 * pushes 0 with EMPTY returndata and the caller continues with its unused gas. In ethereumjs that
 * is a REVERT with empty output (the only failure whose returndata reaches the caller), which
 * also rolls back the value ethereumjs moved to the precompile address before running it.
 */
function failed(): ExecResult {
  return { returnValue: new Uint8Array(), executionGasUsed: 0n, exceptionError: new EVMError(EVMError.errorMessages.REVERT) };
}

function succeeded(result: PrecompileSuccess, gasLimit: bigint): ExecResult {
  // Charging more than the CALL forwarded would break ethereumjs's gas bookkeeping.
  return { returnValue: result.output, executionGasUsed: result.gasUsed < gasLimit ? result.gasUsed : gasLimit };
}

/** The message that reached this precompile, if the precompile runs inside a call. */
function messageTo(evm: FevmEVM, address: Address): Message | undefined {
  const message = evm.currentMessage();
  return message?.to && message.codeAddress.equals(address) ? message : undefined;
}

/** The gas the calling frame started with: an upper bound of what a precompile may compute with. */
function callerBudget(evm: FevmEVM, gasLimit: bigint): bigint {
  const caller = evm.messageStack[evm.messageStack.length - 2];
  return caller && caller.gasLimit > gasLimit ? caller.gasLimit : gasLimit;
}

async function run(address: Address, precompile: FevmPrecompile, input: PrecompileInput): Promise<ExecResult> {
  const evm = input._EVM as FevmEVM;
  const message = messageTo(evm, address);
  if (message?.depth === 0) {
    // Lotus turns a transaction or eth_call to a precompile address into a send to that address's
    // f410 actor: no precompile runs, a Placeholder is created there, the result is empty (spec §1.7).
    if (!message.isStatic) await evm.actors.ensureEth(address, "placeholder");
    return { returnValue: new Uint8Array(), executionGasUsed: 0n };
  }
  let result: PrecompileSuccess;
  const logMark = evm.actorLogs.length;
  try {
    result = await precompile({
      input: input.data,
      address,
      evm,
      message,
      gasLimit: input.gasLimit,
      budget: callerBudget(evm, input.gasLimit),
    });
  } catch (error) {
    evm.actorLogs.length = logMark;
    if (error instanceof PrecompileFailure) return failed();
    throw error;
  }
  // Value sent with a successful call lands in the f410 actor of the precompile's address, which the
  // FVM's send auto-creates as a Placeholder (builtin-actors precompiles/mod.rs `call_precompile`).
  if (message && !message.delegatecall && message.value > 0n) await evm.actors.ensureEth(address, "placeholder");
  // Events of contracts that actors called on the way (call_actor, market callbacks) are the
  // precompile call's events, as the FVM records them.
  return { ...succeeded(result, input.gasLimit), logs: evm.actorLogs.splice(logMark) };
}

/** Registers an FEVM precompile with ethereumjs at a reserved address (0x-prefixed, 40 hex digits). */
export function customPrecompileAt(address: string, precompile: FevmPrecompile): CustomPrecompile {
  const at = createAddressFromString(address);
  return { address: at, function: (input: PrecompileInput) => run(at, precompile, input) };
}

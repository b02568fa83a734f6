import { Codec, type IpldBlock, type SendOutcome } from "../../actors/outcome";
import { send } from "../../actors/send";
import { CborDecodeError, decodeCbor, EvmMethod, ExitCode, idAddress, SyscallError } from "../../fil";
import type { AddOpcode, BaseOpcodes, OpGas, OpLogic, RunState } from "./base-table";
import { executingActor, fevmOf, reloadSelf, setCallOutput } from "./frame";
import { resolveStackTarget, roleOf, type MaskedTarget } from "./targets";

const CALL = 0xf1;
const DELEGATECALL = 0xf4;
const STATICCALL = 0xfa;

/** Gas the FEVM gives a CALL shaped like a bare transfer (builtin-actors call.rs TRANSFER_GAS_LIMIT). */
const TRANSFER_GAS_LIMIT = 10_000_000n;

const EMPTY = new Uint8Array();

type CallKind = "call" | "staticcall";

/**
 * Solidity's `transfer`/`send` ask for 0 gas with value (Ethereum adds a 2300 stipend) or 2300
 * without; the FEVM gives both 10M gas instead, enough to run real code (so the stipend is no
 * reentrancy guard). 63/64 of the remaining gas still caps it.
 */
function bareTransferGas(original: OpGas, kind: CallKind): OpGas {
  return async (runState, gas, common) => {
    const [requested, , third] = runState.stack.peek(3);
    const value = kind === "call" ? third : 0n;
    const charged = await original(runState, gas, common);
    if ((requested === 0n && value > 0n) || (requested === 2300n && value === 0n)) {
      const available = runState.interpreter.getGasLeft() - charged;
      const cap = available - available / 64n;
      runState.messageGasLimit = cap < TRANSFER_GAS_LIMIT ? cap : TRANSFER_GAS_LIMIT;
    }
    return charged;
  };
}

/** Return data of a send as the caller sees it: a CBOR byte string unwrapped, anything else raw. */
function returnData(ret: IpldBlock | null): Uint8Array {
  if (!ret) return EMPTY;
  try {
    const value = decodeCbor(ret.data);
    if (value instanceof Uint8Array) return value;
  } catch (e) {
    if (!(e instanceof CborDecodeError)) throw e;
  }
  return ret.data;
}

/** What CALL pushes and leaves as return data for a send's outcome (builtin-actors call.rs). */
function callResult(outcome: SendOutcome, readOnly: boolean): { success: boolean; data: Uint8Array } {
  if (outcome.kind === "returned") return { success: outcome.exitCode === ExitCode.OK, data: returnData(outcome.ret) };
  // No actor has that id: the send stops at resolution, before any value moves, and counts as done.
  if (outcome.errorNumber === SyscallError.NotFound) return { success: true, data: EMPTY };
  if (outcome.errorNumber === SyscallError.ReadOnly && readOnly) return { success: true, data: EMPTY };
  return { success: false, data: EMPTY };
}

/** A CALL/STATICCALL to a masked id the EVM cannot run itself: an InvokeEVM send through the FVM. */
async function sendToMaskedId(runState: RunState, target: MaskedTarget, kind: CallKind): Promise<void> {
  // CALL: gas, address, value, in offset, in length, out offset, out length; STATICCALL has no value.
  const args = runState.stack.popN(kind === "call" ? 7 : 6);
  const value = kind === "call" ? args[2] : 0n;
  const [inOffset, inLength, outOffset, outLength] = args.slice(-4);
  const gasLimit = runState.messageGasLimit ?? 0n;
  runState.messageGasLimit = undefined;
  const calldata = inLength === 0n ? EMPTY : runState.memory.read(Number(inOffset), Number(inLength));
  const readOnly = kind === "staticcall" || runState.interpreter.isStatic();
  const evm = fevmOf(runState);
  const outcome = await send({
    evm,
    from: await executingActor(runState),
    to: idAddress(target.id),
    method: EvmMethod.InvokeContract,
    params: calldata.length === 0 ? null : { codec: Codec.Raw, data: calldata },
    value,
    gasLimit,
    readOnly,
    depth: runState.env.depth,
    epoch: evm.currentEpoch(),
  });
  runState.interpreter.useGas(outcome.gasUsed < gasLimit ? outcome.gasUsed : gasLimit, "CALL to a native actor");
  await reloadSelf(runState);
  const { success, data } = callResult(outcome, readOnly);
  setCallOutput(runState, data, outOffset, outLength);
  runState.stack.push(success ? 1n : 0n);
}

/**
 * CALL (with value) or STATICCALL: contracts, EthAccounts and Placeholders run through Ethereum's
 * handler under their 0x address even when named by masked id; other masked ids are FVM sends
 * (native actors answer InvokeEVM with 22, accounts accept, missing ids succeed moving nothing).
 */
function callLogic(original: OpLogic, kind: CallKind): OpLogic {
  return async (runState, common) => {
    const target = await resolveStackTarget(runState, 1);
    if (!target) return original(runState, common);
    await sendToMaskedId(runState, target, kind);
  };
}

/**
 * DELEGATECALL borrows EVM code: a contract's (also by masked id) runs as in Ethereum; accounts and
 * missing actors have none, so the call succeeds doing nothing; native actors' code is not EVM
 * code, so it fails (builtin-actors call.rs).
 */
function delegateCallLogic(original: OpLogic): OpLogic {
  return async (runState, common) => {
    const target = await resolveStackTarget(runState, 1);
    if (!target) return original(runState, common);
    const [, , , , outOffset, outLength] = runState.stack.popN(6);
    runState.messageGasLimit = undefined;
    setCallOutput(runState, EMPTY, outOffset, outLength);
    const success = !target.actor || roleOf(target.actor.kind) === "account";
    runState.stack.push(success ? 1n : 0n);
  };
}

export function callOpcodes(base: BaseOpcodes): AddOpcode[] {
  return [
    base.replace(CALL, callLogic(base.logic(CALL), "call"), bareTransferGas(base.gas(CALL), "call")),
    base.replace(STATICCALL, callLogic(base.logic(STATICCALL), "staticcall"), bareTransferGas(base.gas(STATICCALL), "staticcall")),
    base.replace(DELEGATECALL, delegateCallLogic(base.logic(DELEGATECALL))),
  ];
}

import { Message } from "@ethereumjs/evm";
import type { Address } from "@ethereumjs/util";
import type { FevmEVM } from "../evm/fevm-evm";
import { exitCodeOfFevmHalt } from "../evm/opcodes/halts";
import { CborDecodeError, decodeCbor, EvmExitCode, ExitCode, EvmMethod } from "../fil";
import { cborBlock } from "./runtime";
import { ActorAbort, Codec, type IpldBlock } from "./outcome";

/** Selector of `handle_filecoin_method(uint64,uint64,bytes)`. */
export const HANDLE_FILECOIN_METHOD_SELECTOR = Uint8Array.from([0x86, 0x8e, 0x10, 0xc4]);

function word(n: bigint): Uint8Array {
  const w = new Uint8Array(32);
  let v = n;
  for (let i = 31; i >= 0 && v > 0n; i--, v >>= 8n) w[i] = Number(v & 0xffn);
  return w;
}

function readWord(data: Uint8Array, offset: number): bigint {
  let v = 0n;
  for (let i = 0; i < 32; i++) v = (v << 8n) | BigInt(data[offset + i] ?? 0);
  return v;
}

/**
 * ABI `(uint, uint, bytes)` after an optional 4-byte prefix: two numbers, the data's offset (always
 * 0x60), its length, the data padded to words. Native method params and returns take this shape.
 */
function numbersAndBytesAbi(prefix: Uint8Array, first: bigint, second: bigint, data: Uint8Array): Uint8Array {
  const at = prefix.length;
  const out = new Uint8Array(at + 32 * 4 + Math.ceil(data.length / 32) * 32);
  out.set(prefix, 0);
  out.set(word(first), at);
  out.set(word(second), at + 32);
  out.set(word(0x60n), at + 64);
  out.set(word(BigInt(data.length)), at + 96);
  out.set(data, at + 128);
  return out;
}

/** Calldata the EVM actor builds for a native method ≥ 1024 (builtin-actors evm/src/lib.rs). */
export function handleFilecoinMethodCalldata(method: bigint, params: IpldBlock | null): Uint8Array {
  return numbersAndBytesAbi(HANDLE_FILECOIN_METHOD_SELECTOR, method, params?.codec ?? 0n, params?.data ?? new Uint8Array());
}

/** ABI `(uint exitCode, uint codec, bytes data)` of a native return, as Lotus' traces show it (encodeFilecoinReturnAsABI). */
export function nativeReturnAbi(exitCode: number, ret: IpldBlock | null): Uint8Array {
  return numbersAndBytesAbi(new Uint8Array(), BigInt(exitCode), ret?.codec ?? 0n, ret?.data ?? new Uint8Array());
}

/**
 * Decodes a contract's answer to handle_filecoin_method as the EVM actor does: empty → success
 * with no value; else ABI (uint32 exit, uint64 codec, bytes data) with strict range checks (21
 * on anything malformed), codec 0 only with empty data, 0x51 the only other codec, and system
 * exit codes 1–15 rewritten to SYS_ILLEGAL_EXIT_CODE.
 */
export function decodeHandleFilecoinMethodReturn(ret: Uint8Array): { exitCode: number; ret: IpldBlock | null } {
  if (ret.length === 0) return { exitCode: ExitCode.OK, ret: null };
  const malformed = (why: string): never => {
    throw new ActorAbort(ExitCode.USR_SERIALIZATION, `handle_filecoin_method returned malformed data: ${why}`);
  };
  const exit = readWord(ret, 0);
  const codec = readWord(ret, 32);
  const offset = readWord(ret, 64);
  if (exit > 0xffffffffn) malformed("exit code does not fit uint32");
  if (codec > 0xffffffffffffffffn) malformed("codec does not fit uint64");
  if (offset > 0xffffffffn) malformed("data offset does not fit uint32");
  const length = readWord(ret, Number(offset));
  if (length > 0xffffffffn) malformed("data length does not fit uint32");
  const start = Number(offset) + 32;
  const data = new Uint8Array(Number(length));
  data.set(ret.subarray(start, start + Number(length)));
  let block: IpldBlock | null = null;
  if (codec === Codec.None) {
    if (data.length > 0) malformed("codec 0 with non-empty data");
  } else if (codec === Codec.Cbor) block = { codec, data };
  else malformed(`unsupported codec 0x${codec.toString(16)} (only 0x51 CBOR or 0 with empty data)`);
  let exitCode = Number(exit);
  if (exitCode > 0 && exitCode < 16) exitCode = ExitCode.SYS_ILLEGAL_EXIT_CODE;
  return { exitCode, ret: block };
}

/** Maps an ethereumjs failure of a contract frame to the EVM actor's exit code. */
export function exitCodeOfEvmError(error: string): number {
  const fevmHalt = exitCodeOfFevmHalt(error);
  if (fevmHalt !== undefined) return fevmHalt;
  switch (error) {
    case "revert":
      return EvmExitCode.EVM_CONTRACT_REVERTED;
    case "out of gas":
    case "code store out of gas":
      return ExitCode.SYS_OUT_OF_GAS;
    case "stack underflow":
      return EvmExitCode.EVM_CONTRACT_STACK_UNDERFLOW;
    case "stack overflow":
      return EvmExitCode.EVM_CONTRACT_STACK_OVERFLOW;
    case "invalid JUMP":
      return EvmExitCode.EVM_CONTRACT_BAD_JUMPDEST;
    case "static state change":
      return ExitCode.USR_READ_ONLY;
    case "invalid opcode": // only the designated INVALID (0xfe): undefined bytes halt with FevmHalt.UndefinedInstruction
      return EvmExitCode.EVM_CONTRACT_INVALID_INSTRUCTION;
    default:
      return EvmExitCode.EVM_CONTRACT_ILLEGAL_MEMORY_ACCESS;
  }
}

/** Calldata carried by InvokeEVM params: a CBOR byte string (codec 0x51) or raw bytes (0x55). */
function invokeEvmCalldata(params: IpldBlock | null): Uint8Array {
  if (!params || params.data.length === 0) return new Uint8Array();
  if (params.codec === Codec.Raw) return params.data;
  if (params.codec !== Codec.Cbor && params.codec !== Codec.DagCbor) {
    throw new ActorAbort(ExitCode.USR_SERIALIZATION, `InvokeEVM params must be CBOR or raw bytes, got codec 0x${params.codec.toString(16)}`);
  }
  let value;
  try {
    value = decodeCbor(params.data);
  } catch (e) {
    if (e instanceof CborDecodeError) throw new ActorAbort(ExitCode.USR_SERIALIZATION, `InvokeEVM params: ${e.message}`);
    throw e;
  }
  if (!(value instanceof Uint8Array)) throw new ActorAbort(ExitCode.USR_SERIALIZATION, "InvokeEVM params must be a CBOR byte string");
  return value;
}

export interface ContractInvocation {
  evm: FevmEVM;
  caller: Address;
  contract: Address;
  method: bigint;
  params: IpldBlock | null;
  value: bigint;
  gasLimit: bigint;
  depth: number;
  readOnly: boolean;
}

/**
 * Runs a contract for a native send: InvokeEVM runs it with the CBOR-unwrapped calldata, methods
 * ≥ 1024 go through handle_filecoin_method, 1–1023 are the EVM actor's own (not callable here:
 * 22). Returns the exit code and return block the calling actor sees.
 */
export async function invokeContract(call: ContractInvocation): Promise<{ exitCode: number; ret: IpldBlock | null; gasUsed: bigint }> {
  let data: Uint8Array;
  if (call.method === EvmMethod.InvokeContract) data = invokeEvmCalldata(call.params);
  else if (call.method >= 1024n) data = handleFilecoinMethodCalldata(call.method, call.params);
  else throw new ActorAbort(ExitCode.USR_UNHANDLED_MESSAGE, `the EVM actor does not export method ${call.method} to other actors`);
  const parent = call.evm.currentMessage();
  const message = new Message({
    caller: call.caller,
    to: call.contract,
    value: call.value,
    data,
    gasLimit: call.gasLimit,
    depth: call.depth,
    isStatic: call.readOnly,
    // What the interpreter gives every nested frame: the transaction's contracts created so far
    // (EIP-6780 SELFDESTRUCT and CREATE record into it) and its pending SELFDESTRUCTs.
    createdAddresses: new Set(parent?.createdAddresses),
    selfdestruct: new Map(parent?.selfdestruct),
  });
  const result = await call.evm.runCall({ message });
  const exec = result.execResult;
  if (!exec.exceptionError) {
    // ethereumjs hands events, SELFDESTRUCTs and created contracts up through the interpreter, which this run bypasses.
    call.evm.actorLogs.push(...(exec.logs ?? []));
    if (parent?.selfdestruct && exec.selfdestruct) for (const [address, beneficiary] of exec.selfdestruct) parent.selfdestruct.set(address, beneficiary);
    if (parent?.createdAddresses && exec.createdAddresses) for (const address of exec.createdAddresses) parent.createdAddresses.add(address);
  }
  const gasUsed = exec.executionGasUsed;
  if (exec.exceptionError) {
    const exitCode = exitCodeOfEvmError(exec.exceptionError.error);
    const ret = exitCode === EvmExitCode.EVM_CONTRACT_REVERTED ? cborBlock(exec.returnValue) : null;
    return { exitCode, ret, gasUsed };
  }
  if (call.method === EvmMethod.InvokeContract) return { exitCode: ExitCode.OK, ret: cborBlock(exec.returnValue), gasUsed };
  return { ...decodeHandleFilecoinMethodReturn(exec.returnValue), gasUsed };
}

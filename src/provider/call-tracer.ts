import type { EVMResult, Message } from "@ethereumjs/evm";
import { bytesToHex } from "@ethereumjs/util";
import type { ExecutionObserver } from "../chain/replay";
import { FevmHalt } from "../evm/opcodes/halts";
import { hexQuantity } from "./format";

/** One frame of a transaction in Lotus' Parity-style shape (chain/types/ethtypes EthTrace). */
export interface EthTrace {
  type: "call" | "create";
  error?: string;
  subtraces: number;
  traceAddress: number[];
  action: Record<string, string>;
  result: Record<string, string>;
}

interface Frame {
  message: Message;
  /** What the frame was when it started: a create's message gets its `to` while it runs. */
  isCreate: boolean;
  children: Frame[];
  result?: EVMResult;
}

/**
 * The error text Lotus' tracer gives a failed frame (node/impl/eth traceErrMsg): EVM tools look
 * for the literal "Reverted" and "out of gas".
 */
const LOTUS_ERRORS: Record<string, string> = {
  revert: "Reverted",
  "out of gas": "out of gas",
  "invalid opcode": "invalid instruction",
  "stack underflow": "stack underflow",
  "stack overflow": "stack overflow",
  "invalid JUMP": "invalid jump destination",
  // FevmHalt.UndefinedInstruction already reads "undefined instruction", as in Lotus.
  [FevmHalt.SelfDestructFailed]: "self destruct failed",
};

/**
 * Collects the call tree of one execution (`observe` it) and flattens it depth-first into
 * Parity-style traces, each with its `traceAddress` path and number of `subtraces`.
 */
export class CallTracer {
  private readonly roots: Frame[] = [];
  private readonly open: Frame[] = [];

  readonly observe: ExecutionObserver = async (evm, run) => {
    const onStart = (message: Message) => {
      const frame: Frame = { message, isCreate: message.to === undefined, children: [] };
      const parent = this.open[this.open.length - 1];
      (parent ? parent.children : this.roots).push(frame);
      this.open.push(frame);
    };
    const onEnd = (result: EVMResult) => {
      const frame = this.open.pop();
      if (frame) frame.result = result;
    };
    evm.events.on("beforeMessage", onStart);
    evm.events.on("afterMessage", onEnd);
    try {
      return await run();
    } finally {
      evm.events.off("beforeMessage", onStart);
      evm.events.off("afterMessage", onEnd);
    }
  };

  traces(): EthTrace[] {
    const out: EthTrace[] = [];
    const visit = (frame: Frame, path: number[]) => {
      out.push(traceOf(frame, path));
      frame.children.forEach((child, i) => visit(child, [...path, i]));
    };
    this.roots.forEach((root) => visit(root, []));
    return out;
  }
}

function traceOf(frame: Frame, traceAddress: number[]): EthTrace {
  const { message: m, result } = frame;
  const exec = result?.execResult;
  const gasUsed = hexQuantity(exec?.executionGasUsed ?? 0n);
  const output = bytesToHex(exec?.returnValue ?? new Uint8Array());
  const error = exec?.exceptionError?.error;
  const common = { subtraces: frame.children.length, traceAddress, ...(error === undefined ? {} : { error: LOTUS_ERRORS[error] ?? error }) };
  if (frame.isCreate) {
    return {
      type: "create",
      ...common,
      action: { from: m.caller.toString(), gas: hexQuantity(m.gasLimit), value: hexQuantity(m.value), init: bytesToHex(m.data) },
      result: {
        ...(result?.createdAddress && error === undefined ? { address: result.createdAddress.toString() } : {}),
        gasUsed,
        code: error === undefined ? output : "0x",
      },
    };
  }
  // A delegatecall runs the code at codeAddress in the calling contract (`to`), keeping its caller.
  const callType = m.delegatecall ? "delegatecall" : m.isStatic ? "staticcall" : "call";
  const from = m.delegatecall ? m.to!.toString() : m.caller.toString();
  return {
    type: "call",
    ...common,
    action: { callType, from, to: m.codeAddress.toString(), gas: hexQuantity(m.gasLimit), value: hexQuantity(m.value), input: bytesToHex(m.data) },
    result: { gasUsed, output },
  };
}

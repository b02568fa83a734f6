import type { EVMResult, Message } from "@ethereumjs/evm";
import { bytesToHex } from "@ethereumjs/util";
import type { SendObserver, SendRequest, SendResult } from "../actors/send";
import type { ExecutionObserver } from "../chain/replay";
import { isReservedAddress } from "../evm/reserved";
import { hexQuantity } from "./format";
import { isInvoked, sendTrace } from "./send-trace";
import { lotusErrorOfEvmHalt } from "./trace-errors";

/**
 * One frame of a transaction in Lotus' Parity-style shape (chain/types/ethtypes EthTrace).
 * Approximations: `gas`/`gasUsed` are EVM gas (Lotus reports FVM gas, its top frame including
 * the message's intrinsic cost); a create's `result.code` is the deployed code; a value-only
 * CALL to an account shows empty input/output where Lotus shows a method-0 native call.
 */
export interface EthTrace {
  type: "call" | "create";
  error?: string;
  subtraces: number;
  traceAddress: number[];
  action: Record<string, string>;
  result: Record<string, string>;
}

/** An EVM call or create. */
interface MessageFrame {
  kind: "message";
  message: Message;
  /** What the frame was when it started: a create's message gets its `to` while it runs. */
  isCreate: boolean;
  /** A create's init code, kept at its start: ethereumjs moves it to `code` and empties `data`. */
  init?: Uint8Array;
  /**
   * Not an FVM send, so Lotus has no trace for it (its calls show as its parent's): a precompile
   * runs inside the calling contract, and a contract run by an actor send is that send's trace.
   */
  hidden: boolean;
  children: Frame[];
  result?: EVMResult;
}

/** An actor send (call_actor, a CALL to a masked id, or an actor's own send). */
interface SendFrame {
  kind: "send";
  request: SendRequest;
  children: Frame[];
  result?: SendResult;
}

type Frame = MessageFrame | SendFrame;

/**
 * The frames Lotus shows among `frames`: hidden frames give way to their children, and sends that
 * never reached an actor (not found, insufficient funds, …) are dropped with all they did.
 */
function shown(frames: Frame[]): Frame[] {
  return frames.flatMap((frame) => {
    if (frame.kind === "message") return frame.hidden ? shown(frame.children) : [frame];
    return isInvoked(frame.result) ? [frame] : [];
  });
}

/**
 * Collects the call tree of one execution (`observe` it): EVM frames and the actor sends among
 * them, and flattens it depth-first into Parity-style traces, each with its `traceAddress` path
 * and number of `subtraces`.
 */
export class CallTracer {
  private readonly roots: Frame[] = [];
  private readonly open: Frame[] = [];

  private push(frame: Frame): void {
    const parent = this.open[this.open.length - 1];
    (parent ? parent.children : this.roots).push(frame);
    this.open.push(frame);
  }

  readonly observe: ExecutionObserver = async (evm, run) => {
    const onStart = (message: Message) => {
      const parent = this.open[this.open.length - 1];
      const isCreate = message.to === undefined;
      const hidden = parent !== undefined && (parent.kind === "send" || (!isCreate && isReservedAddress(message.codeAddress, evm.networkVersion)));
      this.push({ kind: "message", message, isCreate, init: isCreate ? message.data : undefined, hidden, children: [] });
    };
    const onEnd = (result: EVMResult) => {
      const frame = this.open.pop();
      if (frame?.kind === "message") frame.result = result;
    };
    const onSend: SendObserver = (request) => {
      const frame: SendFrame = { kind: "send", request, children: [] };
      this.push(frame);
      return (result) => {
        this.open.pop();
        frame.result = result;
      };
    };
    const previousObserver = evm.sendObserver;
    evm.events.on("beforeMessage", onStart);
    evm.events.on("afterMessage", onEnd);
    evm.sendObserver = onSend;
    try {
      return await run();
    } finally {
      evm.events.off("beforeMessage", onStart);
      evm.events.off("afterMessage", onEnd);
      evm.sendObserver = previousObserver;
    }
  };

  traces(): EthTrace[] {
    const out: EthTrace[] = [];
    const visit = (frame: Frame, path: number[]) => {
      const children = shown(frame.children);
      out.push(traceOf(frame, path, children.length));
      children.forEach((child, i) => visit(child, [...path, i]));
    };
    shown(this.roots).forEach((root) => visit(root, []));
    return out;
  }
}

function traceOf(frame: Frame, traceAddress: number[], subtraces: number): EthTrace {
  if (frame.kind === "send") {
    if (!isInvoked(frame.result)) throw new Error("a send that reached no actor has no trace");
    return sendTrace(frame.request, frame.result, traceAddress, subtraces);
  }
  const { message: m, result } = frame;
  const exec = result?.execResult;
  const gasUsed = hexQuantity(exec?.executionGasUsed ?? 0n);
  const output = bytesToHex(exec?.returnValue ?? new Uint8Array());
  const error = exec?.exceptionError?.error;
  const common = { subtraces, traceAddress, ...(error === undefined ? {} : { error: lotusErrorOfEvmHalt(error) }) };
  if (frame.isCreate) {
    return {
      type: "create",
      ...common,
      action: { from: m.caller.toString(), gas: hexQuantity(m.gasLimit), value: hexQuantity(m.value), init: bytesToHex(frame.init ?? new Uint8Array()) },
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

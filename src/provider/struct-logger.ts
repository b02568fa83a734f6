import { EVMError, type EVMResult, type InterpreterStep, type Message } from "@ethereumjs/evm";
import { bytesToHex } from "@ethereumjs/util";
import type { RunTxResult } from "@ethereumjs/vm";
import type { FevmEVM } from "../evm/fevm-evm";

/** Hardhat's debug_trace* options: each part of a step can be left out. */
export interface TraceOptions {
  disableMemory: boolean;
  disableStack: boolean;
  disableStorage: boolean;
}

/** One executed opcode in Geth's struct-log format, as Hardhat's network (EDR) answers it. */
export interface StructLog {
  depth: number;
  /** Gas left before the opcode. */
  gas: number;
  /** Gas the opcode took; for calls and creates this includes the gas handed to the new frame. */
  gasCost: number;
  op: string;
  pc: number;
  /** Memory before the opcode, in 32-byte words (hex, no 0x). */
  memory?: string[];
  /** Stack before the opcode, bottom first, 32-byte words (hex, no 0x). */
  stack?: string[];
  /** Slots this contract read or wrote so far in the transaction, including this opcode's. */
  storage?: Record<string, string>;
  error?: { message: string };
}

export interface DebugTrace {
  failed: boolean;
  /** Gas used by the transaction. */
  gas: number;
  /** Return or revert data (0x hex); "" when there is none or execution halted on an error. */
  returnValue: string;
  structLogs: StructLog[];
}

const OP = { STOP: 0x00, SLOAD: 0x54, SSTORE: 0x55, CREATE: 0xf0, CALL: 0xf1, CALLCODE: 0xf2, RETURN: 0xf3, DELEGATECALL: 0xf4, CREATE2: 0xf5, STATICCALL: 0xfa, REVERT: 0xfd, INVALID: 0xfe, SELFDESTRUCT: 0xff } as const;
const CALLS = new Set<number>([OP.CALL, OP.CALLCODE, OP.DELEGATECALL, OP.STATICCALL]);
const CREATES = new Set<number>([OP.CREATE, OP.CREATE2]);
const TERMINATING = new Set<number>([OP.STOP, OP.RETURN, OP.REVERT, OP.INVALID, OP.SELFDESTRUCT]);
/** EIP-2200: SSTORE fails outright when no more than the call stipend is left. */
const SSTORE_SENTRY = 2300n;

/**
 * Opcode names by byte as EDR prints them (revm's table: a byte keeps its name whatever the
 * hardfork, 0x44 stays DIFFICULTY); a byte without a name is reported as an error step.
 */
const OPCODE_NAMES: readonly (string | undefined)[] = (() => {
  const names: (string | undefined)[] = new Array(256).fill(undefined);
  const put = (first: number, list: string) => list.split(" ").forEach((name, i) => (names[first + i] = name));
  put(0x00, "STOP ADD MUL SUB DIV SDIV MOD SMOD ADDMOD MULMOD EXP SIGNEXTEND");
  put(0x10, "LT GT SLT SGT EQ ISZERO AND OR XOR NOT BYTE SHL SHR SAR CLZ");
  put(0x20, "KECCAK256");
  put(0x30, "ADDRESS BALANCE ORIGIN CALLER CALLVALUE CALLDATALOAD CALLDATASIZE CALLDATACOPY CODESIZE CODECOPY GASPRICE EXTCODESIZE EXTCODECOPY RETURNDATASIZE RETURNDATACOPY EXTCODEHASH");
  put(0x40, "BLOCKHASH COINBASE TIMESTAMP NUMBER DIFFICULTY GASLIMIT CHAINID SELFBALANCE BASEFEE BLOBHASH BLOBBASEFEE");
  put(0x50, "POP MLOAD MSTORE MSTORE8 SLOAD SSTORE JUMP JUMPI PC MSIZE GAS JUMPDEST TLOAD TSTORE MCOPY PUSH0");
  for (let n = 1; n <= 32; n++) names[0x5f + n] = `PUSH${n}`;
  for (let n = 1; n <= 16; n++) names[0x7f + n] = `DUP${n}`;
  for (let n = 1; n <= 16; n++) names[0x8f + n] = `SWAP${n}`;
  for (let n = 0; n <= 4; n++) names[0xa0 + n] = `LOG${n}`;
  put(0xf0, "CREATE CALL CALLCODE RETURN DELEGATECALL CREATE2");
  put(0xfa, "STATICCALL");
  put(0xfd, "REVERT INVALID SELFDESTRUCT");
  return names;
})();

function word(value: bigint): string {
  return value.toString(16).padStart(64, "0");
}

function memoryWords(memory: Uint8Array): string[] {
  const hex = Buffer.from(memory.buffer, memory.byteOffset, memory.byteLength).toString("hex");
  const words: string[] = [];
  for (let i = 0; i < hex.length; i += 64) words.push(hex.slice(i, i + 64));
  return words;
}

/**
 * Hex words of the stack and memory, reusing the previous step's where nothing changed: most
 * opcodes touch one or two stack slots and no memory, and a long trace is mostly such steps.
 */
class WordEncoder {
  private stack: bigint[] = [];
  private stackWords: string[] = [];
  private memory: Buffer = Buffer.alloc(0);
  private memoryWords: string[] = [];

  encodeStack(stack: bigint[]): string[] {
    const words = stack.map((value, i) => (this.stack[i] === value ? this.stackWords[i] : word(value)));
    this.stack = stack;
    this.stackWords = words;
    return words;
  }

  /** Steps with the same memory share one array (the trace is read, never written). */
  encodeMemory(memory: Uint8Array): string[] {
    const bytes = Buffer.from(memory.buffer, memory.byteOffset, memory.byteLength);
    if (!bytes.equals(this.memory)) {
      this.memory = bytes;
      this.memoryWords = memoryWords(bytes);
    }
    return this.memoryWords;
  }
}

/** EIP-150: a new frame gets at most all but one 64th of the gas left. */
function allButOne64th(gas: bigint): bigint {
  return gas - gas / 64n;
}

/** A logged step whose outcome (and so its storage entry) is known only when execution moves on. */
interface PendingStep {
  log: StructLog;
  op: number;
  depth: number;
  address: string;
  stack: bigint[];
  gasLeft: bigint;
  /** What ethereumjs charges for the opcode itself (static + dynamic, without a new frame's gas). */
  fee: bigint;
}

interface Frame {
  message: Message;
  isCreate: boolean;
  /** The account whose storage the frame uses, as a map key (set at its first step). */
  address?: string;
}

const NO_STORAGE: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Records the opcodes of one execution in EDR's struct-log format. It follows ethereumjs's
 * events: `step` (state before each opcode), `beforeMessage`/`afterMessage` (frames), and
 * completes each step once the next event shows whether it succeeded, as EDR logs a step
 * after running it.
 */
export class StructLogger {
  private readonly logs: StructLog[] = [];
  /** Executing frames, outermost first. */
  private readonly frames: Frame[] = [];
  private pending: PendingStep | undefined;
  private readonly words = new WordEncoder();
  /**
   * Storage seen per contract, as Geth's and EDR's loggers keep it. Each snapshot is replaced,
   * never mutated, so that consecutive steps can share it.
   */
  private readonly storage = new Map<string, Record<string, string>>();

  constructor(private readonly options: TraceOptions) {}

  readonly observe = async <T>(evm: FevmEVM, run: () => Promise<T>): Promise<T> => {
    const onStep = (step: InterpreterStep) => this.onStep(step);
    // A create's message gets its `to` while it runs: note what it is when it starts.
    const onFrameStart = (message: Message) => void this.frames.push({ message, isCreate: message.to === undefined });
    const onFrameEnd = (result: EVMResult) => this.onFrameEnd(result);
    evm.events.on("step", onStep);
    evm.events.on("beforeMessage", onFrameStart);
    evm.events.on("afterMessage", onFrameEnd);
    try {
      return await run();
    } finally {
      evm.events.off("step", onStep);
      evm.events.off("beforeMessage", onFrameStart);
      evm.events.off("afterMessage", onFrameEnd);
    }
  };

  /** The trace of the transaction or call that ran under `observe`. */
  trace(result: RunTxResult): DebugTrace {
    const error = result.execResult.exceptionError?.error;
    const halted = error !== undefined && error !== EVMError.errorMessages.REVERT;
    // EDR runs one STOP on empty code and Hardhat drops a leading STOP from every trace.
    const structLogs = this.logs[0]?.op === "STOP" ? this.logs.slice(1) : this.logs;
    return {
      failed: error !== undefined,
      gas: Number(result.totalGasSpent),
      returnValue: halted ? "" : returnData(result.execResult.returnValue),
      structLogs,
    };
  }

  private onStep(step: InterpreterStep): void {
    if (this.pending) this.settle(this.pending, true, step.depth === this.pending.depth ? step.stack : undefined);
    const frame = this.frames[this.frames.length - 1];
    const address = (frame.address ??= step.address.toString());
    const op = this.opcodeAt(step, frame);
    const fee = step.opcode.dynamicFee ?? BigInt(step.opcode.fee);
    const name = OPCODE_NAMES[op];
    const log: StructLog = {
      depth: step.depth + 1,
      gas: Number(step.gasLeft),
      gasCost: Number(this.cost(op, step, fee)),
      op: name ?? undefinedOpcode(op),
      pc: step.pc,
    };
    if (!this.options.disableMemory) log.memory = this.words.encodeMemory(step.memory);
    if (!this.options.disableStack) log.stack = this.words.encodeStack(step.stack);
    // Placeholder so the key keeps EDR's position; filled in when the step settles.
    if (!this.options.disableStorage) log.storage = NO_STORAGE;
    if (name === undefined) log.error = { message: undefinedOpcode(op) };
    this.logs.push(log);
    this.pending = { log, op, depth: step.depth, address, stack: step.stack, gasLeft: step.gasLeft, fee };
  }

  private onFrameEnd(result: EVMResult): void {
    const frame = this.frames.pop();
    const last = this.pending;
    // A frame that ran no code (EOA, precompile, actor) leaves the caller's CALL pending.
    if (!frame || !last || last.depth !== frame.message.depth) return;
    this.pending = undefined;
    const { exceptionError, runState } = result.execResult;
    const error = exceptionError?.error;
    if (error !== undefined && error !== EVMError.errorMessages.REVERT) {
      last.log.gasCost = Number(this.failedCost(last, error, frame));
      this.settle(last, false, undefined);
      return;
    }
    const finalStack = runState?.stack.getStack();
    this.settle(last, true, finalStack);
    if (error === undefined && !TERMINATING.has(last.op) && runState && finalStack) {
      // Code that runs off its end stops there; revm executes (and EDR logs) that STOP.
      const memory = runState.memory._store.subarray(0, Number(runState.memoryWordCount) * 32);
      const stop: StructLog = { depth: last.log.depth, gas: Number(runState.gasLeft), gasCost: 0, op: "STOP", pc: runState.programCounter };
      if (!this.options.disableMemory) stop.memory = this.words.encodeMemory(memory);
      if (!this.options.disableStack) stop.stack = this.words.encodeStack(finalStack);
      if (!this.options.disableStorage) stop.storage = this.storage.get(last.address) ?? NO_STORAGE;
      this.logs.push(stop);
    }
  }

  /**
   * Completes a step: a successful SLOAD or SSTORE enters its slot into the contract's storage
   * map (SLOAD's value is the top of the stack after it), and the step shows the map.
   */
  private settle(step: PendingStep, succeeded: boolean, stackAfter: bigint[] | undefined): void {
    if (this.options.disableStorage) return;
    const top = step.stack.length - 1;
    if (succeeded && step.op === OP.SSTORE) this.record(step.address, step.stack[top], step.stack[top - 1]);
    if (succeeded && step.op === OP.SLOAD && stackAfter) this.record(step.address, step.stack[top], stackAfter[stackAfter.length - 1]);
    step.log.storage = this.storage.get(step.address) ?? NO_STORAGE;
  }

  private record(address: string, slot: bigint, value: bigint): void {
    this.storage.set(address, { ...this.storage.get(address), [word(slot)]: word(value) });
  }

  /**
   * What EDR reports as the cost of a step that goes on normally: the gas it took from the
   * frame, which for calls and creates includes the gas given to the new frame (what revm
   * deducts before running it; a value call's stipend is on top and not counted).
   */
  private cost(op: number, step: InterpreterStep, fee: bigint): bigint {
    if (fee > step.gasLeft) return fee;
    const left = step.gasLeft - fee;
    if (CALLS.has(op)) {
      const requested = step.stack[step.stack.length - 1];
      const forwarded = allButOne64th(left);
      return fee + (requested < forwarded ? requested : forwarded);
    }
    if (CREATES.has(op)) return fee + allButOne64th(left);
    return fee;
  }

  /**
   * The cost EDR reports for the step that ended its frame with an error: running out of gas
   * consumes all that was left (except SSTORE's stipend check, which takes nothing), other
   * errors cost what the opcode charged.
   */
  private failedCost(step: PendingStep, error: string, frame: Frame): bigint {
    if (error !== EVMError.errorMessages.OUT_OF_GAS) return step.fee;
    if (step.op === OP.SSTORE && step.gasLeft <= SSTORE_SENTRY) return 0n;
    // A create whose RETURN fit but whose code deposit did not: the RETURN itself succeeded.
    if (step.op === OP.RETURN && frame.isCreate && step.fee <= step.gasLeft) return step.fee;
    return step.gasLeft;
  }

  /** The opcode byte: ethereumjs reports every undefined opcode as INVALID (0xfe). */
  private opcodeAt(step: InterpreterStep, frame: Frame): number {
    if (step.opcode.code !== OP.INVALID) return step.opcode.code;
    const code = frame.message.code;
    return code instanceof Uint8Array && step.pc < code.length ? code[step.pc] : OP.INVALID;
  }
}

/** Hardhat turns EDR's empty output "0x" into "". */
function returnData(bytes: Uint8Array): string {
  return bytes.length === 0 ? "" : bytesToHex(bytes);
}

/** EDR's wording (kept from Hardhat's old tracer, `$` included). */
function undefinedOpcode(op: number): string {
  return `opcode 0x$${op.toString(16)} not defined`;
}

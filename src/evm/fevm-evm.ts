import { EVM, type EVMOpts, type Message } from "@ethereumjs/evm";
import { CONSOLE_LOG_ADDRESS } from "./console-address";

/** The call frame a precompile or actor sees: who called, with what, how. */
export interface CallFrame {
  readonly message: Message;
}

/**
 * FEVM on ethereumjs: keeps the stack of executing messages so Filecoin precompiles and actors
 * can see caller, value, call kind and depth (ethereumjs passes none of these to precompiles),
 * and records console.log calls without making the console address a precompile (which would
 * warm it and change gas).
 */
export class FevmEVM extends EVM {
  readonly messageStack: Message[] = [];
  consoleLogInputs: Uint8Array[] = [];

  constructor(opts: EVMOpts) {
    super(opts);
  }

  /** The innermost executing message (the frame that called the current precompile). */
  currentMessage(): Message | undefined {
    return this.messageStack[this.messageStack.length - 1];
  }

  /** Returns and clears the console.log inputs recorded since the last call. */
  takeConsoleLogs(): Uint8Array[] {
    const logs = this.consoleLogInputs;
    this.consoleLogInputs = [];
    return logs;
  }

  protected override async _executeCall(message: Message & { to: NonNullable<Message["to"]> }) {
    if (message.to.toString() === CONSOLE_LOG_ADDRESS) this.consoleLogInputs.push(message.data);
    this.messageStack.push(message);
    try {
      return await super._executeCall(message);
    } finally {
      this.messageStack.pop();
    }
  }
}

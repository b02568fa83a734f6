import { EVM, type EVMOpts, type EVMResult, type Log, type Message } from "@ethereumjs/evm";
import { ActorRegistry } from "../actors/registry";
import type { SendObserver } from "../actors/send";
import { CONSOLE_LOG_ADDRESS } from "./console-address";
import { buryDestructedContracts } from "./opcodes";
import { cacheJumpAnalysis } from "./jump-analysis-cache";
import { isReservedAddress } from "./reserved";
import { warmPrecompilesByTable } from "./warm-precompiles";

export interface FevmEVMOpts extends EVMOpts {
  networkVersion: number;
}

/**
 * FEVM on ethereumjs: keeps the stack of executing messages so Filecoin precompiles and actors
 * can see caller, value, call kind and depth (ethereumjs passes none of these to precompiles),
 * binds every Ethereum address that takes part in a call to a Filecoin actor id (as the FVM's
 * auto-creation does), and records console.log calls without making the console address a
 * precompile (which would warm it and change gas).
 */
export class FevmEVM extends EVM {
  readonly messageStack: Message[] = [];
  readonly networkVersion: number;
  readonly actors: ActorRegistry;
  consoleLogInputs: Uint8Array[] = [];
  /** Events of contracts run by actor sends, until the precompile that started the sends returns them. */
  actorLogs: Log[] = [];
  /** Failed actor sends of the running execution, described ("exit 22 USR_UNHANDLED_MESSAGE: …"). */
  actorFailures: string[] = [];
  /** Told of every actor send while a tracer watches this EVM. */
  sendObserver?: SendObserver;

  constructor(opts: FevmEVMOpts) {
    super(opts);
    this.networkVersion = opts.networkVersion;
    this.actors = new ActorRegistry(this.stateManager);
    warmPrecompilesByTable(this);
    cacheJumpAnalysis();
  }

  /** The innermost executing message (inside a precompile: the call to the precompile). */
  currentMessage(): Message | undefined {
    return this.messageStack[this.messageStack.length - 1];
  }

  /** The epoch the executing transaction runs in (its block number). */
  currentEpoch(): bigint {
    return (this as unknown as { _block?: { header: { number: bigint } } })._block?.header.number ?? 0n;
  }

  /** Returns and clears the actor failures recorded since the last call. */
  takeActorFailures(): string[] {
    const failures = this.actorFailures;
    this.actorFailures = [];
    return failures;
  }

  /** Returns and clears the console.log inputs recorded since the last call. */
  takeConsoleLogs(): Uint8Array[] {
    const logs = this.consoleLogInputs;
    this.consoleLogInputs = [];
    return logs;
  }

  protected override async _executeCall(message: Message & { to: NonNullable<Message["to"]> }): Promise<EVMResult> {
    const to = message.to;
    // A copy: message.data may be a view of the caller's memory, which later writes change.
    if (to.toString() === CONSOLE_LOG_ADDRESS) this.consoleLogInputs.push(message.data.slice());
    if (message.depth === 0) await this.promoteSender(message);
    // A send to an unknown f410 address creates a Placeholder actor there (ref-fvm call manager);
    // read-only frames may not create actors.
    if (!message.isStatic && !isReservedAddress(to, this.networkVersion)) await this.actors.bindEth(to, "placeholder");
    this.messageStack.push(message);
    let result: EVMResult;
    try {
      result = await super._executeCall(message);
    } finally {
      this.messageStack.pop();
    }
    if (message.depth === 0) await buryDestructedContracts(this, result.execResult);
    return result;
  }

  protected override async _executeCreate(message: Message): Promise<EVMResult> {
    if (message.depth === 0) await this.promoteSender(message);
    // The EAM has Init assign the new actor its id before the constructor runs, so contracts that
    // the constructor creates get later ids. A failed creation reverts the binding with the frame.
    await this.actors.bindContract(await this._generateAddress({ caller: message.caller, salt: message.salt, code: message.code ?? message.data } as Message));
    this.messageStack.push(message);
    let result: EVMResult;
    try {
      result = await super._executeCreate(message);
    } finally {
      this.messageStack.pop();
    }
    if (message.depth === 0) await buryDestructedContracts(this, result.execResult);
    return result;
  }

  /** The sender of a top-level message is an EthAccount (a Placeholder is promoted on its first send). */
  private async promoteSender(message: Message): Promise<void> {
    const record = await this.actors.ensureEth(message.caller, "ethaccount");
    if (record.kind === "placeholder") await this.actors.setKind(record.id, "ethaccount");
  }
}

/**
 * The FRC-46 token library as the DataCap actor runs it (actors-utils `frc46_token/src/token/
 * mod.rs`, `state.rs`, `fvm_actor_utils/src/util.rs`, `receiver/mod.rs`): amount checks,
 * resolve-or-create of addresses, balances, allowances and the receiver hook, each failure with
 * the exit code `TokenError` maps to.
 */
import { addressesEqual, CallbackMethod, ExitCode, formatAddress, METHOD_SEND, type FilecoinAddress } from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort } from "../outcome";
import { cborBlock, resolveAddress, sendFailure } from "../runtime";
import { DataCapState } from "./state";
import { DATACAP_GRANULARITY, receiverHookParams, type TokenReceived } from "./types";

const name = (a: FilecoinAddress) => formatAddress(a, "t");

function insufficientBalance(owner: bigint, balance: bigint, decrease: bigint): ActorAbort {
  return new ActorAbort(ExitCode.USR_INSUFFICIENT_FUNDS, `error in underlying state negative balance caused by decreasing t0${owner}'s balance of ${balance} by ${decrease}`);
}

export class Token {
  readonly st: DataCapState;

  constructor(private readonly inv: Invocation) {
    this.st = new DataCapState(inv.evm.stateManager);
  }

  /** `resolve_id`: undefined when the address has no actor (callers answer 0 or 19, per method). */
  resolveId(address: FilecoinAddress): Promise<bigint | undefined> {
    return resolveAddress(this.inv.evm, address);
  }

  /**
   * `resolve_or_init`: an unknown f1/f3/f4 address is created by a zero-value send (whose own
   * outcome is ignored, as the token's messenger does); still unknown is 17.
   */
  async resolveOrInit(address: FilecoinAddress): Promise<bigint> {
    const id = await this.resolveId(address);
    if (id !== undefined) return id;
    await this.inv.send(address, METHOD_SEND, null, 0n);
    const created = await this.resolveId(address);
    if (created === undefined) throw new ActorAbort(ExitCode.USR_NOT_FOUND, `error calling other actor: address could not be initialized: ${name(address)}`);
    return created;
  }

  /** `same_address`: equal addresses of one protocol, or two addresses of one actor. */
  async sameAddress(a: FilecoinAddress, b: FilecoinAddress): Promise<boolean> {
    if (a.protocol === b.protocol) return addressesEqual(a, b);
    const [x, y] = [await this.resolveId(a), await this.resolveId(b)];
    return x !== undefined && x === y;
  }

  /** Amounts moved or burnt: non-negative whole DataCap units (16 otherwise). */
  static validateAmount(amount: bigint, what: string): void {
    Token.validateAllowance(amount, what);
    if (amount % DATACAP_GRANULARITY !== 0n) {
      throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `amount ${amount} for "${what}" must be a multiple of ${DATACAP_GRANULARITY} (1 DataCap unit = 1 byte = 10^18 token units)`);
    }
  }

  static validateAllowance(amount: bigint, what: string): void {
    if (amount < 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `value ${amount} for "${what}" must be non-negative`);
  }

  async changeBalanceBy(owner: bigint, delta: bigint): Promise<bigint> {
    const balance = await this.st.balance(owner);
    const next = balance + delta;
    if (next < 0n) throw insufficientBalance(owner, balance, -delta);
    await this.st.setBalance(owner, next);
    return next;
  }

  async changeSupplyBy(delta: bigint): Promise<void> {
    await this.st.setSupply((await this.st.supply()) + delta);
  }

  async makeTransfer(from: bigint, to: bigint, amount: bigint): Promise<void> {
    if (from !== to) {
      await this.changeBalanceBy(from, -amount);
      await this.changeBalanceBy(to, amount);
    } else {
      const balance = await this.st.balance(from);
      if (balance < amount) throw insufficientBalance(from, balance, amount);
    }
  }

  /** `change_allowance_by`: the allowance moves by `delta` and never below zero. */
  async changeAllowanceBy(owner: bigint, operator: bigint, delta: bigint): Promise<bigint> {
    const current = await this.st.allowance(owner, operator);
    if (delta === 0n) return current;
    const next = current + delta > 0n ? current + delta : 0n;
    await this.st.setAllowance(owner, operator, next);
    return next;
  }

  /** `attempt_use_allowance`: 19 unless the operator may spend `amount` of the owner's tokens. */
  async useAllowance(operator: bigint, owner: bigint, amount: bigint): Promise<bigint> {
    const current = await this.st.allowance(owner, operator);
    if ((current === 0n && operator !== owner) || current < amount) throw Token.insufficientAllowance(operator, owner, current, amount);
    if (amount === 0n) return current;
    return this.changeAllowanceBy(owner, operator, -amount);
  }

  static insufficientAllowance(operator: bigint | string, owner: bigint | string, allowance: bigint, amount: bigint): ActorAbort {
    const who = (x: bigint | string) => (typeof x === "bigint" ? `t0${x}` : x);
    return new ActorAbort(
      ExitCode.USR_INSUFFICIENT_FUNDS,
      `error in underlying state ${who(operator)} attempted to utilise ${amount} of allowance ${allowance} set by ${who(owner)}`,
    );
  }

  /**
   * The FRC-46 receiver hook: Receive (3726118371) on the recipient, value 0. Its failure aborts
   * the token operation with the hook's exit code; its return bytes are the recipient data.
   */
  async callReceiverHook(recipient: FilecoinAddress, received: TokenReceived): Promise<Uint8Array> {
    const outcome = await this.inv.send(recipient, CallbackMethod.Receive, cborBlock(receiverHookParams(received)), 0n);
    const failure = sendFailure(outcome, `FRC-46 receiver hook (Receive ${CallbackMethod.Receive}) on ${name(recipient)}`);
    if (failure) throw new ActorAbort(failure.exitCode, `receiver hook error from ${name(recipient)}: ${failure.message}`);
    return (outcome.kind === "returned" && outcome.ret?.data) || new Uint8Array();
  }
}

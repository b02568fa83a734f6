import type { Message } from "@ethereumjs/evm";
import type { Address } from "@ethereumjs/util";
import type { FevmEVM } from "../fevm-evm";

/** What an FEVM precompile sees: its input, the call that reached it and the EVM it runs in. */
export interface PrecompileCall {
  readonly input: Uint8Array;
  /** The precompile's own address. */
  readonly address: Address;
  readonly evm: FevmEVM;
  /**
   * The ethereumjs message to the precompile: `.delegatecall`, `.isStatic`, `.value`, `.depth`;
   * under DELEGATECALL `.to` is the delegating contract (the actor the call acts as).
   * Undefined when the precompile is invoked outside a call (direct use in tests).
   */
  readonly message: Message | undefined;
  /** Gas the CALL forwarded: min(gas argument, 63/64 of the caller's remaining gas). */
  readonly gasLimit: bigint;
  /**
   * Gas the computation may use: the FEVM ignores the CALL's gas argument (spec §1.1), so this is
   * the caller frame's whole budget (never less than gasLimit); only call_actor is bound by gasLimit.
   */
  readonly budget: bigint;
}

export interface PrecompileSuccess {
  output: Uint8Array;
  /** Gas to charge the caller (ethereumjs units; FEVM gas is not modelled, spec §2.9). */
  gasUsed: bigint;
}

/** An FEVM precompile: returns its output, or throws PrecompileFailure (the CALL pushes 0). */
export type FevmPrecompile = (call: PrecompileCall) => PrecompileSuccess | Promise<PrecompileSuccess>;

/**
 * A precompile's error (builtin-actors PrecompileError): the calling contract sees 0 and empty
 * returndata and carries on; the message says what was wrong with the input, for debugging.
 */
export class PrecompileFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrecompileFailure";
  }
}

/** A successful result with no output and no gas (empty slots, lookups that find nothing). */
export const EMPTY_SUCCESS: PrecompileSuccess = Object.freeze({ output: new Uint8Array(), gasUsed: 0n });

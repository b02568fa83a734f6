import type { FevmEVM } from "../evm/fevm-evm";
import type { FilecoinAddress } from "../fil";
import type { ActorKind } from "./kinds";
import type { IpldBlock, SendOutcome } from "./outcome";
import type { ActorRecord } from "./registry";

/** What an actor method sees: who called it, with what, and how to call further actors. */
export interface Invocation {
  readonly evm: FevmEVM;
  readonly receiver: ActorRecord;
  readonly caller: ActorRecord;
  readonly method: bigint;
  readonly params: IpldBlock | null;
  readonly value: bigint;
  readonly readOnly: boolean;
  readonly depth: number;
  /** Current epoch. */
  readonly epoch: bigint;
  /** Sends from the receiver to another actor (re-entrant, synchronous, as on chain). */
  send(to: FilecoinAddress, method: bigint, params: IpldBlock | null, value: bigint, opts?: { readOnly?: boolean }): Promise<SendOutcome>;
}

export type MethodHandler = (inv: Invocation) => Promise<IpldBlock | null>;

export interface ActorMethod {
  name: string;
  handler: MethodHandler;
}

/** One builtin actor's code: its exported methods by number. */
export interface ActorDefinition {
  kind: ActorKind;
  /** Human name used in errors ("the market actor does not export method 5"). */
  name: string;
  methods: ReadonlyMap<bigint, ActorMethod>;
  /** Methods outside the table that succeed doing nothing (accounts: every FRC-42 method ≥ 2^24). */
  acceptsAsNoOp?: (method: bigint) => boolean;
}

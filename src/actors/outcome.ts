/** IPLD codecs that cross the actor boundary. */
export const Codec = { None: 0n, Cbor: 0x51n, DagCbor: 0x71n, Raw: 0x55n } as const;

/** Parameters or a return value: bytes with their codec (an IPLD block). */
export interface IpldBlock {
  codec: bigint;
  data: Uint8Array;
}

/**
 * What a send produced, as call_actor reports it: the callee's exit code and return block, or a
 * syscall error (negative in call_actor's output) when the send itself could not happen.
 */
export type SendOutcome =
  | { kind: "returned"; exitCode: number; ret: IpldBlock | null; gasUsed: bigint }
  | { kind: "syscall-error"; errorNumber: number; gasUsed: bigint };

/** Thrown by an actor method to abort with an exit code (state changes of the call roll back). */
export class ActorAbort extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    readonly ret: IpldBlock | null = null,
  ) {
    super(message);
    this.name = "ActorAbort";
  }
}

/** A syscall failure inside an actor method (e.g. a send to an address that does not exist). */
export class SyscallFailure extends Error {
  constructor(
    readonly errorNumber: number,
    message: string,
  ) {
    super(message);
    this.name = "SyscallFailure";
  }
}

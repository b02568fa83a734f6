/**
 * Exit codes and syscall error numbers with names and one-line meanings. Facts from ref-fvm
 * `shared/src/error/mod.rs` and builtin-actors `actors/{evm,market,power,miner,paych}/src/lib.rs`.
 * Codes ≥ 32 are actor-specific: the same number means different things in different actors.
 */

/** VM (system) codes 0–15 and the common actor (USR_*) codes 16–26. */
export const ExitCode = {
  OK: 0,
  SYS_SENDER_INVALID: 1,
  SYS_SENDER_STATE_INVALID: 2,
  SYS_ILLEGAL_INSTRUCTION: 4,
  SYS_INVALID_RECEIVER: 5,
  SYS_INSUFFICIENT_FUNDS: 6,
  SYS_OUT_OF_GAS: 7,
  SYS_ILLEGAL_EXIT_CODE: 9,
  SYS_ASSERTION_FAILED: 10,
  SYS_MISSING_RETURN: 11,
  USR_ILLEGAL_ARGUMENT: 16,
  USR_NOT_FOUND: 17,
  USR_FORBIDDEN: 18,
  USR_INSUFFICIENT_FUNDS: 19,
  USR_ILLEGAL_STATE: 20,
  USR_SERIALIZATION: 21,
  USR_UNHANDLED_MESSAGE: 22,
  USR_UNSPECIFIED: 23,
  USR_ASSERTION_FAILED: 24,
  USR_READ_ONLY: 25,
  USR_NOT_PAYABLE: 26,
} as const;

export const FIRST_USER_EXIT_CODE = 16;
export const FIRST_ACTOR_SPECIFIC_EXIT_CODE = 32;

export const EvmExitCode = {
  EVM_CONTRACT_REVERTED: 33,
  EVM_CONTRACT_INVALID_INSTRUCTION: 34,
  EVM_CONTRACT_UNDEFINED_INSTRUCTION: 35,
  EVM_CONTRACT_STACK_UNDERFLOW: 36,
  EVM_CONTRACT_STACK_OVERFLOW: 37,
  EVM_CONTRACT_ILLEGAL_MEMORY_ACCESS: 38,
  EVM_CONTRACT_BAD_JUMPDEST: 39,
  EVM_CONTRACT_SELFDESTRUCT_FAILED: 40,
} as const;

export const MarketExitCode = { EX_DEAL_EXPIRED: 32, EX_DEAL_NOT_ACTIVATED: 33 } as const;
export const PowerExitCode = { ERR_TOO_MANY_PROVE_COMMITS: 32 } as const;
export const PaychExitCode = { ERR_CHANNEL_STATE_UPDATE_AFTER_SETTLED: 32 } as const;
export const MinerExitCode = {
  ERR_BALANCE_INVARIANTS_BROKEN: 1000,
  ERR_NOTIFICATION_SEND_FAILED: 1001,
  ERR_NOTIFICATION_RECEIVER_ABORTED: 1002,
  ERR_NOTIFICATION_RESPONSE_INVALID: 1003,
  ERR_NOTIFICATION_REJECTED: 1004,
} as const;

/** The actor whose actor-specific codes (≥ 32) apply. */
export type ExitCodeActor = "evm" | "market" | "power" | "miner" | "paych";

export interface ExitCodeInfo {
  readonly code: number;
  readonly name: string;
  readonly meaning: string;
  /** Set for actor-specific codes. */
  readonly actor?: ExitCodeActor;
}

const COMMON_MEANINGS: Readonly<Record<keyof typeof ExitCode, string>> = {
  OK: "success",
  SYS_SENDER_INVALID: "the message sender does not exist",
  SYS_SENDER_STATE_INVALID: "the sender's nonce does not match or it cannot cover the gas",
  SYS_ILLEGAL_INSTRUCTION: "the receiver trapped (panicked or exceeded a memory limit)",
  SYS_INVALID_RECEIVER: "the receiver does not exist and cannot be created, or has no entry point",
  SYS_INSUFFICIENT_FUNDS: "the sender does not have the value it tried to send",
  SYS_OUT_OF_GAS: "the message ran out of gas",
  SYS_ILLEGAL_EXIT_CODE: "the receiver aborted with a code reserved for the VM",
  SYS_ASSERTION_FAILED: "an internal VM assertion failed",
  SYS_MISSING_RETURN: "the actor returned a block handle that does not exist",
  USR_ILLEGAL_ARGUMENT: "the method parameters are invalid",
  USR_NOT_FOUND: "the requested resource does not exist",
  USR_FORBIDDEN: "the caller may not do this (wrong caller, or an internal method called from the EVM)",
  USR_INSUFFICIENT_FUNDS: "the actor has insufficient funds for the operation",
  USR_ILLEGAL_STATE: "the actor's internal state is invalid",
  USR_SERIALIZATION: "the parameters or state could not be (de)serialized (CBOR of the wrong shape)",
  USR_UNHANDLED_MESSAGE: "the receiver does not handle this method number",
  USR_UNSPECIFIED: "the actor failed with an unspecified error (often a failed send to a missing receiver)",
  USR_ASSERTION_FAILED: "the actor failed a user-level assertion",
  USR_READ_ONLY: "the operation changes state but the call is read-only (STATICCALL or a read-only caller)",
  USR_NOT_PAYABLE: "the method does not accept a value transfer",
};

const ACTOR_MEANINGS: Readonly<Record<ExitCodeActor, ReadonlyArray<readonly [string, number, string]>>> = {
  evm: [
    ["EVM_CONTRACT_REVERTED", 33, "the contract reverted"],
    ["EVM_CONTRACT_INVALID_INSTRUCTION", 34, "the contract hit the INVALID opcode"],
    ["EVM_CONTRACT_UNDEFINED_INSTRUCTION", 35, "the contract hit an undefined opcode"],
    ["EVM_CONTRACT_STACK_UNDERFLOW", 36, "the contract's stack underflowed"],
    ["EVM_CONTRACT_STACK_OVERFLOW", 37, "the contract's stack overflowed"],
    ["EVM_CONTRACT_ILLEGAL_MEMORY_ACCESS", 38, "the contract accessed memory out of bounds"],
    ["EVM_CONTRACT_BAD_JUMPDEST", 39, "the contract jumped to an invalid destination"],
    ["EVM_CONTRACT_SELFDESTRUCT_FAILED", 40, "SELFDESTRUCT could not send the balance to its beneficiary"],
  ],
  market: [
    ["EX_DEAL_EXPIRED", 32, "the deal's information is no longer available (it expired or was settled away)"],
    ["EX_DEAL_NOT_ACTIVATED", 33, "the deal has been published but not activated yet"],
  ],
  power: [["ERR_TOO_MANY_PROVE_COMMITS", 32, "too many prove-commits were scheduled for this epoch"]],
  paych: [["ERR_CHANNEL_STATE_UPDATE_AFTER_SETTLED", 32, "the payment channel was already settled"]],
  miner: [
    ["ERR_BALANCE_INVARIANTS_BROKEN", 1000, "the miner's balance invariants are broken"],
    ["ERR_NOTIFICATION_SEND_FAILED", 1001, "a sector-content notification could not be sent"],
    ["ERR_NOTIFICATION_RECEIVER_ABORTED", 1002, "a notified actor aborted on SectorContentChanged"],
    ["ERR_NOTIFICATION_RESPONSE_INVALID", 1003, "a notified actor's reply did not match the pieces sent"],
    ["ERR_NOTIFICATION_REJECTED", 1004, "a notified actor rejected a piece"],
  ],
};

/** Known meanings of an exit code; several for actor-specific codes unless `actor` is given. */
export function exitCodeInfo(code: number, actor?: ExitCodeActor): ExitCodeInfo[] {
  const common = (Object.keys(ExitCode) as Array<keyof typeof ExitCode>).find((name) => ExitCode[name] === code);
  if (common !== undefined) return [{ code, name: common, meaning: COMMON_MEANINGS[common] }];
  const actors = actor !== undefined ? [actor] : (Object.keys(ACTOR_MEANINGS) as ExitCodeActor[]);
  return actors.flatMap((which) =>
    ACTOR_MEANINGS[which]
      .filter(([, value]) => value === code)
      .map(([name, , meaning]) => ({ code, name, meaning, actor: which })),
  );
}

/**
 * The negated `ErrorNumber` that call_actor reports when the syscall itself failed (e.g. −6:
 * the target actor does not exist).
 */
export const SyscallError = {
  IllegalArgument: 1,
  IllegalOperation: 2,
  LimitExceeded: 3,
  AssertionFailed: 4,
  InsufficientFunds: 5,
  NotFound: 6,
  InvalidHandle: 7,
  IllegalCid: 8,
  IllegalCodec: 9,
  Serialization: 10,
  Forbidden: 11,
  BufferTooSmall: 12,
  ReadOnly: 13,
} as const;

const SYSCALL_MEANINGS: Readonly<Record<keyof typeof SyscallError, string>> = {
  IllegalArgument: "a syscall parameter was invalid",
  IllegalOperation: "the actor is not in a state to perform the operation",
  LimitExceeded: "a system limit was exceeded (memory, call depth, …)",
  AssertionFailed: "a system-level assertion failed",
  InsufficientFunds: "the caller does not have the value it tried to send",
  NotFound: "the target actor (or resource) does not exist",
  InvalidHandle: "an IPLD block handle was invalid",
  IllegalCid: "the CID shape (multihash code or length) is not supported",
  IllegalCodec: "the IPLD codec is not supported (call_actor params must be codec 0 or 0x51 CBOR)",
  Serialization: "the IPLD block did not match its codec",
  Forbidden: "the operation is forbidden",
  BufferTooSmall: "the passed buffer is too small",
  ReadOnly: "the call is read-only but would change state or transfer value",
};

export function syscallErrorName(errorNumber: number): keyof typeof SyscallError | undefined {
  const magnitude = Math.abs(errorNumber);
  return (Object.keys(SyscallError) as Array<keyof typeof SyscallError>).find((name) => SyscallError[name] === magnitude);
}

/**
 * One line for a user: "exit 22 USR_UNHANDLED_MESSAGE: the receiver does not handle this method
 * number". Negative numbers (call_actor's syscall failures) are described as syscall errors.
 */
export function describeExitCode(code: number | bigint, actor?: ExitCodeActor): string {
  const n = Number(code);
  if (!Number.isSafeInteger(n) || n > 0xffffffff) return `exit ${code}: not an exit code (exit codes are 32-bit unsigned integers)`;
  if (n < 0) {
    const name = syscallErrorName(n);
    return name === undefined
      ? `exit ${n}: unknown syscall error number ${-n}`
      : `exit ${n} ${name} (syscall error): ${SYSCALL_MEANINGS[name]}`;
  }
  const infos = exitCodeInfo(n, actor);
  if (infos.length === 1) {
    const [info] = infos;
    return `exit ${n} ${info.name}${info.actor !== undefined ? ` (${info.actor} actor)` : ""}: ${info.meaning}`;
  }
  if (infos.length > 1) {
    return `exit ${n}: ${infos.map((info) => `${info.name} (${info.actor} actor): ${info.meaning}`).join("; or ")}`;
  }
  if (n < FIRST_USER_EXIT_CODE) return `exit ${n}: reserved system exit code (actors may not use it)`;
  if (n < FIRST_ACTOR_SPECIFIC_EXIT_CODE) return `exit ${n}: reserved common exit code (not used by builtin actors)`;
  return `exit ${n}: actor-specific exit code${actor !== undefined ? ` with no known meaning for the ${actor} actor` : ""}`;
}

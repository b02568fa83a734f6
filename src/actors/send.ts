import { Account, type Address } from "@ethereumjs/util";
import type { FevmEVM } from "../evm/fevm-evm";
import {
  describeExitCode,
  FIRST_EXPORTED_METHOD_NUMBER,
  EAM_ACTOR_ID,
  ExitCode,
  formatAddress,
  Protocol,
  SyscallError,
  type FilecoinAddress,
} from "../fil";
import { actorDefinition } from ".";
import type { Invocation } from "./definition";
import type { ActorKind } from "./kinds";
import { invokeContract } from "./evm-bridge";
import { ActorAbort, SyscallFailure, type IpldBlock, type SendOutcome } from "./outcome";
import { stateAddressOf, type ActorRecord } from "./registry";

/** Actors dispatched by builtin-actors' actor_dispatch!, which guards internal methods (below 2^24). */
function isBuiltin(kind: ActorKind): boolean {
  return kind !== "evm" && kind !== "placeholder";
}

/** FVM call depth limit (ref-fvm max_call_depth). */
export const MAX_CALL_DEPTH = 1024;

export interface SendRequest {
  evm: FevmEVM;
  from: ActorRecord;
  to: FilecoinAddress;
  method: bigint;
  params: IpldBlock | null;
  value: bigint;
  gasLimit: bigint;
  readOnly: boolean;
  depth: number;
  epoch: bigint;
}

/**
 * Resolves a send target as the FVM call manager does: ids, f2 and non-EAM f4 must exist
 * (NotFound); unknown f1/f3 become Account actors and unknown EAM f4 become Placeholders —
 * unless the call is read-only (ReadOnly).
 */
async function resolveTarget(req: SendRequest): Promise<ActorRecord> {
  const registry = req.evm.actors;
  const to = req.to;
  const id = await registry.lookupId(to);
  if (id !== undefined) return (await registry.get(id))!;
  const name = formatAddress(to, "f");
  const autoCreates = to.protocol === Protocol.Secp256k1 || to.protocol === Protocol.BLS || (to.protocol === Protocol.Delegated && to.namespace === EAM_ACTOR_ID);
  if (!autoCreates) throw new SyscallFailure(SyscallError.NotFound, `actor ${name} does not exist`);
  if (req.readOnly) throw new SyscallFailure(SyscallError.ReadOnly, `cannot create actor ${name} in a read-only call`);
  if (to.protocol === Protocol.BLS && to.payload.every((b) => b === 0)) {
    throw new SyscallFailure(SyscallError.IllegalArgument, "cannot send to the BLS zero address");
  }
  return registry.create(to.protocol === Protocol.Delegated ? "placeholder" : "account", to);
}

async function moveValue(evm: FevmEVM, from: Address, to: Address, value: bigint): Promise<void> {
  if (value === 0n || from.equals(to)) return;
  const sm = evm.stateManager;
  const sender = (await sm.getAccount(from)) ?? new Account();
  sender.balance -= value;
  await sm.putAccount(from, sender);
  const receiver = (await sm.getAccount(to)) ?? new Account();
  receiver.balance += value;
  await sm.putAccount(to, receiver);
}

/**
 * A Filecoin send from one actor to another: resolution (with auto-creation), value transfer,
 * then method dispatch — none for method 0, the contract for EVM actors, the method table for
 * native actors. A non-zero exit rolls back everything the send did, value included.
 */
export async function send(req: SendRequest): Promise<SendOutcome> {
  const finished = req.evm.sendObserver?.(req);
  const outcome = await sendUnrecorded(req);
  finished?.(outcome);
  const failure = describeFailure(req, outcome);
  if (failure) req.evm.actorFailures.push(failure);
  return outcome;
}

/** "send to t05 method 5: exit 22 USR_UNHANDLED_MESSAGE (…): the market actor (f05) does not export method 5". */
function describeFailure(req: SendRequest, outcome: SendOutcome & { reason?: string }): string | undefined {
  if (outcome.kind === "returned" && outcome.exitCode === ExitCode.OK) return undefined;
  const code = outcome.kind === "returned" ? outcome.exitCode : -outcome.errorNumber;
  const reason = outcome.reason ? `: ${outcome.reason}` : "";
  return `send to ${formatAddress(req.to, "t")} method ${req.method}: ${describeExitCode(code)}${reason}`;
}

/** A send's outcome, why it failed, and the actor it reached (none when it stopped before invoking one). */
export type SendResult = SendOutcome & { reason?: string; receiver?: ActorRecord };

/** Watches sends (the trace_* tracer): called as a send starts; what it returns is called with the send's result. */
export type SendObserver = (req: SendRequest) => (result: SendResult) => void;

async function sendUnrecorded(req: SendRequest): Promise<SendResult> {
  const logMark = req.evm.actorLogs.length;
  const outcome = await sendInTransaction(req);
  // A failed send rolls back its state, and the events of the contracts it ran with it.
  if (!(outcome.kind === "returned" && outcome.exitCode === ExitCode.OK)) req.evm.actorLogs.length = logMark;
  return outcome;
}

/** How far a send got: gas spent, including the contracts its actor called back (charged to the caller), and the actor it invoked. */
interface SendProgress {
  used: bigint;
  receiver?: ActorRecord;
}

async function sendInTransaction(req: SendRequest): Promise<SendResult> {
  const sm = req.evm.stateManager;
  if (req.depth >= MAX_CALL_DEPTH) return { kind: "syscall-error", errorNumber: SyscallError.LimitExceeded, gasUsed: 0n };
  if (req.readOnly && req.value > 0n) return { kind: "syscall-error", errorNumber: SyscallError.ReadOnly, gasUsed: 0n };
  const meter: SendProgress = { used: 0n };
  await sm.checkpoint();
  try {
    const outcome = await sendInCheckpoint(req, meter);
    if (outcome.kind === "returned" && outcome.exitCode === ExitCode.OK) await sm.commit();
    else await sm.revert();
    return { ...outcome, receiver: meter.receiver };
  } catch (e) {
    await sm.revert();
    const receiver = meter.receiver;
    if (e instanceof SyscallFailure) return { kind: "syscall-error", errorNumber: e.errorNumber, gasUsed: meter.used, reason: e.message, receiver };
    if (e instanceof ActorAbort) return { kind: "returned", exitCode: e.exitCode, ret: e.ret, gasUsed: meter.used, reason: e.message, receiver };
    throw e;
  }
}

async function sendInCheckpoint(req: SendRequest, meter: SendProgress): Promise<SendOutcome> {
  const target = await resolveTarget(req);
  const fromAddr = stateAddressOf(req.from);
  const toAddr = stateAddressOf(target);
  const balance = (await req.evm.stateManager.getAccount(fromAddr))?.balance ?? 0n;
  if (balance < req.value) {
    throw new SyscallFailure(SyscallError.InsufficientFunds, `actor f0${req.from.id} has ${balance} attoFIL, cannot send ${req.value}`);
  }
  meter.receiver = target;
  if (target.kind === "evm" && req.method !== 0n) {
    // The EVM moves the value itself so that the contract sees it as msg.value.
    const r = await invokeContract({
      evm: req.evm,
      caller: fromAddr,
      contract: toAddr,
      method: req.method,
      params: req.params,
      value: req.value,
      gasLimit: req.gasLimit,
      depth: req.depth + 1,
      readOnly: req.readOnly,
    });
    return { kind: "returned", exitCode: r.exitCode, ret: r.ret, gasUsed: r.gasUsed };
  }
  await moveValue(req.evm, fromAddr, toAddr, req.value);
  if (req.method === 0n) return { kind: "returned", exitCode: ExitCode.OK, ret: null, gasUsed: 0n };
  const definition = actorDefinition(target.kind);
  if (req.method < FIRST_EXPORTED_METHOD_NUMBER && isBuiltin(target.kind) && req.from.kind === "evm") {
    // builtin-actors restrict_internal_api: methods below 2^24 refuse EVM callers.
    throw new ActorAbort(
      ExitCode.USR_FORBIDDEN,
      `method ${req.method} of the ${definition.name} actor (f0${target.id}) is internal (below 2^24) and refuses calls from contracts; call its exported FRC-42 method number instead`,
    );
  }
  const method = definition.methods.get(req.method);
  if (!method) {
    if (definition.acceptsAsNoOp?.(req.method)) return { kind: "returned", exitCode: ExitCode.OK, ret: null, gasUsed: 0n };
    throw new ActorAbort(ExitCode.USR_UNHANDLED_MESSAGE, `the ${definition.name} actor (f0${target.id}) does not export method ${req.method}`);
  }
  const invocation: Invocation = {
    evm: req.evm,
    receiver: target,
    caller: req.from,
    method: req.method,
    params: req.params,
    value: req.value,
    readOnly: req.readOnly,
    depth: req.depth + 1,
    epoch: req.epoch,
    // Nested sends share this send's gas: each gets what the previous ones left.
    send: async (to, method, params, value, opts) => {
      const remaining = req.gasLimit > meter.used ? req.gasLimit - meter.used : 0n;
      const readOnly = req.readOnly || (opts?.readOnly ?? false);
      const outcome = await send({ ...req, from: target, to, method, params, value, readOnly, depth: req.depth + 1, gasLimit: remaining });
      meter.used += outcome.gasUsed;
      return outcome;
    },
  };
  const ret = await method.handler(invocation);
  return { kind: "returned", exitCode: ExitCode.OK, ret, gasUsed: meter.used };
}

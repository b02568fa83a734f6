/** What the miner's methods share: its state, caller checks, and the address checks of its constructor and ChangeWorkerAddress. */
import { AccountMethod, ExitCode, expectAddress, formatAddress, idAddress, Protocol, type FilecoinAddress } from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort } from "../outcome";
import { stateAddressOf } from "../registry";
import { actorKind, decodeReturn, extractSendResult, requireCallerIn, requireWritable, resolveAddress } from "../runtime";
import { MAX_CONTROL_ADDRESSES, MAX_MULTIADDR_DATA, MAX_PEER_ID_LENGTH } from "./policy";
import { MinerState } from "./state";
import type { MinerInfo } from "./types";

export const t0 = (id: bigint) => `t0${id}`;

export function minerState(inv: Invocation): MinerState {
  return new MinerState(inv.evm.stateManager, inv.receiver.id);
}

export async function currentBalance(inv: Invocation): Promise<bigint> {
  return (await inv.evm.stateManager.getAccount(stateAddressOf(inv.receiver)))?.balance ?? 0n;
}

export const controlling = (info: MinerInfo) => [...info.controlAddresses, info.worker, info.owner];
/** validate_immediate_caller_is for the methods any of the miner's controlling addresses may call. */
export const requireControlling = (inv: Invocation, info: MinerInfo, method: string) =>
  requireCallerIn(inv, controlling(info), method, "the owner, the worker or a control address");

/**
 * rt.transaction: loads the info, lets `update` check and change it, then writes it back. Writing
 * the state root is what fails in a read-only call (25), after every check has passed.
 */
export async function transaction<T>(inv: Invocation, method: string, update: (info: MinerInfo) => T | Promise<T>): Promise<T> {
  const state = minerState(inv);
  const info = await state.loadInfo();
  const result = await update(info);
  requireWritable(inv, method);
  await state.saveInfo(info);
  return result;
}

export async function resolveId(inv: Invocation, address: FilecoinAddress, method: string, what: string): Promise<bigint> {
  const id = await resolveAddress(inv.evm, address);
  if (id === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: unable to resolve ${what} ${formatAddress(address, "t")}`);
  return id;
}

export function checkControlAddressCount(method: string, count: number): void {
  if (count > MAX_CONTROL_ADDRESSES) {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: control addresses length ${count} exceeds max control addresses length ${MAX_CONTROL_ADDRESSES}`);
  }
}

/** check_peer_info. */
export function checkPeerInfo(method: string, peerId: Uint8Array, multiaddrs: readonly Uint8Array[]): void {
  if (peerId.length > MAX_PEER_ID_LENGTH) {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: peer ID size of ${peerId.length} exceeds maximum size of ${MAX_PEER_ID_LENGTH}`);
  }
  let total = 0;
  for (const ma of multiaddrs) {
    if (ma.length === 0) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: invalid empty multiaddr`);
    total += ma.length;
  }
  if (total > MAX_MULTIADDR_DATA) {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: multiaddr size of ${total} exceeds maximum of ${MAX_MULTIADDR_DATA}`);
  }
}

/**
 * resolve_worker_address: the worker must be an account actor whose key is BLS (its key signs the
 * BLS-VRF election tickets). A non-f3 input is checked by asking the account for its key.
 */
export async function resolveWorkerAddress(inv: Invocation, raw: FilecoinAddress, method: string): Promise<bigint> {
  const id = await resolveId(inv, raw, method, "worker address");
  const kind = await actorKind(inv.evm, id);
  if (kind === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: no code for address ${t0(id)}`);
  if (kind !== "account") {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: worker actor type must be an account, ${t0(id)} is a ${kind} actor`);
  }
  if (raw.protocol !== Protocol.BLS) {
    const what = `${method}: PubkeyAddress of ${t0(id)}`;
    const key = decodeReturn(extractSendResult(await inv.send(idAddress(id), AccountMethod.PubkeyAddress, null, 0n), what), what, (v) => expectAddress(v, "PubkeyAddressReturn"));
    if (key.protocol !== Protocol.BLS) {
      throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `${method}: worker account ${t0(id)} must have a BLS (t3) key, its key is ${formatAddress(key, "t")}`);
    }
  }
  return id;
}


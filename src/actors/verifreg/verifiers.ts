/**
 * The registry's governance (builtin-actors verifreg `lib.rs`): the root key adds and removes
 * verifiers, verifiers turn their allowance into DataCap minted to clients.
 */
import { ExitCode, formatAddress, METHOD_SEND, type FilecoinAddress } from "../../fil";
import type { Invocation } from "../definition";
import { ActorAbort } from "../outcome";
import { actorKind, extractSendResult, requireCallerIn, requireWritable, resolveAddress } from "../runtime";
import { SingletonId } from "../singletons";
import { datacapBalance, mintDatacap } from "./datacap-calls";
import { MINIMUM_VERIFIED_ALLOCATION_SIZE } from "./policy";
import { VerifRegState } from "./state";

const name = (a: FilecoinAddress) => formatAddress(a, "t");

/**
 * `resolve_to_actor_id`: an unknown f1/f3/f4 address is created by a zero-value send (whose
 * failure aborts); still unknown is 16; with `mustExist`, an id without an actor is 17.
 */
export async function resolveToActorId(inv: Invocation, address: FilecoinAddress, mustExist: boolean): Promise<bigint> {
  let id = await resolveAddress(inv.evm, address);
  if (id === undefined) {
    extractSendResult(await inv.send(address, METHOD_SEND, null, 0n), `failed to send zero balance to address ${name(address)}`);
    id = await resolveAddress(inv.evm, address);
  }
  if (id === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `failed to resolve or initialize address ${name(address)}`);
  if (mustExist && (await actorKind(inv.evm, id)) === undefined) throw new ActorAbort(ExitCode.USR_NOT_FOUND, `no code for address ${name(address)}`);
  return id;
}

function checkMinimum(allowance: bigint, what: string): void {
  if (allowance < MINIMUM_VERIFIED_ALLOCATION_SIZE) {
    throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `allowance ${allowance} below the minimum verified allocation size ${MINIMUM_VERIFIED_ALLOCATION_SIZE} bytes for ${what}`);
  }
}

async function requireRootKey(inv: Invocation, st: VerifRegState, method: string): Promise<bigint> {
  const root = await st.rootKey();
  requireCallerIn(inv, [root], method, "the verified registry's root key");
  return root;
}

export async function addVerifier(inv: Invocation, p: { address: FilecoinAddress; allowance: bigint }): Promise<null> {
  checkMinimum(p.allowance, `add verifier ${name(p.address)}`);
  const verifier = await resolveToActorId(inv, p.address, true);
  const st = new VerifRegState(inv.evm.stateManager);
  const root = await requireRootKey(inv, st, "AddVerifier");
  if (verifier === root) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, "Rootkey cannot be added as verifier");
  if ((await datacapBalance(inv, verifier)) > 0n) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `verified client t0${verifier} cannot become a verifier`);
  await st.putVerifier(verifier, p.allowance);
  requireWritable(inv, "AddVerifier");
  return null;
}

export async function removeVerifier(inv: Invocation, address: FilecoinAddress): Promise<null> {
  const verifier = await resolveToActorId(inv, address, false);
  const st = new VerifRegState(inv.evm.stateManager);
  await requireRootKey(inv, st, "RemoveVerifier");
  if ((await st.verifierCap(verifier)) === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `failed to remove verifier: verifier t0${verifier} not found`);
  await st.removeVerifier(verifier);
  requireWritable(inv, "RemoveVerifier");
  return null;
}

/** A verifier spends `allowance` bytes of its cap: DataCap minted to the client, the market its operator. */
export async function addVerifiedClient(inv: Invocation, p: { address: FilecoinAddress; allowance: bigint }): Promise<null> {
  checkMinimum(p.allowance, `add verified client ${name(p.address)}`);
  const client = await resolveToActorId(inv, p.address, true);
  const st = new VerifRegState(inv.evm.stateManager);
  if (client === (await st.rootKey())) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, "root cannot be added as client");
  const verifier = inv.caller.id;
  const cap = await st.verifierCap(verifier);
  if (cap === undefined) throw new ActorAbort(ExitCode.USR_NOT_FOUND, `caller t0${verifier} is not a verifier (the root key adds verifiers with AddVerifier)`);
  if ((await st.verifierCap(client)) !== undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `verifier t0${client} cannot be added as a verified client`);
  if (cap < p.allowance) throw new ActorAbort(ExitCode.USR_ILLEGAL_ARGUMENT, `add more DataCap ${p.allowance} for client than allocated ${cap}`);
  await st.putVerifier(verifier, cap - p.allowance);
  requireWritable(inv, "AddVerifiedClient");
  await mintDatacap(inv, client, p.allowance, [SingletonId.Market]);
  return null;
}

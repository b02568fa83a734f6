/**
 * Test control of the verified registry and DataCap: each operation is a real message from the
 * actor that would send it on chain — AddVerifier from the root key, AddVerifiedClient from a
 * verifier (which mints DataCap, so the client's receiver hook runs) — so the registry's checks
 * and exit codes apply. Reads come straight from state, as Lotus's StateGet* calls do.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import type { FevmEVM } from "../../evm/fevm-evm";
import { addressToBytes, encodeBigIntBytes, formatAddress, idAddress, secp256k1Address, VerifRegMethod, type FilecoinAddress } from "../../fil";
import { ActorControlError, sendChecked } from "../control-send";
import { DataCapState } from "../datacap/state";
import { DATACAP_GRANULARITY } from "../datacap/types";
import type { ActorRecord } from "../registry";
import { resolveAddress } from "../runtime";
import { SingletonId } from "../singletons";
import { VerifRegState } from "./state";
import type { Allocation, Claim } from "./types";

const VERIFREG = idAddress(SingletonId.VerifiedRegistry);
const name = (a: FilecoinAddress) => formatAddress(a, "t");

/**
 * The verifier `fevm.datacap.mint` grants through: an f1 address nobody holds a key for, created
 * on first use by AddVerifier (as the registry creates any unknown verifier address).
 */
export const CONTROL_VERIFIER = secp256k1Address(keccak_256(new TextEncoder().encode("hardhat-fevm test-control verifier")).slice(0, 20));

async function actor(evm: FevmEVM, address: FilecoinAddress, role: string): Promise<ActorRecord> {
  const id = await resolveAddress(evm, address);
  const record = id === undefined ? undefined : await evm.actors.get(id);
  if (!record) throw new ActorControlError(`${role} ${name(address)} does not exist on this network yet (send it FIL, deploy it or create it first)`);
  return record;
}

/** AddVerifier from the root key: `address` may grant up to `allowance` bytes of DataCap (replacing what it had). */
export async function addVerifier(evm: FevmEVM, address: FilecoinAddress, allowance: bigint): Promise<void> {
  const root = await actor(evm, idAddress(await new VerifRegState(evm.stateManager).rootKey()), "root key");
  const params = [addressToBytes(address), encodeBigIntBytes(allowance)];
  await sendChecked(evm, { from: root, to: VERIFREG, method: VerifRegMethod.AddVerifier, params }, `AddVerifier ${name(address)} (${allowance} bytes) from root key t0${root.id}`);
}

/**
 * AddVerifiedClient from `verifier`: `allowance` bytes of DataCap minted to `client`. Without a
 * verifier, CONTROL_VERIFIER is given exactly that allowance by the root key first.
 */
export async function addVerifiedClient(evm: FevmEVM, client: FilecoinAddress, allowance: bigint, verifier?: FilecoinAddress): Promise<void> {
  if (verifier === undefined) await addVerifier(evm, CONTROL_VERIFIER, allowance);
  const from = await actor(evm, verifier ?? CONTROL_VERIFIER, "verifier");
  const params = [addressToBytes(client), encodeBigIntBytes(allowance)];
  await sendChecked(evm, { from, to: VERIFREG, method: VerifRegMethod.AddVerifiedClientExported, params }, `AddVerifiedClient ${name(client)} (${allowance} bytes) from verifier t0${from.id}`);
}

/** DataCap tokens of `address` (whole units × 10^18); 0 for addresses without an actor, as Balance answers. */
export async function datacapBalance(evm: FevmEVM, address: FilecoinAddress): Promise<bigint> {
  const id = await resolveAddress(evm, address);
  return id === undefined ? 0n : new DataCapState(evm.stateManager).balance(id);
}

/** Mints `tokens` (a multiple of 10^18) to `to` as on chain: a verifier's AddVerifiedClient. */
export async function mintDatacap(evm: FevmEVM, to: FilecoinAddress, tokens: bigint): Promise<void> {
  if (tokens % DATACAP_GRANULARITY !== 0n) throw new ActorControlError(`DataCap amount ${tokens} is not a whole number of units (multiples of 10^18 tokens, one per byte)`);
  await addVerifiedClient(evm, to, tokens / DATACAP_GRANULARITY);
}

/** Lotus's StateGetAllocation: the client's allocation `id`, if it is still unclaimed. */
export async function getAllocation(evm: FevmEVM, client: FilecoinAddress, id: bigint): Promise<Allocation | undefined> {
  const owner = await resolveAddress(evm, client);
  return owner === undefined ? undefined : new VerifRegState(evm.stateManager).allocations.get(owner, id);
}

/** Lotus's StateGetClaim: the provider's claim `id`, if it exists. */
export async function getClaim(evm: FevmEVM, provider: FilecoinAddress, id: bigint): Promise<Claim | undefined> {
  const owner = await resolveAddress(evm, provider);
  return owner === undefined ? undefined : new VerifRegState(evm.stateManager).claims.get(owner, id);
}

/** Every unclaimed allocation of a client, by ascending id. */
export async function listAllocations(evm: FevmEVM, client: FilecoinAddress): Promise<[bigint, Allocation][]> {
  const owner = await resolveAddress(evm, client);
  return owner === undefined ? [] : listOwned(new VerifRegState(evm.stateManager).allocations, owner);
}

/** Every claim of a provider, by ascending id. */
export async function listClaims(evm: FevmEVM, provider: FilecoinAddress): Promise<[bigint, Claim][]> {
  const owner = await resolveAddress(evm, provider);
  return owner === undefined ? [] : listOwned(new VerifRegState(evm.stateManager).claims, owner);
}

async function listOwned<T>(records: { ids(owner: bigint): Promise<bigint[]>; get(owner: bigint, id: bigint): Promise<T | undefined> }, owner: bigint): Promise<[bigint, T][]> {
  const out: [bigint, T][] = [];
  for (const id of await records.ids(owner)) out.push([id, (await records.get(owner, id))!]);
  return out;
}

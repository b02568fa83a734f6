/**
 * Creating storage miners for test control and genesis: the options a user gives (any address
 * form, text peer ids and multiaddrs, a sector size) checked and resolved with errors that name
 * them, then the real messages — power's CreateMiner for new miners, the constructor as init runs
 * it for genesis miners — so the actors' own checks apply.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { blake2b } from "@noble/hashes/blake2.js";
import type { FevmEVM } from "../../evm/fevm-evm";
import {
  addressToBytes,
  blsAddress,
  describeExitCode,
  ExitCode,
  expectAddress,
  expectArray,
  formatAddress,
  idAddress,
  METHOD_CONSTRUCTOR,
  MinerMethod,
  PowerMethod,
  InvalidAddressError,
  Protocol,
  toFilecoinAddress,
  type ActorAddress,
  type AddressInput,
  type CborEncodable,
  type FilecoinAddress,
} from "../../fil";
import { bigIntToBytes, concatBytes } from "../../fil/bytes";
import { PowerState } from "../power/state";
import { minerRobustAddress } from "../init/methods";
import type { IpldBlock } from "../outcome";
import type { ActorRecord } from "../registry";
import { cborBlock, decodeReturn } from "../runtime";
import { send } from "../send";
import { FIRST_GENESIS_MINER_ID, FIRST_NON_SINGLETON_ID, SingletonId } from "../singletons";
import { MAX_CONTROL_ADDRESSES, MAX_MULTIADDR_DATA, MAX_PEER_ID_LENGTH } from "./policy";
import { InvalidMultiaddrError, multiaddrToBytes } from "./multiaddr";
import { InvalidPeerIdError, peerIdToBytes } from "./peer-id";
import { DEFAULT_SECTOR_SIZE, describeSectorSizes, sectorSizeInfo } from "./sector-size";
import { FILECOIN_BLOCK_GAS_LIMIT } from "../../chain/epochs";

export interface CreateMinerOptions {
  /** Any actor (resolved like a send would: unknown f1/f3/f410 addresses get an account). */
  owner: AddressInput;
  /** A BLS (f3) account; default: the owner if it is one, else a generated BLS account. */
  worker?: AddressInput;
  /** Up to 10 addresses that may act for the miner (e.g. a contract publishing deals). */
  controlAddresses?: readonly AddressInput[];
  /** Bytes: 2048, 8388608, 536870912, 34359738368 (default) or 68719476736. */
  sectorSize?: bigint | number;
  /** Base58 libp2p peer id or 0x-hex bytes. */
  peerId?: string | Uint8Array;
  /** Text multiaddrs ("/ip4/…/tcp/…") or their bytes. */
  multiaddrs?: readonly (string | Uint8Array)[];
}

export interface CreatedMiner {
  id: bigint;
  robustAddress: ActorAddress;
}

export class MinerCreationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MinerCreationError";
  }
}

const SYSTEM = { id: SingletonId.System, kind: "system" } as const;
const INIT = { id: SingletonId.Init, kind: "init" } as const;
/** Gas for contracts an owner's messages call back: Filecoin's block gas limit. */
const CONTROL_GAS_LIMIT = FILECOIN_BLOCK_GAS_LIMIT;
const WORKER_KEY_DOMAIN = new TextEncoder().encode("hardhat-fevm generated miner worker key");

function parseAddress(input: AddressInput, what: string): FilecoinAddress {
  try {
    return toFilecoinAddress(input);
  } catch (e) {
    if (e instanceof InvalidAddressError) throw new MinerCreationError(`${what}: ${e.message}`);
    throw e;
  }
}

/**
 * The id of `address`, creating its actor if a send would (f1/f3 → account, f410 → placeholder),
 * as builtin-actors' resolve_to_actor_id does by sending it nothing.
 */
async function resolveOrCreate(evm: FevmEVM, address: FilecoinAddress, what: string): Promise<bigint> {
  const known = await evm.actors.lookupId(address);
  if (known !== undefined) return known;
  const outcome = await send({ evm, from: SYSTEM, to: address, method: 0n, params: null, value: 0n, gasLimit: 0n, readOnly: false, depth: 0, epoch: evm.currentEpoch() });
  const id = await evm.actors.lookupId(address);
  if (outcome.kind === "returned" && outcome.exitCode === ExitCode.OK && id !== undefined) return id;
  throw new MinerCreationError(`${what} ${formatAddress(address, "t")} does not exist on this network; use an existing actor or an f1/f3/f410 address`);
}

/** A BLS key derived from `seed`, so a generated worker is the same in every run. */
function generatedWorkerAddress(seed: Uint8Array): FilecoinAddress {
  const keySeed = blake2b(concatBytes(WORKER_KEY_DOMAIN, seed), { dkLen: 48 });
  return blsAddress(bls12_381.longSignatures.keygen(keySeed).publicKey.toBytes());
}

/**
 * The account of a generated worker key. It takes a free id of the genesis-account range (counting
 * down from 999) rather than the next id, so miners keep the ids a Lotus devnet gives them
 * (t01000, t01001, … in creation order) whether or not their worker was generated.
 */
async function generatedWorkerBelowMiners(evm: FevmEVM, address: FilecoinAddress): Promise<bigint> {
  const known = await evm.actors.lookupId(address);
  if (known !== undefined) return known;
  let id = FIRST_GENESIS_MINER_ID - 1n;
  while ((await evm.actors.get(id)) !== undefined) {
    if (--id < FIRST_NON_SINGLETON_ID) throw new MinerCreationError("no free actor id left below 1000 for a generated worker; pass a t3 worker address");
  }
  await evm.actors.put({ id, kind: "account", address });
  return id;
}

/** The worker must be an account with a BLS key, as the miner constructor requires. */
async function resolveWorker(evm: FevmEVM, opts: CreateMinerOptions, ownerId: bigint, generated: (owner: bigint) => Promise<bigint>): Promise<bigint> {
  if (opts.worker === undefined) {
    const owner = await evm.actors.get(ownerId);
    if (owner?.kind === "account" && owner.address?.protocol === Protocol.BLS) return ownerId;
    return generated(ownerId);
  }
  const address = parseAddress(opts.worker, "worker");
  const id = await resolveOrCreate(evm, address, "worker");
  const record = await evm.actors.get(id);
  if (record?.kind !== "account" || record.address?.protocol !== Protocol.BLS) {
    throw new MinerCreationError(
      `worker ${formatAddress(address, "t")} is ${record?.kind === "account" ? "a secp256k1 account" : `a ${record?.kind} actor`}; ` +
        "a miner's worker must be a BLS (t3) account — pass a t3 address or leave worker out to get a generated one",
    );
  }
  return id;
}

function peerIdBytes(peerId: CreateMinerOptions["peerId"]): Uint8Array {
  if (peerId === undefined) return new Uint8Array();
  let bytes: Uint8Array;
  try {
    bytes = typeof peerId === "string" ? peerIdToBytes(peerId) : peerId;
  } catch (e) {
    if (e instanceof InvalidPeerIdError) throw new MinerCreationError(`peerId: ${e.message}`);
    throw e;
  }
  if (bytes.length > MAX_PEER_ID_LENGTH) throw new MinerCreationError(`peerId is ${bytes.length} bytes; the miner accepts at most ${MAX_PEER_ID_LENGTH}`);
  return bytes;
}

function multiaddrBytes(multiaddrs: CreateMinerOptions["multiaddrs"]): Uint8Array[] {
  let list: Uint8Array[];
  try {
    list = (multiaddrs ?? []).map((m) => (typeof m === "string" ? multiaddrToBytes(m) : m));
  } catch (e) {
    if (e instanceof InvalidMultiaddrError) throw new MinerCreationError(`multiaddrs: ${e.message}`);
    throw e;
  }
  if (list.some((m) => m.length === 0)) throw new MinerCreationError("multiaddrs: a multiaddr may not be empty");
  const total = list.reduce((sum, m) => sum + m.length, 0);
  if (total > MAX_MULTIADDR_DATA) throw new MinerCreationError(`multiaddrs take ${total} bytes; the miner accepts at most ${MAX_MULTIADDR_DATA} in total`);
  return list;
}

/** The options checked and resolved to what the power and miner actors take. */
interface ResolvedMiner {
  owner: bigint;
  worker: bigint;
  controls: bigint[];
  windowPoStProofType: number;
  peerId: Uint8Array;
  multiaddrs: Uint8Array[];
}

async function resolveOptions(evm: FevmEVM, opts: CreateMinerOptions, generatedWorker: (owner: bigint) => Promise<bigint>): Promise<ResolvedMiner> {
  const given = opts.sectorSize ?? DEFAULT_SECTOR_SIZE;
  const sectorSize = typeof given === "number" && !Number.isSafeInteger(given) ? undefined : BigInt(given);
  const sector = sectorSize === undefined ? undefined : sectorSizeInfo(sectorSize);
  if (sectorSize === undefined || sector === undefined) {
    throw new MinerCreationError(`sectorSize ${String(given)} is not a sector size; use one of ${describeSectorSizes()}`);
  }
  const peerId = peerIdBytes(opts.peerId);
  const multiaddrs = multiaddrBytes(opts.multiaddrs);
  const controlInputs = opts.controlAddresses ?? [];
  if (controlInputs.length > MAX_CONTROL_ADDRESSES) {
    throw new MinerCreationError(`${controlInputs.length} control addresses given; a miner has at most ${MAX_CONTROL_ADDRESSES}`);
  }
  const owner = await resolveOrCreate(evm, parseAddress(opts.owner, "owner"), "owner");
  const controls: bigint[] = [];
  for (const [i, input] of controlInputs.entries()) {
    controls.push(await resolveOrCreate(evm, parseAddress(input, `controlAddresses[${i}]`), `control address ${i}`));
  }
  const worker = await resolveWorker(evm, opts, owner, generatedWorker);
  return { owner, worker, controls, windowPoStProofType: sector.windowPoStProofType, peerId, multiaddrs };
}

/** Sends a message as `from` and returns its result, or throws MinerCreationError with the actor's own account of the failure. */
async function sendOrFail(evm: FevmEVM, from: ActorRecord, to: bigint, method: bigint, params: CborEncodable, operation: string): Promise<IpldBlock | null> {
  const outcome = await send({ evm, from, to: idAddress(to), method, params: cborBlock(params), value: 0n, gasLimit: CONTROL_GAS_LIMIT, readOnly: false, depth: 0, epoch: evm.currentEpoch() });
  if (outcome.kind === "returned" && outcome.exitCode === ExitCode.OK) return outcome.ret;
  const code = outcome.kind === "returned" ? outcome.exitCode : -outcome.errorNumber;
  throw new MinerCreationError(`${operation} failed: ${evm.takeActorFailures().at(-1) ?? describeExitCode(code)}`);
}

const idBytes = (id: bigint) => addressToBytes(idAddress(id));

/**
 * Creates a miner as \`lotus-miner init\` does: the owner sends power's CreateMiner (power → init
 * Exec → miner constructor), then sets the control addresses with ChangeWorkerAddress. Throws
 * MinerCreationError naming the option that is wrong or the actor's refusal.
 */
export async function createMiner(evm: FevmEVM, opts: CreateMinerOptions): Promise<CreatedMiner> {
  const r = await resolveOptions(evm, opts, async (owner) => {
    const minerCount = (await new PowerState(evm.stateManager).totals()).minerCount;
    return generatedWorkerBelowMiners(evm, generatedWorkerAddress(concatBytes(bigIntToBytes(owner, 8), bigIntToBytes(minerCount, 8))));
  });
  const ownerRecord = (await evm.actors.get(r.owner))!;
  const params = [idBytes(r.owner), idBytes(r.worker), r.windowPoStProofType, r.peerId, r.multiaddrs];
  const ret = await sendOrFail(evm, ownerRecord, SingletonId.Power, PowerMethod.CreateMinerExported, params, "power CreateMiner");
  const [idAddr, robust] = decodeReturn(ret, "CreateMinerReturn", (v) => expectArray(v, "CreateMinerReturn", 2).map((a) => expectAddress(a, "CreateMinerReturn address")));
  if (idAddr.protocol !== Protocol.ID || robust.protocol !== Protocol.Actor) throw new MinerCreationError("power CreateMiner returned unexpected addresses");
  if (r.controls.length > 0) {
    await sendOrFail(evm, ownerRecord, idAddr.id, MinerMethod.ChangeWorkerAddressExported, [idBytes(r.worker), r.controls.map(idBytes)], "miner ChangeWorkerAddress (control addresses)");
  }
  return { id: idAddr.id, robustAddress: robust };
}

/**
 * A genesis miner at a reserved id (Lotus devnets number them from 1000): its constructor runs as
 * init would run it, and power records its empty claim, as Lotus's genesis builder does.
 */
export async function createGenesisMiner(evm: FevmEVM, opts: CreateMinerOptions, id: bigint): Promise<CreatedMiner> {
  // Genesis ids are reserved, so generated workers simply take the next ones.
  const r = await resolveOptions(evm, opts, () => resolveOrCreate(evm, generatedWorkerAddress(bigIntToBytes(id, 8)), "generated worker"));
  const robustAddress = minerRobustAddress(id);
  await evm.actors.put({ id, kind: "miner", address: robustAddress });
  const params = [idBytes(r.owner), idBytes(r.worker), r.controls.map(idBytes), r.windowPoStProofType, r.peerId, r.multiaddrs];
  await sendOrFail(evm, INIT, id, METHOD_CONSTRUCTOR, params, `constructor of genesis miner t0${id}`);
  await new PowerState(evm.stateManager).addMiner(id, r.windowPoStProofType, evm.currentEpoch());
  return { id, robustAddress };
}

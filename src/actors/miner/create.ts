/**
 * Creating a storage miner outside any message (genesis, test control): the actor record with an
 * f2 robust address, and its info as the miner constructor would set it up (builtin-actors
 * actors/miner/src/lib.rs `constructor`, `MinerInfo::new`): beneficiary = owner, no pending
 * changes. Unlike power's CreateMiner no deposit is locked, so the miner starts with no vesting funds.
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import { blake2b } from "@noble/hashes/blake2.js";
import type { FevmEVM } from "../../evm/fevm-evm";
import {
  actorAddressFromData,
  blsAddress,
  ExitCode,
  formatAddress,
  InvalidAddressError,
  Protocol,
  toFilecoinAddress,
  type ActorAddress,
  type AddressInput,
  type FilecoinAddress,
} from "../../fil";
import { bigIntToBytes, concatBytes } from "../../fil/bytes";
import { send } from "../send";
import { SingletonId } from "../singletons";
import { MAX_CONTROL_ADDRESSES, MAX_MULTIADDR_DATA, MAX_PEER_ID_LENGTH } from "./policy";
import { InvalidMultiaddrError, multiaddrToBytes } from "./multiaddr";
import { InvalidPeerIdError, peerIdToBytes } from "./peer-id";
import { DEFAULT_SECTOR_SIZE, describeSectorSizes, sectorSizeInfo } from "./sector-size";
import { MinerState } from "./state";
import type { MinerInfo } from "./types";

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
const WORKER_KEY_DOMAIN = new TextEncoder().encode("hardhat-fevm generated miner worker key");
const ROBUST_ADDRESS_DOMAIN = new TextEncoder().encode("hardhat-fevm miner");

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

/** A BLS key derived from the miner id, so a generated worker is the same in every run. */
function generatedWorkerAddress(minerId: bigint): FilecoinAddress {
  const seed = blake2b(concatBytes(WORKER_KEY_DOMAIN, bigIntToBytes(minerId, 8)), { dkLen: 48 });
  return blsAddress(bls12_381.longSignatures.keygen(seed).publicKey.toBytes());
}

/** The worker must be an account with a BLS key, as the miner constructor requires. */
async function resolveWorker(evm: FevmEVM, opts: CreateMinerOptions, ownerId: bigint, minerId: bigint): Promise<bigint> {
  if (opts.worker === undefined) {
    const owner = await evm.actors.get(ownerId);
    if (owner?.kind === "account" && owner.address?.protocol === Protocol.BLS) return ownerId;
    return resolveOrCreate(evm, generatedWorkerAddress(minerId), "generated worker");
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

/**
 * Creates a miner at the next free actor id, or at `atId` (genesis miners, whose ids are
 * reserved from 1000 on). Throws MinerCreationError naming the option that is wrong.
 */
export async function createMiner(evm: FevmEVM, opts: CreateMinerOptions, atId?: bigint): Promise<CreatedMiner> {
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

  const id = atId ?? (await evm.actors.create("miner")).id;
  const robustAddress = actorAddressFromData(concatBytes(ROBUST_ADDRESS_DOMAIN, bigIntToBytes(id, 8)));
  await evm.actors.put({ id, kind: "miner", address: robustAddress });
  const info: MinerInfo = {
    owner,
    worker: await resolveWorker(evm, opts, owner, id),
    controlAddresses: controls,
    pendingWorkerKey: null,
    peerId,
    multiaddrs,
    windowPoStProofType: sector.windowPoStProofType,
    sectorSize,
    pendingOwner: null,
    beneficiary: owner,
    beneficiaryTerm: { quota: 0n, usedQuota: 0n, expiration: 0n },
    pendingBeneficiary: null,
  };
  await new MinerState(evm.stateManager, id).saveInfo(info);
  return { id, robustAddress };
}

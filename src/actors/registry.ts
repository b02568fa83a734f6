import type { StateManagerInterface } from "@ethereumjs/common";
import { Address } from "@ethereumjs/util";
import {
  addressFromBytes,
  addressToBytes,
  delegatedAddress,
  EAM_ACTOR_ID,
  ethAddressFromBytes,
  ethAddressToBytes,
  maskedIdAddress,
  maskedIdToActorId,
  Protocol,
  type FilecoinAddress,
} from "../fil";
import { ACTOR_KINDS, hasEthAddress, type ActorKind } from "./kinds";
import { storeKey, TrieKvStore } from "./kv-store";
import { SingletonId } from "./singletons";

/** What the chain knows about one actor id. */
export interface ActorRecord {
  id: bigint;
  kind: ActorKind;
  /** Key/robust address (f1, f2, f3) or delegated f4 address, if the actor has one. */
  address?: FilecoinAddress;
}

/** Where an actor's balance, code and storage live in the ethereumjs state: its 0x form. */
export function stateAddressOf(record: ActorRecord): Address {
  const a = record.address;
  // Only a 20-byte EAM subaddress is an Ethereum address (and a masked-id-shaped one never is).
  if (
    a &&
    a.protocol === Protocol.Delegated &&
    a.namespace === EAM_ACTOR_ID &&
    a.subaddress.length === 20 &&
    hasEthAddress(record.kind) &&
    maskedIdToActorId(ethAddressFromBytes(a.subaddress)) === undefined
  ) {
    return new Address(a.subaddress);
  }
  return new Address(ethAddressToBytes(maskedIdAddress(record.id)));
}

function encodeRecord(r: ActorRecord): Uint8Array {
  const address = r.address ? addressToBytes(r.address) : new Uint8Array();
  const out = new Uint8Array(1 + address.length);
  out[0] = ACTOR_KINDS.indexOf(r.kind);
  out.set(address, 1);
  return out;
}

function decodeRecord(id: bigint, bytes: Uint8Array): ActorRecord {
  const kind = ACTOR_KINDS[bytes[0]];
  return bytes.length > 1 ? { id, kind, address: addressFromBytes(bytes.subarray(1)) } : { id, kind };
}

/**
 * The Init actor's address table: id ↔ address and the kind of every actor, kept in the storage
 * of the Init actor's masked-id account so it rolls back with the EVM (reverted txs, snapshots).
 */
export class ActorRegistry {
  private readonly kv: TrieKvStore;

  constructor(sm: StateManagerInterface) {
    this.kv = new TrieKvStore(sm, stateAddressOf({ id: SingletonId.Init, kind: "init" }));
  }

  async get(id: bigint): Promise<ActorRecord | undefined> {
    const bytes = await this.kv.get(storeKey("actor", id));
    return bytes ? decodeRecord(id, bytes) : undefined;
  }

  /** Id of an address of any protocol (ids resolve to themselves only when the actor exists). */
  async lookupId(address: FilecoinAddress): Promise<bigint | undefined> {
    if (address.protocol === Protocol.ID) return (await this.get(address.id)) ? address.id : undefined;
    const bytes = await this.kv.get(storeKey("address", addressToBytes(address)));
    if (!bytes) return undefined;
    return new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0);
  }

  /** The actor an Ethereum 20-byte address designates (masked id or f410), if any. */
  async lookupEth(address: Address): Promise<ActorRecord | undefined> {
    const masked = maskedIdToActorId(address.bytes);
    if (masked !== undefined) return this.get(masked);
    const id = await this.lookupId(delegatedAddress(EAM_ACTOR_ID, address.bytes));
    return id === undefined ? undefined : this.get(id);
  }

  private async nextId(): Promise<bigint> {
    const bytes = await this.kv.get(storeKey("next-id"));
    return bytes ? new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0) : 0n;
  }

  private async setNextId(id: bigint): Promise<void> {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigUint64(0, id);
    await this.kv.put(storeKey("next-id"), bytes);
  }

  /** Ids below `id` stay unused by create() (Lotus keeps 100–999 for genesis accounts, 1000+ for miners). */
  async reserveIdsBelow(id: bigint): Promise<void> {
    if ((await this.nextId()) < id) await this.setNextId(id);
  }

  /** Binds a record at a chosen id (genesis singletons, genesis miners). */
  async put(record: ActorRecord): Promise<void> {
    await this.kv.put(storeKey("actor", record.id), encodeRecord(record));
    if (record.address && record.address.protocol !== Protocol.ID) {
      const idBytes = new Uint8Array(8);
      new DataView(idBytes.buffer).setBigUint64(0, record.id);
      await this.kv.put(storeKey("address", addressToBytes(record.address)), idBytes);
    }
    if (record.id >= (await this.nextId())) await this.setNextId(record.id + 1n);
  }

  /** Creates an actor at the next free id, as the Init actor does. */
  async create(kind: ActorKind, address?: FilecoinAddress): Promise<ActorRecord> {
    const record: ActorRecord = { id: await this.nextId(), kind, address };
    await this.put(record);
    return record;
  }

  /** Changes an actor's code (placeholder → EthAccount on first send, → EVM on deploy). */
  async setKind(id: bigint, kind: ActorKind): Promise<void> {
    const record = await this.get(id);
    if (record) await this.kv.put(storeKey("actor", id), encodeRecord({ ...record, kind }));
  }

  /** Binds an f410 Ethereum address to a new actor of `kind` unless one exists (one read when it does). */
  async bindEth(address: Address, kind: ActorKind): Promise<void> {
    if (maskedIdToActorId(address.bytes) !== undefined) return;
    if ((await this.lookupId(delegatedAddress(EAM_ACTOR_ID, address.bytes))) === undefined) {
      await this.create(kind, delegatedAddress(EAM_ACTOR_ID, address.bytes));
    }
  }

  /**
   * The actor at an f410 Ethereum address becomes an EVM actor (created if none exists), as when
   * the EAM deploys a contract there: from then on the EXT* opcodes see its code.
   */
  async bindContract(address: Address): Promise<ActorRecord> {
    const record = await this.ensureEth(address, "evm");
    if (record.kind !== "evm") await this.setKind(record.id, "evm");
    return { ...record, kind: "evm" };
  }

  /** The actor at an f410 Ethereum address, created as `kind` if it does not exist yet. */
  async ensureEth(address: Address, kind: ActorKind): Promise<ActorRecord> {
    const existing = await this.lookupEth(address);
    if (existing) return existing;
    return this.create(kind, delegatedAddress(EAM_ACTOR_ID, address.bytes));
  }
}


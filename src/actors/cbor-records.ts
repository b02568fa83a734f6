import type { StateManagerInterface } from "@ethereumjs/common";
import { decodeCbor, encodeCbor, type CborEncodable, type CborValue } from "../fil";
import { TrieKvStore } from "./kv-store";
import { stateAddressOf } from "./registry";
import type { ActorKind } from "./kinds";

/**
 * CBOR records in the storage of one actor's masked-id account: an actor's state tables (HAMTs and
 * AMTs on chain) as keyed records, journaled and reverted with the EVM like contract storage.
 */
export class CborRecords {
  private readonly kv: TrieKvStore;

  constructor(sm: StateManagerInterface, id: bigint, kind: ActorKind) {
    this.kv = new TrieKvStore(sm, stateAddressOf({ id, kind }));
  }

  async read<T>(key: Uint8Array, decode: (value: CborValue) => T): Promise<T | undefined> {
    const bytes = await this.kv.get(key);
    return bytes === undefined ? undefined : decode(decodeCbor(bytes));
  }

  write(key: Uint8Array, value: CborEncodable): Promise<void> {
    return this.kv.put(key, encodeCbor(value));
  }

  delete(key: Uint8Array): Promise<void> {
    return this.kv.delete(key);
  }
}

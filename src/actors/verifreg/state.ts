import type { StateManagerInterface } from "@ethereumjs/common";
import { decodeBigIntBytes, decodeCbor, encodeBigIntBytes, encodeCbor, expectArray, expectUint64, type CborEncodable, type CborValue } from "../../fil";
import { storeKey, TrieKvStore } from "../kv-store";
import { stateAddressOf } from "../registry";
import { SingletonId } from "../singletons";
import { compareBigInt } from "../market/state";
import { DEVNET_ROOT_KEY_ID, FIRST_ALLOCATION_ID } from "./policy";
import { allocationCbor, claimCbor, readAllocation, readClaim, type Allocation, type Claim } from "./types";

/** Records keyed by (owner, id) with an id index per owner: allocations by client, claims by provider. */
class OwnedRecords<T> {
  constructor(
    private readonly kv: TrieKvStore,
    private readonly table: string,
    private readonly encode: (t: T) => CborEncodable,
    private readonly decode: (v: CborValue) => T,
  ) {}

  async get(owner: bigint, id: bigint): Promise<T | undefined> {
    const bytes = await this.kv.get(storeKey(this.table, owner, id));
    return bytes === undefined ? undefined : this.decode(decodeCbor(bytes));
  }

  /** Ids held by `owner`, ascending. */
  async ids(owner: bigint): Promise<bigint[]> {
    const bytes = await this.kv.get(storeKey(`${this.table}-ids`, owner));
    return bytes === undefined ? [] : expectArray(decodeCbor(bytes), "ids").map((v) => expectUint64(v, "id"));
  }

  private async setIds(owner: bigint, ids: bigint[]): Promise<void> {
    if (ids.length === 0) await this.kv.delete(storeKey(`${this.table}-ids`, owner));
    else await this.kv.put(storeKey(`${this.table}-ids`, owner), encodeCbor([...ids].sort(compareBigInt)));
  }

  async put(owner: bigint, id: bigint, record: T): Promise<void> {
    const existing = await this.ids(owner);
    if (!existing.includes(id)) await this.setIds(owner, [...existing, id]);
    await this.kv.put(storeKey(this.table, owner, id), encodeCbor(this.encode(record)));
  }

  async remove(owner: bigint, id: bigint): Promise<void> {
    await this.setIds(owner, (await this.ids(owner)).filter((x) => x !== id));
    await this.kv.delete(storeKey(this.table, owner, id));
  }
}

/**
 * The verified registry's state (builtin-actors `actors/verifreg/src/state.rs`): root key,
 * verifiers with their remaining DataCap, allocations by client and claims by provider (claim
 * ids are the ids of the allocations they came from), kept in the storage of f06's masked-id
 * account so it rolls back with the EVM.
 */
export class VerifRegState {
  private readonly kv: TrieKvStore;
  readonly allocations: OwnedRecords<Allocation>;
  readonly claims: OwnedRecords<Claim>;

  constructor(sm: StateManagerInterface) {
    this.kv = new TrieKvStore(sm, stateAddressOf({ id: SingletonId.VerifiedRegistry, kind: "verifreg" }));
    this.allocations = new OwnedRecords(this.kv, "allocation", allocationCbor, readAllocation);
    this.claims = new OwnedRecords(this.kv, "claim", claimCbor, readClaim);
  }

  private async u64(key: string, fallback: bigint): Promise<bigint> {
    const bytes = await this.kv.get(storeKey(key));
    return bytes === undefined ? fallback : expectUint64(decodeCbor(bytes), key);
  }

  rootKey(): Promise<bigint> {
    return this.u64("root-key", DEVNET_ROOT_KEY_ID);
  }

  setRootKey(id: bigint): Promise<void> {
    return this.kv.put(storeKey("root-key"), encodeCbor(id));
  }

  nextAllocationId(): Promise<bigint> {
    return this.u64("next-allocation-id", FIRST_ALLOCATION_ID);
  }

  setNextAllocationId(id: bigint): Promise<void> {
    return this.kv.put(storeKey("next-allocation-id"), encodeCbor(id));
  }

  /** A verifier's remaining DataCap (bytes); undefined when it is not a verifier (zero is still one). */
  async verifierCap(id: bigint): Promise<bigint | undefined> {
    const bytes = await this.kv.get(storeKey("verifier", id));
    return bytes === undefined ? undefined : decodeBigIntBytes(bytes);
  }

  putVerifier(id: bigint, cap: bigint): Promise<void> {
    return this.kv.put(storeKey("verifier", id), encodeBigIntBytes(cap));
  }

  removeVerifier(id: bigint): Promise<void> {
    return this.kv.delete(storeKey("verifier", id));
  }
}

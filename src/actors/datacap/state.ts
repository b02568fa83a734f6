import type { StateManagerInterface } from "@ethereumjs/common";
import { decodeBigIntBytes, encodeBigIntBytes } from "../../fil";
import { storeKey, TrieKvStore } from "../kv-store";
import { stateAddressOf } from "../registry";
import { SingletonId } from "../singletons";

/**
 * The DataCap actor's FRC-46 token state (actors-utils `frc46_token/src/token/state.rs`): total
 * supply, balances and allowances keyed by actor id, in the storage of f07's masked-id account so
 * it rolls back with the EVM. As in the real HAMTs, zero entries are removed, not stored.
 */
export class DataCapState {
  private readonly kv: TrieKvStore;

  constructor(sm: StateManagerInterface) {
    this.kv = new TrieKvStore(sm, stateAddressOf({ id: SingletonId.DataCap, kind: "datacap" }));
  }

  private async amount(key: Uint8Array): Promise<bigint> {
    const bytes = await this.kv.get(key);
    return bytes === undefined ? 0n : decodeBigIntBytes(bytes);
  }

  private async setAmount(key: Uint8Array, value: bigint): Promise<void> {
    if (value === 0n) await this.kv.delete(key);
    else await this.kv.put(key, encodeBigIntBytes(value));
  }

  supply(): Promise<bigint> {
    return this.amount(storeKey("supply"));
  }

  setSupply(value: bigint): Promise<void> {
    return this.setAmount(storeKey("supply"), value);
  }

  balance(owner: bigint): Promise<bigint> {
    return this.amount(storeKey("balance", owner));
  }

  setBalance(owner: bigint, value: bigint): Promise<void> {
    return this.setAmount(storeKey("balance", owner), value);
  }

  allowance(owner: bigint, operator: bigint): Promise<bigint> {
    return this.amount(storeKey("allowance", owner, operator));
  }

  setAllowance(owner: bigint, operator: bigint, value: bigint): Promise<void> {
    return this.setAmount(storeKey("allowance", owner, operator), value);
  }
}

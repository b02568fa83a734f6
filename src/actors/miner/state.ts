import type { StateManagerInterface } from "@ethereumjs/common";
import { decodeCbor, encodeCbor, ExitCode } from "../../fil";
import { storeKey, TrieKvStore } from "../kv-store";
import { ActorAbort } from "../outcome";
import { stateAddressOf } from "../registry";
import { decodeMinerInfo, encodeMinerInfo, type MinerInfo } from "./types";

const INFO_KEY = storeKey("miner-info");

/**
 * A miner's state, kept in the storage of its masked-id account (where its balance lives too), so
 * it is journaled and rolls back with the EVM like contract storage.
 */
export class MinerState {
  private readonly kv: TrieKvStore;

  constructor(
    sm: StateManagerInterface,
    readonly id: bigint,
  ) {
    this.kv = new TrieKvStore(sm, stateAddressOf({ id, kind: "miner" }));
  }

  /** The info, or undefined when this id holds no miner state. */
  async findInfo(): Promise<MinerInfo | undefined> {
    const bytes = await this.kv.get(INFO_KEY);
    return bytes === undefined ? undefined : decodeMinerInfo(decodeCbor(bytes));
  }

  /** The info for a running method; a miner without state is an illegal state (20), as on chain. */
  async loadInfo(): Promise<MinerInfo> {
    const info = await this.findInfo();
    if (info === undefined) throw new ActorAbort(ExitCode.USR_ILLEGAL_STATE, `could not read miner info of t0${this.id}: the actor has no miner state`);
    return info;
  }

  async saveInfo(info: MinerInfo): Promise<void> {
    await this.kv.put(INFO_KEY, encodeCbor(encodeMinerInfo(info)));
  }
}

import type { StateManagerInterface } from "@ethereumjs/common";
import { decodeCbor, encodeCbor, ExitCode, expectUint64, type CborEncodable, type CborValue } from "../../fil";
import { storeKey, TrieKvStore } from "../kv-store";
import { ActorAbort } from "../outcome";
import { stateAddressOf } from "../registry";
import { preCommitInfoCbor, readPreCommitOnChain, readSectorInfo, sectorInfoCbor, type PreCommitOnChain, type SectorInfo } from "./sector-types";
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

  private async read<T>(key: Uint8Array, decode: (value: CborValue) => T): Promise<T | undefined> {
    const bytes = await this.kv.get(key);
    return bytes === undefined ? undefined : decode(decodeCbor(bytes));
  }

  private write(key: Uint8Array, value: CborEncodable): Promise<void> {
    return this.kv.put(key, encodeCbor(value));
  }

  // -------------------------------------------------------------------- sectors

  /** Whether a sector number was ever pre-committed (numbers are never reused: `allocated_sectors`). */
  async isAllocated(sector: bigint): Promise<boolean> {
    return (await this.kv.get(storeKey("allocated", sector))) !== undefined;
  }

  async allocate(sector: bigint): Promise<void> {
    await this.kv.put(storeKey("allocated", sector), new Uint8Array([1]));
  }

  getPreCommit(sector: bigint): Promise<PreCommitOnChain | undefined> {
    return this.read(storeKey("precommit", sector), readPreCommitOnChain);
  }

  putPreCommit(p: PreCommitOnChain): Promise<void> {
    return this.write(storeKey("precommit", p.sectorNumber), [preCommitInfoCbor(p), p.preCommitEpoch]);
  }

  deletePreCommit(sector: bigint): Promise<void> {
    return this.kv.delete(storeKey("precommit", sector));
  }

  getSector(sector: bigint): Promise<SectorInfo | undefined> {
    return this.read(storeKey("sector", sector), readSectorInfo);
  }

  /** Stores a sector; a new one is appended to the list sectors are enumerated (and placed in deadlines) by. */
  async putSector(s: SectorInfo): Promise<void> {
    const key = storeKey("sector", s.sectorNumber);
    if ((await this.kv.get(key)) === undefined) {
      const count = await this.sectorCount();
      await this.write(storeKey("sector-at", count), s.sectorNumber);
      await this.write(storeKey("sector-count"), count + 1n);
    }
    await this.write(key, sectorInfoCbor(s));
  }

  /** How many sectors were ever proven: the next one's index for deadline assignment. */
  async sectorCount(): Promise<bigint> {
    return (await this.read(storeKey("sector-count"), (v) => expectUint64(v, "sector count"))) ?? 0n;
  }

  async sectors(): Promise<SectorInfo[]> {
    const out: SectorInfo[] = [];
    const count = await this.sectorCount();
    for (let i = 0n; i < count; i++) {
      const n = (await this.read(storeKey("sector-at", i), (v) => expectUint64(v, "sector number")))!;
      out.push((await this.getSector(n))!);
    }
    return out;
  }
}

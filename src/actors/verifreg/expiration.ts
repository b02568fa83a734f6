/**
 * Removal of expired allocations and claims (builtin-actors verifreg `expiration.rs`): with no
 * ids, every expired record of the owner; otherwise each listed id, failing 17 when the owner
 * has no such record and 18 when it has not expired yet.
 */
import { ExitCode } from "../../fil";
import { BatchResults, batchSuccesses, type BatchReturn } from "../batch-return";

interface Records<T> {
  get(owner: bigint, id: bigint): Promise<T | undefined>;
  ids(owner: bigint): Promise<bigint[]>;
  remove(owner: bigint, id: bigint): Promise<void>;
}

export interface Removal<T> {
  considered: bigint[];
  batch: BatchReturn;
  removed: T[];
}

/** Expired when `epoch ≥ expiry(record)`. The real actor lists a HAMT; here ids come ascending. */
export async function removeExpired<T>(records: Records<T>, owner: bigint, ids: readonly bigint[], epoch: bigint, expiry: (t: T) => bigint): Promise<Removal<T>> {
  let considered: bigint[];
  let batch: BatchReturn;
  let toRemove: bigint[];
  if (ids.length === 0) {
    considered = [];
    for (const id of await records.ids(owner)) if (epoch >= expiry((await records.get(owner, id))!)) considered.push(id);
    batch = { successCount: considered.length, failCodes: [] };
    toRemove = considered;
  } else {
    considered = [...ids];
    const results = new BatchResults();
    for (const id of ids) {
      const record = await records.get(owner, id);
      if (record === undefined) results.fail(ExitCode.USR_NOT_FOUND);
      else if (epoch >= expiry(record)) results.success();
      else results.fail(ExitCode.USR_FORBIDDEN);
    }
    batch = results.generate();
    toRemove = batchSuccesses(batch, ids);
  }
  const removed: T[] = [];
  for (const id of toRemove) {
    const record = await records.get(owner, id);
    if (record === undefined) throw new Error(`failed to remove allocation/claim ${id}`);
    removed.push(record);
    await records.remove(owner, id);
  }
  return { considered, batch, removed };
}

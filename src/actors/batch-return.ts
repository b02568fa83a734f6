/**
 * BatchReturn (builtin-actors `runtime/src/util/batch_return.rs`): how many items of a batch
 * succeeded and the exit code of each that failed, `[success_count, [[idx, code]…]]`.
 */
import { expectArray, expectUint32, type CborEncodable, type CborValue } from "../fil";

export interface BatchReturn {
  successCount: number;
  failCodes: { idx: number; code: number }[];
}

/** `BatchReturnGen`: records each item's outcome in order. */
export class BatchResults {
  private readonly result: BatchReturn = { successCount: 0, failCodes: [] };
  private index = 0;

  success(): void {
    this.result.successCount++;
    this.index++;
  }

  fail(code: number): void {
    this.result.failCodes.push({ idx: this.index++, code });
  }

  get allOk(): boolean {
    return this.result.failCodes.length === 0;
  }

  generate(): BatchReturn {
    return { successCount: this.result.successCount, failCodes: [...this.result.failCodes] };
  }
}

/** `BatchReturn::successes`: the items whose index did not fail. */
export function batchSuccesses<T>(batch: BatchReturn, items: readonly T[]): T[] {
  const failed = new Set(batch.failCodes.map((f) => f.idx));
  return items.filter((_, i) => !failed.has(i));
}

export function readBatchReturn(value: CborValue, what = "BatchReturn"): BatchReturn {
  const f = expectArray(value, what, 2);
  return {
    successCount: expectUint32(f[0], `${what}.success_count`),
    failCodes: expectArray(f[1], `${what}.fail_codes`).map((c, i) => {
      const cf = expectArray(c, `${what}.fail_codes[${i}]`, 2);
      return { idx: expectUint32(cf[0], `${what}.fail_codes[${i}].idx`), code: expectUint32(cf[1], `${what}.fail_codes[${i}].code`) };
    }),
  };
}

export function batchReturnCbor(b: BatchReturn): CborEncodable {
  return [b.successCount, b.failCodes.map((f) => [f.idx, f.code])];
}

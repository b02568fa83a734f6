import type { BlockView } from "../chain/block-store";
import type { Chain } from "../chain/chain";
import { formatBlock } from "./format";
import { logsMatching, type LogCriteria, type LogCursor } from "./log-filter";

type Filter =
  | { kind: "logs"; criteria: LogCriteria; cursor: LogCursor; subscription: boolean }
  | { kind: "blocks"; nextBlock: bigint; subscription: boolean }
  | { kind: "pending"; hashes: string[]; subscription: boolean };

/** A log filter's position: everything up to the latest block and its system messages is read. */
function logCursor(chain: Chain): LogCursor {
  return { block: chain.latestNumber() + 1n, system: chain.blocks.systemCount };
}

/** eth_newFilter / eth_newBlockFilter / eth_newPendingTransactionFilter and eth_subscribe. */
export class Filters {
  private readonly filters = new Map<string, Filter>();
  private nextId = 1;

  constructor(private readonly notify: (subscription: string, result: unknown) => void) {}

  private add(filter: Filter): string {
    const id = `0x${(this.nextId++).toString(16)}`;
    this.filters.set(id, filter);
    return id;
  }

  newLogFilter(chain: Chain, criteria: LogCriteria, subscription = false): string {
    return this.add({ kind: "logs", criteria, cursor: logCursor(chain), subscription });
  }

  newBlockFilter(chain: Chain, subscription = false): string {
    return this.add({ kind: "blocks", nextBlock: chain.latestNumber() + 1n, subscription });
  }

  newPendingFilter(subscription = false): string {
    return this.add({ kind: "pending", hashes: [], subscription });
  }

  uninstall(id: string): boolean {
    return this.filters.delete(id);
  }

  has(id: string): boolean {
    return this.filters.has(id);
  }

  /** What happened since the last poll (and moves the cursor). */
  changes(chain: Chain, id: string): unknown[] | undefined {
    const f = this.filters.get(id);
    if (!f) return undefined;
    const latest = chain.latestNumber();
    if (f.kind === "pending") return f.hashes.splice(0);
    if (f.kind === "blocks") {
      const hashes: string[] = [];
      for (let n = f.nextBlock; n <= latest; n++) hashes.push(chain.blockByNumber(n)!.hash);
      f.nextBlock = latest + 1n;
      return hashes;
    }
    const logs = logsMatching(chain, f.criteria, f.cursor);
    f.cursor = logCursor(chain);
    return logs;
  }

  /** All logs of a log filter (eth_getFilterLogs). */
  logs(chain: Chain, id: string): unknown[] | undefined {
    const f = this.filters.get(id);
    return f?.kind === "logs" ? logsMatching(chain, f.criteria) : undefined;
  }

  onPendingTransaction(hash: string): void {
    for (const [id, f] of this.filters) {
      if (f.kind !== "pending") continue;
      if (f.subscription) this.notify(id, hash);
      else f.hashes.push(hash);
    }
  }

  onBlock(chain: Chain, block: BlockView): void {
    for (const [id, f] of this.filters) {
      if (!f.subscription || f.kind === "pending") continue;
      if (f.kind === "blocks") {
        this.notify(id, formatBlock(block, false));
        f.nextBlock = block.number + 1n;
      } else for (const log of this.changes(chain, id) ?? []) this.notify(id, log);
    }
  }

  /**
   * Tells log subscriptions about the events of system messages recorded since they last heard
   * (test-control operations and storage-provider actions add them without mining a block).
   */
  onSystemMessages(chain: Chain): void {
    for (const [id, f] of this.filters) {
      if (f.subscription && f.kind === "logs" && f.cursor.system < chain.blocks.systemCount) for (const log of this.changes(chain, id) ?? []) this.notify(id, log);
    }
  }

  clear(): void {
    this.filters.clear();
  }
}

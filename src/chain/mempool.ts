import type { SenderTx } from "./transactions";

/** Transactions waiting for a block while automine is off. */
export class Mempool {
  private txs: SenderTx[] = [];

  get size(): number {
    return this.txs.length;
  }

  /** Queues `tx`; it takes the place of a queued transaction with the same sender and nonce (a replacement). */
  add(tx: SenderTx): void {
    const replaced = this.withNonce(tx.from.toString(), tx.tx.nonce);
    if (replaced) this.txs[this.txs.indexOf(replaced)] = tx;
    else this.txs.push(tx);
  }

  withNonce(from: string, nonce: bigint): SenderTx | undefined {
    return this.txs.find((t) => t.from.toString() === from && t.tx.nonce === nonce);
  }

  remove(hash: string): boolean {
    const before = this.txs.length;
    this.txs = this.txs.filter((t) => t.hash !== hash);
    return this.txs.length !== before;
  }

  get(hash: string): SenderTx | undefined {
    return this.txs.find((t) => t.hash === hash);
  }

  all(): SenderTx[] {
    return [...this.txs];
  }

  replace(txs: SenderTx[]): void {
    this.txs = [...txs];
  }

  /** Next nonce for `from` given its on-chain nonce and its contiguous queued transactions. */
  nextNonce(from: string, accountNonce: bigint): bigint {
    const queued = new Set(this.txs.filter((t) => t.from.toString() === from).map((t) => t.tx.nonce));
    let nonce = accountNonce;
    while (queued.has(nonce)) nonce++;
    return nonce;
  }

  /** Queued transactions as Hardhat lists them: senders in order of arrival, each sender's by nonce. */
  listed(): SenderTx[] {
    return this.bySender().flat();
  }

  /** Each sender's queued transactions in nonce order, senders in order of arrival. */
  private bySender(): SenderTx[][] {
    const bySender = new Map<string, SenderTx[]>();
    for (const t of this.txs) {
      const key = t.from.toString();
      bySender.set(key, [...(bySender.get(key) ?? []), t]);
    }
    const lists = [...bySender.values()];
    for (const list of lists) list.sort((a, b) => (a.tx.nonce < b.tx.nonce ? -1 : 1));
    return lists;
  }

  /**
   * Mining order as Hardhat's "priority" mempool: highest tip first, arrival order on ties,
   * and each sender's transactions in nonce order.
   */
  ordered(baseFee: bigint): SenderTx[] {
    const tip = (t: SenderTx) => {
      const tx = t.tx as { maxFeePerGas?: bigint; maxPriorityFeePerGas?: bigint; gasPrice?: bigint };
      if (tx.maxFeePerGas !== undefined) {
        const room = tx.maxFeePerGas - baseFee;
        return tx.maxPriorityFeePerGas! < room ? tx.maxPriorityFeePerGas! : room;
      }
      return tx.gasPrice! - baseFee;
    };
    const out: SenderTx[] = [];
    const heads = this.bySender();
    while (heads.some((l) => l.length > 0)) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        if (heads[i].length === 0) continue;
        if (best < 0) best = i;
        else {
          const a = tip(heads[i][0]);
          const b = tip(heads[best][0]);
          if (a > b || (a === b && this.txs.indexOf(heads[i][0]) < this.txs.indexOf(heads[best][0]))) best = i;
        }
      }
      out.push(heads[best].shift()!);
    }
    return out;
  }
}

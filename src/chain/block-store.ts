import type { BlockHeader } from "@ethereumjs/block";
import type { Log } from "@ethereumjs/evm";
import type { TypedTransaction } from "@ethereumjs/tx";
import { bytesToHex, concatBytes, hexToBytes, setLengthLeft, bigIntToBytes } from "@ethereumjs/util";
import { keccak_256 } from "@noble/hashes/sha3.js";

/** One executed transaction with everything receipts and logs need. */
export interface MinedTx {
  tx: TypedTransaction;
  hash: string;
  from: string;
  index: number;
  status: 0 | 1;
  gasUsed: bigint;
  cumulativeGasUsed: bigint;
  effectiveGasPrice: bigint;
  contractAddress: string | null;
  logs: MinedLog[];
  logsBloom: Uint8Array;
  returnValue: Uint8Array;
  /** ethereumjs error name when the tx failed ("revert", "out of gas", ...). */
  error?: string;
  /** console.log inputs recorded while it ran. */
  consoleLogs: Uint8Array[];
  /** Actor sends that failed while it ran (named in the error of a failed transaction). */
  actorFailures: string[];
}

export interface MinedLog {
  address: string;
  topics: string[];
  data: string;
  /** Position of the log in its block. */
  logIndex: number;
}

/** An event as ethereumjs reports it, in hex. */
export function logFields([address, topics, data]: Log): Omit<MinedLog, "logIndex"> {
  return { address: bytesToHex(address), topics: topics.map((t) => bytesToHex(t)), data: bytesToHex(data) };
}

/** A block that holds transactions or state changes: kept in full. */
export interface RealBlock {
  header: BlockHeader;
  hash: string;
  txs: MinedTx[];
}

/** Views of real blocks are immutable: built once (hex conversions, size) and reused. */
const views = new WeakMap<RealBlock, BlockView>();

/**
 * What the provider reads about any block: real blocks come from the store, the empty epochs
 * between them (hardhat_mine, time jumps) are synthesised on demand so that mining 100,000 epochs
 * costs nothing.
 */
export interface BlockView {
  number: bigint;
  hash: string;
  parentHash: string;
  timestamp: bigint;
  gasLimit: bigint;
  gasUsed: bigint;
  baseFeePerGas: bigint;
  miner: string;
  mixHash: string;
  stateRoot: string;
  transactionsRoot: string;
  receiptsRoot: string;
  logsBloom: string;
  extraData: string;
  size: bigint;
  txs: MinedTx[];
}

const EMPTY_TRIE_ROOT = "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";
const EMPTY_BLOOM = bytesToHex(new Uint8Array(256));

/**
 * Hash of an empty epoch: a digest of its number and the last real block before it, whose last
 * 8 bytes are the epoch number itself, so that the block can be found from its hash alone.
 */
function emptyEpochHash(anchor: string, number: bigint): string {
  const digest = keccak_256(
    concatBytes(new TextEncoder().encode("fevm-epoch"), hexToBytes(anchor as `0x${string}`), setLengthLeft(bigIntToBytes(number), 32)),
  );
  digest.set(setLengthLeft(bigIntToBytes(number), 8), 24);
  return bytesToHex(digest);
}

/**
 * The events of one test-control operation or storage-provider action (Chain.runAsSystem), shown
 * as Lotus shows a native message's: indexed in the block of the epoch it ran at (the head, real
 * or empty), after that block's transactions, under a transaction hash of its own. It is kept
 * beside the block, not in it, so a block already served keeps its hash, transaction list, roots
 * and logsBloom, and traces and replays see only real transactions. Not the next block: the
 * operation's state is the head's (fevm_epoch reports it), and the next block may be an empty
 * epoch, which is never stored, or never be mined at all.
 */
export interface SystemMessage {
  hash: string;
  blockNumber: bigint;
  /** Position in its block, after the block's transactions and earlier system messages. */
  index: number;
  logs: MinedLog[];
  /** Position among all system messages, for filter cursors (ascending as messages are added). */
  sequence: number;
}

/** A synthetic message hash, unique per position (Lotus derives it from the message CID, which the simulator has none of). */
function systemMessageHash(number: bigint, sequence: number): string {
  return bytesToHex(
    keccak_256(concatBytes(new TextEncoder().encode("fevm-system-message"), setLengthLeft(bigIntToBytes(number), 32), setLengthLeft(bigIntToBytes(BigInt(sequence)), 32))),
  );
}

export interface StoreSnapshot {
  latest: bigint;
  realCount: number;
  systemCount: number;
}

/** Blocks by number and hash; `latest` may run past the last real block (empty epochs). */
export class BlockStore {
  /** Real blocks in ascending number order (genesis first). */
  private readonly real: RealBlock[] = [];
  private readonly byHash = new Map<string, RealBlock>();
  private readonly txIndex = new Map<string, { block: RealBlock; tx: MinedTx }>();
  private readonly system: SystemMessage[] = [];
  private readonly systemIndex = new Map<string, SystemMessage>();
  private latestNumber = 0n;

  constructor(
    genesis: RealBlock,
    private readonly nextBaseFee: (parent: Pick<BlockView, "baseFeePerGas" | "gasUsed" | "gasLimit">) => bigint,
  ) {
    this.add(genesis);
  }

  get latest(): bigint {
    return this.latestNumber;
  }

  add(block: RealBlock): void {
    this.real.push(block);
    this.byHash.set(block.hash, block);
    for (const tx of block.txs) this.txIndex.set(tx.hash, { block, tx });
    this.latestNumber = block.header.number;
  }

  /** Extends the chain by empty epochs up to `number` (nothing is stored). */
  advanceTo(number: bigint): void {
    if (number > this.latestNumber) this.latestNumber = number;
  }

  /** The real block with the greatest number ≤ n. */
  private realAtOrBefore(n: bigint): RealBlock {
    let lo = 0;
    let hi = this.real.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.real[mid].header.number <= n) lo = mid;
      else hi = mid - 1;
    }
    return this.real[lo];
  }

  byNumber(n: bigint, timestampOf: (n: bigint) => bigint): BlockView | undefined {
    if (n < 0n || n > this.latestNumber) return undefined;
    const anchor = this.realAtOrBefore(n);
    if (anchor.header.number === n) return viewOfReal(anchor);
    return this.emptyView(anchor, n, timestampOf);
  }

  byHashLookup(hash: string, timestampOf: (n: bigint) => bigint): BlockView | undefined {
    const wanted = hash.toLowerCase();
    const real = this.byHash.get(wanted);
    if (real) return viewOfReal(real);
    // Otherwise it can only be an empty epoch: its number is in the hash, recompute to confirm.
    const n = BigInt(`0x${wanted.slice(-16)}`);
    if (n > this.latestNumber) return undefined;
    const anchor = this.realAtOrBefore(n);
    if (anchor.header.number === n || emptyEpochHash(anchor.hash, n) !== wanted) return undefined;
    return this.emptyView(anchor, n, timestampOf);
  }

  private emptyView(anchor: RealBlock, n: bigint, timestampOf: (n: bigint) => bigint): BlockView {
    const base = viewOfReal(anchor);
    let baseFee = this.nextBaseFee(base);
    // The base fee falls 12.5% per empty epoch until it rests on its floor (at most ~1,300 epochs
    // even from 2^256; usually it is already there): stop as soon as it no longer changes.
    for (let k = anchor.header.number + 1n; k < n; k++) {
      const next = this.nextBaseFee({ baseFeePerGas: baseFee, gasUsed: 0n, gasLimit: base.gasLimit });
      if (next === baseFee) break;
      baseFee = next;
    }
    return {
      ...base,
      number: n,
      hash: emptyEpochHash(anchor.hash, n),
      parentHash: n - 1n === anchor.header.number ? anchor.hash : emptyEpochHash(anchor.hash, n - 1n),
      timestamp: timestampOf(n),
      gasUsed: 0n,
      baseFeePerGas: baseFee,
      transactionsRoot: EMPTY_TRIE_ROOT,
      receiptsRoot: EMPTY_TRIE_ROOT,
      logsBloom: EMPTY_BLOOM,
      size: 0x200n,
      txs: [],
    };
  }

  transaction(hash: string): { block: RealBlock; tx: MinedTx } | undefined {
    return this.txIndex.get(hash.toLowerCase());
  }

  /** Real blocks with number in [from, to], for log queries (blocks are stored in ascending order). */
  realBlocksIn(from: bigint, to: bigint): RealBlock[] {
    let lo = 0;
    let hi = this.real.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.real[mid].header.number < from) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.real.length && this.real[end].header.number <= to) end++;
    return this.real.slice(lo, end);
  }

  /** Records the events of a system message run at the latest epoch (see SystemMessage). */
  addSystemMessage(logs: Omit<MinedLog, "logIndex">[]): SystemMessage {
    const number = this.latestNumber;
    const head = this.realAtOrBefore(number);
    const txs = head.header.number === number ? head.txs : [];
    // Messages are only ever added at the latest epoch: this epoch's are the list's tail.
    let first = this.system.length;
    while (first > 0 && this.system[first - 1].blockNumber === number) first--;
    const earlier = this.system.slice(first);
    let logIndex = [...txs, ...earlier].reduce((n, m) => n + m.logs.length, 0);
    const sequence = this.system.length;
    const message: SystemMessage = {
      hash: systemMessageHash(number, sequence),
      blockNumber: number,
      index: txs.length + earlier.length,
      logs: logs.map((l) => ({ ...l, logIndex: logIndex++ })),
      sequence,
    };
    this.system.push(message);
    this.systemIndex.set(message.hash, message);
    return message;
  }

  /** System messages of blocks in [from, to], in order. */
  systemMessagesIn(from: bigint, to: bigint): SystemMessage[] {
    return this.system.filter((m) => m.blockNumber >= from && m.blockNumber <= to);
  }

  /** System messages recorded from position `sequence` on, in order. */
  systemMessagesSince(sequence: number): SystemMessage[] {
    return this.system.slice(sequence);
  }

  get systemCount(): number {
    return this.system.length;
  }

  systemMessage(hash: string): SystemMessage | undefined {
    return this.systemIndex.get(hash.toLowerCase());
  }

  snapshot(): StoreSnapshot {
    return { latest: this.latestNumber, realCount: this.real.length, systemCount: this.system.length };
  }

  restore(s: StoreSnapshot): void {
    for (const removed of this.real.splice(s.realCount)) {
      this.byHash.delete(removed.hash);
      for (const tx of removed.txs) this.txIndex.delete(tx.hash);
    }
    for (const removed of this.system.splice(s.systemCount)) this.systemIndex.delete(removed.hash);
    this.latestNumber = s.latest;
  }
}

export function viewOfReal(b: RealBlock): BlockView {
  let view = views.get(b);
  if (!view) {
    view = buildView(b);
    views.set(b, view);
  }
  return view;
}

function buildView(b: RealBlock): BlockView {
  const h = b.header;
  let size: bigint | undefined;
  return {
    number: h.number,
    hash: b.hash,
    parentHash: bytesToHex(h.parentHash),
    timestamp: h.timestamp,
    gasLimit: h.gasLimit,
    gasUsed: h.gasUsed,
    baseFeePerGas: h.baseFeePerGas ?? 0n,
    miner: h.coinbase.toString(),
    mixHash: bytesToHex(h.mixHash),
    stateRoot: bytesToHex(h.stateRoot),
    transactionsRoot: bytesToHex(h.transactionsTrie),
    receiptsRoot: bytesToHex(h.receiptTrie),
    logsBloom: bytesToHex(h.logsBloom),
    extraData: bytesToHex(h.extraData),
    // Measuring means serialising the header and every transaction: left until a request shows the
    // block (eth_getBlockBy*), which most mined blocks never are.
    get size() {
      return (size ??= BigInt(h.serialize().length + b.txs.reduce((s, t) => s + t.tx.serialize().length, 0) + 8));
    },
    txs: b.txs,
  };
}

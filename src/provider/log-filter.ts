import type { MinedLog } from "../chain/block-store";
import type { Chain } from "../chain/chain";
import { resolveBlock, type MethodContext } from "./context";
import { invalidParams } from "./errors";
import { formatLog } from "./format";
import * as p from "./params";

/** An eth_getLogs / eth_newFilter criteria object, parsed. */
export interface LogCriteria {
  fromBlock: bigint | "latest";
  toBlock: bigint | "latest";
  blockHash?: string;
  addresses: string[];
  /** Per position: null = any, else one of these topics. */
  topics: (string[] | null)[];
}

export function parseLogCriteria(ctx: MethodContext, value: unknown, name: string): LogCriteria {
  const o = p.object(value ?? {}, name);
  const bound = (v: unknown, field: string): bigint | "latest" => {
    const tag = p.blockTag(v, `${name}.${field}`);
    if (tag.kind === "latest" || tag.kind === "pending") return "latest";
    // A range may reach past the latest block (it simply has no logs there yet), as on Hardhat's network.
    return tag.kind === "number" ? tag.number : resolveBlock(ctx, tag).number;
  };
  if (o.blockHash !== undefined && (o.fromBlock !== undefined || o.toBlock !== undefined)) {
    throw invalidParams(`Errors encountered in param ${name}: blockHash cannot be used with fromBlock or toBlock`);
  }
  const addressList = o.address === undefined || o.address === null ? [] : Array.isArray(o.address) ? o.address : [o.address];
  const topics = o.topics === undefined || o.topics === null ? [] : o.topics;
  if (!Array.isArray(topics)) throw invalidParams(`Errors encountered in param ${name}.topics: expected an array`);
  return {
    fromBlock: o.fromBlock === undefined ? "latest" : bound(o.fromBlock, "fromBlock"),
    toBlock: o.toBlock === undefined ? "latest" : bound(o.toBlock, "toBlock"),
    blockHash: o.blockHash === undefined ? undefined : knownBlockHash(ctx, p.hash(o.blockHash, `${name}.blockHash`), name),
    addresses: addressList.map((a, i) => p.address(a, `${name}.address[${i}]`).toString()),
    topics: topics.map((t, i) =>
      t === null ? null : (Array.isArray(t) ? t : [t]).map((x, j) => p.hash(x, `${name}.topics[${i}]${Array.isArray(t) ? `[${j}]` : ""}`)),
    ),
  };
}

function knownBlockHash(ctx: MethodContext, hash: string, name: string): string {
  if (!ctx.chain.blockByHash(hash)) throw invalidParams(`Errors encountered in param ${name}.blockHash: blockHash cannot be found`);
  return hash;
}

/** Where a log filter's last poll left off: the first block it has not read, and the first system message. */
export interface LogCursor {
  block: bigint;
  system: number;
}

/** Something in a block that carries logs: a transaction, or a system message (SystemMessage). */
interface LogSource {
  hash: string;
  index: number;
  logs: MinedLog[];
}

/**
 * The logs matching `c`, in chain order. With a cursor (filter polls), transactions come from
 * its block on, and system messages from its position on: they may belong to a block the filter
 * already read, since they are added to the latest block after it was mined.
 */
export function logsMatching(chain: Chain, c: LogCriteria, cursor?: LogCursor): Record<string, unknown>[] {
  let lo: bigint;
  let hi: bigint;
  if (c.blockHash) {
    const view = chain.blockByHash(c.blockHash);
    if (!view) return [];
    lo = hi = view.number;
  } else {
    const latest = chain.latestNumber();
    lo = c.fromBlock === "latest" ? (cursor ? 0n : latest) : c.fromBlock;
    hi = c.toBlock === "latest" ? latest : c.toBlock;
  }
  const sources: { number: bigint; source: LogSource }[] = [];
  const txFrom = cursor && cursor.block > lo ? cursor.block : lo;
  for (const block of chain.blocks.realBlocksIn(txFrom, hi)) for (const tx of block.txs) if (tx.logs.length > 0) sources.push({ number: block.header.number, source: tx });
  const system = cursor ? chain.blocks.systemMessagesSince(cursor.system).filter((m) => m.blockNumber >= lo && m.blockNumber <= hi) : chain.blocks.systemMessagesIn(lo, hi);
  for (const m of system) sources.push({ number: m.blockNumber, source: m });
  sources.sort((a, b) => (a.number !== b.number ? (a.number < b.number ? -1 : 1) : a.source.index - b.source.index));
  const out: Record<string, unknown>[] = [];
  let block = { hash: "", number: -1n };
  for (const { number, source } of sources) {
    if (number !== block.number) block = { hash: chain.blockByNumber(number)!.hash, number };
    for (const log of source.logs) {
      if (c.addresses.length > 0 && !c.addresses.includes(log.address)) continue;
      if (!c.topics.every((allowed, i) => allowed === null || (log.topics[i] !== undefined && allowed.includes(log.topics[i])))) continue;
      out.push(formatLog(log, source, block));
    }
  }
  return out;
}

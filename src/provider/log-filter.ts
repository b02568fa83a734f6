import type { RealBlock } from "../chain/block-store";
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

export function logsMatching(chain: Chain, c: LogCriteria, from?: bigint): Record<string, unknown>[] {
  let blocks: RealBlock[];
  if (c.blockHash) {
    const view = chain.blockByHash(c.blockHash);
    blocks = view ? chain.blocks.realBlocksIn(view.number, view.number) : [];
  } else {
    const latest = chain.latestNumber();
    const lo = from ?? (c.fromBlock === "latest" ? latest : c.fromBlock);
    const hi = c.toBlock === "latest" ? latest : c.toBlock;
    blocks = chain.blocks.realBlocksIn(lo, hi);
  }
  const out: Record<string, unknown>[] = [];
  for (const block of blocks) {
    for (const tx of block.txs) {
      for (const log of tx.logs) {
        if (c.addresses.length > 0 && !c.addresses.includes(log.address)) continue;
        if (!c.topics.every((allowed, i) => allowed === null || (log.topics[i] !== undefined && allowed.includes(log.topics[i])))) continue;
        out.push(formatLog(log, tx, { hash: block.hash, number: block.header.number }));
      }
    }
  }
  return out;
}

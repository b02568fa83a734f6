/**
 * The Parity-style trace methods Lotus serves (node/impl/eth, chain/types/ethtypes): every call
 * and create a mined transaction made, re-executed on a throwaway VM over the state before its
 * block. Block numbers and transaction positions are JSON numbers, as Lotus writes them.
 */
import { bytesToHex } from "@ethereumjs/util";
import type { RealBlock } from "../../chain/block-store";
import { replayBlock } from "../../chain/replay";
import { CallTracer, type EthTrace } from "../call-tracer";
import { resolveBlock, type MethodContext, type MethodTable } from "../context";
import { invalidInput, invalidParams } from "../errors";
import * as p from "../params";

interface TracedTx {
  traces: EthTrace[];
  output: string;
  hash: string;
  position: number;
}

/** Every transaction of a block with its traces, in block order. */
async function traceBlock(ctx: MethodContext, block: RealBlock): Promise<TracedTx[]> {
  const tracers = block.txs.map(() => new CallTracer());
  await replayBlock(ctx.chain, block.header.number, block.txs.length, (i) => tracers[i].observe);
  return block.txs.map((tx, i) => ({ traces: tracers[i].traces(), output: bytesToHex(tx.returnValue), hash: tx.hash, position: tx.index }));
}

/** The mined block a block parameter names (empty epochs have no transactions: none). */
function realBlockAt(ctx: MethodContext, value: unknown, name: string): RealBlock | undefined {
  const number = resolveBlock(ctx, p.blockTag(value, name)).number;
  return ctx.chain.blocks.realBlocksIn(number, number)[0];
}

/** EthTraceBlock / EthTraceTransaction / EthTraceFilterResult: a trace with where it ran. */
function located(block: RealBlock, tx: TracedTx): Record<string, unknown>[] {
  return tx.traces.map((trace) => ({
    ...trace,
    blockHash: block.hash,
    blockNumber: Number(block.header.number),
    transactionHash: tx.hash,
    transactionPosition: tx.position,
  }));
}

function addressList(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((a, i) => p.address(a, `${name}[${i}]`).toString());
}

export const traceMethods: MethodTable = {
  async trace_block(ctx, params) {
    p.arity(params, 1, 1, "trace_block");
    const block = realBlockAt(ctx, params[0], "blockNumber");
    if (!block) return [];
    return (await traceBlock(ctx, block)).flatMap((tx) => located(block, tx));
  },

  async trace_replayBlockTransactions(ctx, params) {
    p.arity(params, 2, 2, "trace_replayBlockTransactions");
    const types = params[1];
    if (!Array.isArray(types) || types.length !== 1 || types[0] !== "trace") {
      throw invalidParams('Errors encountered in param traceTypes: only ["trace"] is supported (as on Lotus)');
    }
    const block = realBlockAt(ctx, params[0], "blockNumber");
    if (!block) return [];
    return (await traceBlock(ctx, block)).map((tx) => ({
      output: tx.output,
      stateDiff: null,
      trace: tx.traces,
      transactionHash: tx.hash,
      vmTrace: null,
    }));
  },

  async trace_transaction(ctx, params) {
    p.arity(params, 1, 1, "trace_transaction");
    const hash = p.hash(params[0], "transactionHash");
    const found = ctx.chain.blocks.transaction(hash);
    if (!found) throw invalidInput(`transaction not found: ${hash}`);
    const traced = await traceBlock(ctx, found.block);
    return located(found.block, traced[found.tx.index]);
  },

  /** `({ fromBlock?, toBlock?, fromAddress?, toAddress?, after?, count? })`: Lotus' EthTraceFilterCriteria. */
  async trace_filter(ctx, params) {
    p.arity(params, 1, 1, "trace_filter");
    const o = p.object(params[0], "filter");
    const bound = (v: unknown, field: string) => resolveBlock(ctx, p.blockTag(v ?? "latest", `filter.${field}`)).number;
    const from = bound(o.fromBlock, "fromBlock");
    const to = bound(o.toBlock, "toBlock");
    const fromAddresses = addressList(o.fromAddress, "filter.fromAddress");
    const toAddresses = addressList(o.toAddress, "filter.toAddress");
    const after = o.after === undefined || o.after === null ? 0n : p.quantity(o.after, "filter.after");
    const count = o.count === undefined || o.count === null ? undefined : p.quantity(o.count, "filter.count");
    const matches = (t: EthTrace) =>
      (fromAddresses.length === 0 || fromAddresses.includes(t.action.from)) &&
      (toAddresses.length === 0 || toAddresses.includes(t.action.to ?? t.result.address));
    const out: Record<string, unknown>[] = [];
    let skipped = 0n;
    for (const block of ctx.chain.blocks.realBlocksIn(from, to)) {
      for (const tx of await traceBlock(ctx, block)) {
        for (const trace of located(block, { ...tx, traces: tx.traces.filter(matches) })) {
          if (skipped < after) skipped++;
          else out.push(trace);
          if (count !== undefined && BigInt(out.length) >= count) return out;
        }
      }
    }
    return out;
  },
};

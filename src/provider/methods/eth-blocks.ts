import { resolveBlock, type MethodTable } from "../context";
import { invalidParams } from "../errors";
import { formatBlock, formatReceipt, formatTransaction, hexQuantity } from "../format";
import { logsMatching, parseLogCriteria } from "../log-filter";
import * as p from "../params";
import { nextBaseFee } from "../../chain/base-fee";
import type { BlockView } from "../../chain/block-store";

function blockOrNull(lookup: () => BlockView | undefined): BlockView | null {
  return lookup() ?? null;
}

function txAt(block: BlockView | null, index: bigint) {
  if (!block || index >= BigInt(block.txs.length)) return null;
  const t = block.txs[Number(index)];
  return formatTransaction(t.tx, t.hash, t.from, { blockHash: block.hash, blockNumber: block.number, index: t.index, baseFee: block.baseFeePerGas });
}

export const ethBlockMethods: MethodTable = {
  eth_blockNumber(ctx, params) {
    p.arity(params, 0, 0, "eth_blockNumber");
    return hexQuantity(ctx.chain.latestNumber());
  },

  async eth_getBlockByNumber(ctx, params) {
    p.arity(params, 1, 2, "eth_getBlockByNumber");
    const full = params[1] === undefined ? false : p.bool(params[1], "hydratedTransactions");
    const tag = p.blockLookupTag(params[0], "blockNumber");
    if (tag.kind === "hash") throw invalidParams("Errors encountered in param blockNumber: expected a block number or tag, got a block hash");
    if (tag.kind === "pending") return formatBlock(await ctx.chain.pendingBlockView(), full, true);
    const block = tag.kind === "number" ? blockOrNull(() => ctx.chain.blockByNumber(tag.number)) : resolveBlock(ctx, tag);
    return block ? formatBlock(block, full) : null;
  },

  eth_getBlockByHash(ctx, params) {
    p.arity(params, 1, 2, "eth_getBlockByHash");
    const hash = p.hash(params[0], "blockHash");
    const full = params[1] === undefined ? false : p.bool(params[1], "hydratedTransactions");
    const block = ctx.chain.blockByHash(hash);
    return block ? formatBlock(block, full) : null;
  },

  eth_getBlockTransactionCountByHash(ctx, params) {
    p.arity(params, 1, 1, "eth_getBlockTransactionCountByHash");
    const block = ctx.chain.blockByHash(p.hash(params[0], "blockHash"));
    return block ? hexQuantity(block.txs.length) : null;
  },

  eth_getBlockTransactionCountByNumber(ctx, params) {
    p.arity(params, 1, 1, "eth_getBlockTransactionCountByNumber");
    const tag = p.blockLookupTag(params[0], "blockNumber");
    const block = tag.kind === "number" ? ctx.chain.blockByNumber(tag.number) : resolveBlock(ctx, tag);
    return block ? hexQuantity(block.txs.length) : null;
  },

  eth_getTransactionByBlockHashAndIndex(ctx, params) {
    p.arity(params, 2, 2, "eth_getTransactionByBlockHashAndIndex");
    const block = blockOrNull(() => ctx.chain.blockByHash(p.hash(params[0], "blockHash")));
    return txAt(block, p.quantity(params[1], "index"));
  },

  eth_getTransactionByBlockNumberAndIndex(ctx, params) {
    p.arity(params, 2, 2, "eth_getTransactionByBlockNumberAndIndex");
    const tag = p.blockLookupTag(params[0], "blockNumber");
    const block = tag.kind === "number" ? blockOrNull(() => ctx.chain.blockByNumber(tag.number)) : resolveBlock(ctx, tag);
    return txAt(block, p.quantity(params[1], "index"));
  },

  /** Lotus' EthGetBlockReceipts: every receipt of a block (tag, number or EIP-1898 object), in order. */
  eth_getBlockReceipts(ctx, params) {
    p.arity(params, 1, 1, "eth_getBlockReceipts");
    const block = resolveBlock(ctx, p.blockTag(params[0], "blockNumberOrHash"));
    return block.txs.map((tx) => formatReceipt(tx, { hash: block.hash, number: block.number }));
  },

  eth_getLogs(ctx, params) {
    p.arity(params, 1, 1, "eth_getLogs");
    return logsMatching(ctx.chain, parseLogCriteria(ctx, params[0], "filter"));
  },

  eth_feeHistory(ctx, params) {
    p.arity(params, 2, 3, "eth_feeHistory");
    const count = p.quantity(params[0], "blockCount");
    if (count < 1n || count > 1024n) throw invalidParams("Errors encountered in param blockCount: expected 1 to 1024 blocks");
    const newest = resolveBlock(ctx, p.blockTag(params[1], "newestBlock"));
    const percentiles = params[2] === undefined ? undefined : (params[2] as unknown[]);
    if (percentiles !== undefined && (!Array.isArray(percentiles) || percentiles.some((x, i) => typeof x !== "number" || x < 0 || x > 100 || (i > 0 && x < (percentiles[i - 1] as number))))) {
      throw invalidParams("Errors encountered in param rewardPercentiles: expected increasing numbers from 0 to 100");
    }
    const oldest = newest.number - count + 1n < 0n ? 0n : newest.number - count + 1n;
    const baseFees: string[] = [];
    const ratios: number[] = [];
    const rewards: string[][] = [];
    for (let n = oldest; n <= newest.number; n++) {
      const b = ctx.chain.blockByNumber(n)!;
      baseFees.push(hexQuantity(b.baseFeePerGas));
      ratios.push(Number(b.gasUsed) / Number(b.gasLimit));
      if (percentiles) rewards.push(percentiles.map(() => hexQuantity(rewardOf(b))));
    }
    baseFees.push(hexQuantity(nextBlockBaseFee(ctx, newest)));
    return { oldestBlock: hexQuantity(oldest), baseFeePerGas: baseFees, gasUsedRatio: ratios, ...(percentiles ? { reward: rewards } : {}) };
  },
};

function rewardOf(b: BlockView): bigint {
  if (b.txs.length === 0) return 0n;
  const tips = b.txs.map((t) => t.effectiveGasPrice - b.baseFeePerGas).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return tips[Math.floor(tips.length / 2)];
}

/** Base fee of the block after `b`. */
function nextBlockBaseFee(ctx: Parameters<MethodTable[string]>[0], b: BlockView): bigint {
  if (b.number === ctx.chain.latestNumber()) return ctx.chain.nextBlockBaseFee();
  return ctx.chain.blockByNumber(b.number + 1n)!.baseFeePerGas ?? nextBaseFee(b);
}

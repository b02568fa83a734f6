import type { MethodContext, MethodTable } from "../context";
import { invalidInput, invalidParams } from "../errors";
import * as p from "../params";
import { InvalidTransactionError } from "../../chain/errors";

async function mineOne(ctx: MethodContext): Promise<void> {
  const { block } = await ctx.chain.mineFromMempool();
  for (const tx of block.txs) ctx.printConsoleLogs(tx.consoleLogs);
  ctx.onBlockMined(ctx.chain.latestBlock());
}

function asInvalidInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InvalidTransactionError) throw invalidInput(e.message);
    throw e;
  }
}

/** Tells the user (once) when the time just asked for is rounded up to the next epoch. */
function noteTimeRounding(ctx: MethodContext): void {
  const requested = ctx.chain.requestedNextTimestamp();
  const epoch = ctx.chain.nextEpoch();
  const landed = ctx.chain.timestampOf(epoch);
  if (landed !== requested) ctx.timeRounded(requested, landed, epoch);
}

/** Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a longer delay would fire after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const INTERVAL_MS: p.IntegerRange = { min: 1n, max: BigInt(MAX_TIMER_MS), label: `milliseconds from 1 to ${MAX_TIMER_MS}` };

/** Mining, time and snapshots: evm_* and the hardhat_* methods that move the chain. */
export const miningMethods: MethodTable = {
  async evm_mine(ctx, params) {
    p.arity(params, 0, 1, "evm_mine");
    if (params[0] !== undefined && params[0] !== null) {
      const ts = p.uint(params[0], "timestamp", 64);
      asInvalidInput(() => ctx.chain.setNextBlockTimestamp(ts));
      noteTimeRounding(ctx);
    }
    await mineOne(ctx);
    return "0";
  },

  async hardhat_mine(ctx, params) {
    p.arity(params, 0, 2, "hardhat_mine");
    const count = params[0] === undefined ? 1n : p.uint(params[0], "blockCount", 64);
    const interval = params[1] === undefined ? 1n : p.uint(params[1], "interval", 64);
    if (interval === 0n) throw invalidInput("Cannot mine blocks with an interval of 0: every Filecoin epoch is 30 seconds later than the previous one");
    const before = ctx.chain.latestNumber();
    await ctx.chain.mineEmpty(count, interval);
    if (ctx.chain.latestNumber() !== before) ctx.onBlockMined(ctx.chain.latestBlock());
    return true;
  },

  evm_increaseTime(ctx, params) {
    p.arity(params, 1, 1, "evm_increaseTime");
    if (typeof params[0] === "number" && params[0] < 0) throw invalidParams("Errors encountered in param seconds: time can only move forward");
    const seconds = p.uint(params[0], "seconds", 64);
    const offset = ctx.chain.increaseTime(seconds);
    noteTimeRounding(ctx);
    return offset.toString();
  },

  evm_setNextBlockTimestamp(ctx, params) {
    p.arity(params, 1, 1, "evm_setNextBlockTimestamp");
    const ts = p.uint(params[0], "timestamp", 64);
    asInvalidInput(() => ctx.chain.setNextBlockTimestamp(ts));
    noteTimeRounding(ctx);
    return null;
  },

  evm_setAutomine(ctx, params) {
    p.arity(params, 1, 1, "evm_setAutomine");
    ctx.chain.automine = p.bool(params[0], "enabled");
    return true;
  },

  hardhat_getAutomine(ctx) {
    return ctx.chain.automine;
  },

  evm_setIntervalMining(ctx, params) {
    p.arity(params, 1, 1, "evm_setIntervalMining");
    const v = params[0];
    if (Array.isArray(v)) {
      const [min, max] = p.list(v, "interval", 2, (x, name) => Number(p.integer(x, name, INTERVAL_MS)));
      if (v.length !== 2 || min > max) throw p.paramError("interval", "[min, max] milliseconds with min <= max", v);
      ctx.setIntervalMining([min, max]);
    } else {
      const ms = Number(p.integer(v, "interval", { ...INTERVAL_MS, min: 0n, label: `milliseconds from 0 (off) to ${MAX_TIMER_MS}, or [min, max]` }));
      ctx.setIntervalMining(ms === 0 ? 0 : [ms, ms]);
    }
    return true;
  },

  async evm_snapshot(ctx) {
    return `0x${(await ctx.chain.snapshot()).toString(16)}`;
  },

  async evm_revert(ctx, params) {
    p.arity(params, 1, 1, "evm_revert");
    const id = Number(p.looseQuantity(params[0], "snapshotId"));
    const ok = await ctx.chain.revert(id);
    if (ok) ctx.emit("hardhatNetworkRevertSnapshot");
    return ok;
  },

  async hardhat_reset(ctx, params) {
    p.arity(params, 0, 1, "hardhat_reset");
    const opts = params[0] === undefined ? undefined : (p.object(params[0], "hardhat_reset options") as { forking?: unknown });
    if (opts?.forking !== undefined) {
      throw invalidInput("Forking is not supported by the filecoin network: hardhat_reset takes no forking options here");
    }
    await ctx.reset();
    ctx.emit("hardhatNetworkReset");
    return true;
  },

  hardhat_dropTransaction(ctx, params) {
    p.arity(params, 1, 1, "hardhat_dropTransaction");
    const hash = p.hash(params[0], "transactionHash");
    if (ctx.chain.blocks.transaction(hash)) throw invalidInput(`Transaction ${hash} cannot be dropped because it's already mined`);
    return ctx.chain.mempool.remove(hash);
  },
};

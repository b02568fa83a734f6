import { bytesToHex, setLengthLeft } from "@ethereumjs/util";
import { estimateGas, failed, simulate, type BlockTarget } from "../../chain/execution";
import { resolveBlock, type MethodContext, type MethodTable } from "../context";
import { RevertError } from "../errors";
import { executionError } from "../failure";
import type { TxRequest } from "../../chain/transactions";
import { hexQuantity } from "../format";
import * as p from "../params";
import { completeTxRequest, parseTxObject } from "../tx-request";

/** State at a block parameter, read from the live state when that block is the latest. */
async function atBlock<T>(ctx: MethodContext, tagValue: unknown, name: string, read: (sm: import("@ethereumjs/statemanager").MerkleStateManager) => Promise<T>): Promise<T> {
  const block = resolveBlock(ctx, p.blockTag(tagValue, name));
  return ctx.chain.withStateAt(block.number, (fevm) => read(fevm.stateManager));
}

/**
 * The block a call runs in. Like Hardhat's network, eth_call defaults to the latest block's
 * context and eth_estimateGas to the pending block's.
 */
function callTarget(ctx: MethodContext, tagValue: unknown, name: string, defaultTag: "latest" | "pending"): BlockTarget {
  const tag = p.blockTag(tagValue ?? defaultTag, name);
  if (tag.kind === "pending") return { kind: "pending" };
  return { kind: "number", number: resolveBlock(ctx, tag).number };
}

/**
 * Lotus runs eth_call and eth_estimateGas as real messages: a value the sender cannot pay fails
 * the FVM's transfer (SysErrInsufficientFunds, exit 6) before any code runs, with this message.
 * (Hardhat's network runs such calls anyway.)
 */
async function requireValueFunds(ctx: MethodContext, request: TxRequest, target: BlockTarget): Promise<void> {
  if (request.value === 0n) return;
  const at = target.kind === "pending" ? ctx.chain.latestNumber() : target.number;
  const balance = await ctx.chain.withStateAt(at, async (fevm) => (await fevm.stateManager.getAccount(request.from))?.balance ?? 0n);
  if (balance >= request.value) return;
  throw new RevertError(
    "message execution failed (exit=[SysErrInsufficientFunds(6)], vm error=[send::send -- sender does not have funds " +
      `to transfer (balance ${balance}, transfer ${request.value}) (5: insufficient funds)])`,
    "0x",
  );
}

export const ethStateMethods: MethodTable = {
  async eth_getBalance(ctx, params) {
    p.arity(params, 1, 2, "eth_getBalance");
    const address = p.address(params[0], "address");
    return atBlock(ctx, params[1], "blockTag", async (sm) => hexQuantity((await sm.getAccount(address))?.balance ?? 0n));
  },

  async eth_getTransactionCount(ctx, params) {
    p.arity(params, 1, 2, "eth_getTransactionCount");
    const address = p.address(params[0], "address");
    if (params[1] === "pending") return hexQuantity(await ctx.chain.pendingNonce(address));
    return atBlock(ctx, params[1], "blockTag", async (sm) => hexQuantity((await sm.getAccount(address))?.nonce ?? 0n));
  },

  async eth_getCode(ctx, params) {
    p.arity(params, 1, 2, "eth_getCode");
    const address = p.address(params[0], "address");
    return atBlock(ctx, params[1], "blockTag", async (sm) => bytesToHex(await sm.getCode(address)));
  },

  async eth_getStorageAt(ctx, params) {
    p.arity(params, 2, 3, "eth_getStorageAt");
    const address = p.address(params[0], "address");
    const slot = p.storageSlot(params[1], "position");
    return atBlock(ctx, params[2], "blockTag", async (sm) => {
      const account = await sm.getAccount(address);
      if (!account) return bytesToHex(new Uint8Array(32));
      return bytesToHex(setLengthLeft(await sm.getStorage(address, slot), 32));
    });
  },

  async eth_call(ctx, params) {
    p.arity(params, 1, 3, "eth_call");
    const request = await completeTxRequest(ctx.chain, parseTxObject(params[0], "transaction"), { forCall: true });
    const target = callTarget(ctx, params[1], "blockTag", "latest");
    await requireValueFunds(ctx, request, target);
    const { result, consoleLogs, actorFailures } = await simulate(ctx.chain, request, target);
    ctx.printConsoleLogs(consoleLogs);
    if (failed(result)) {
      throw executionError(ctx, { evmError: result.execResult.exceptionError!.error, returnValue: result.execResult.returnValue, actorFailures });
    }
    return bytesToHex(result.execResult.returnValue);
  },

  async eth_estimateGas(ctx, params) {
    p.arity(params, 1, 2, "eth_estimateGas");
    const request = await completeTxRequest(ctx.chain, parseTxObject(params[0], "transaction"), { forCall: true });
    const target = callTarget(ctx, params[1], "blockTag", "pending");
    await requireValueFunds(ctx, request, target);
    const outcome = await estimateGas(ctx.chain, request, target);
    if ("failure" in outcome) {
      // hardhat-ethers estimates before sending, so on this network a failing transaction never
      // gets mined: print its console.log lines here, once, as Hardhat prints the mined failure's.
      ctx.printConsoleLogs(outcome.failure.consoleLogs);
      const r = outcome.failure.result;
      throw executionError(ctx, {
        evmError: r.execResult.exceptionError!.error,
        returnValue: r.execResult.returnValue,
        actorFailures: outcome.failure.actorFailures,
      });
    }
    return hexQuantity(outcome.gas);
  },
};


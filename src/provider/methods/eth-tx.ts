import { decodeRawTx, fakeSignedTx, InvalidRawTransactionError, signedTx } from "../../chain/transactions";
import { estimateGas } from "../../chain/execution";
import type { TxRequest } from "../../chain/transactions";
import { isOwnedOrImpersonated, type MethodContext, type MethodTable } from "../context";
import { invalidInput, invalidParams } from "../errors";
import { formatReceipt, formatSystemReceipt, formatSystemTransaction, formatTransaction } from "../format";
import * as p from "../params";
import { submitTransaction } from "../submit";
import { completeTxRequest, parseTxObject } from "../tx-request";

async function estimatedOr(ctx: MethodContext, request: TxRequest): Promise<bigint> {
  const outcome = await estimateGas(ctx.chain, request, { kind: "pending" });
  return "gas" in outcome ? outcome.gas : request.gas;
}

export const ethTxMethods: MethodTable = {
  async eth_sendTransaction(ctx, params) {
    p.arity(params, 1, 1, "eth_sendTransaction");
    const fields = parseTxObject(params[0], "transaction");
    if (!fields.from) throw invalidParams("Errors encountered in param transaction: missing field \"from\" (say which account sends the transaction)");
    if (!isOwnedOrImpersonated(ctx, fields.from.toString())) {
      throw invalidInput(`Unknown account ${fields.from.toString()}: it is neither one of the network's accounts nor impersonated (use hardhat_impersonateAccount)`);
    }
    const completed = await completeTxRequest(ctx.chain, fields, { forCall: false });
    // Like Lotus, estimate an omitted gas limit: reserving the whole 10B-gas block would make
    // the upfront cost (gas × fee cap) several FIL. If the estimate fails, the tx is mined and fails.
    const request = fields.gas === undefined ? { ...completed, gas: await estimatedOr(ctx, completed) } : completed;
    const key = ctx.accounts.find((a) => a.address === request.from.toString())?.privateKey;
    return submitTransaction(ctx, key ? signedTx(request, ctx.chain.common, key) : fakeSignedTx(request, ctx.chain.common));
  },

  async eth_sendRawTransaction(ctx, params) {
    p.arity(params, 1, 1, "eth_sendRawTransaction");
    p.data(params[0], "rawTransaction");
    let stx;
    try {
      stx = decodeRawTx(params[0] as string, ctx.chain.common);
    } catch (e) {
      // Hardhat answers undecodable, foreign-chain and unsupported raw transactions with -32602.
      if (e instanceof InvalidRawTransactionError) throw invalidParams(e.message);
      throw e;
    }
    return submitTransaction(ctx, stx);
  },

  eth_getTransactionByHash(ctx, params) {
    p.arity(params, 1, 1, "eth_getTransactionByHash");
    const hash = p.hash(params[0], "transactionHash");
    const found = ctx.chain.blocks.transaction(hash);
    if (found) {
      const { block, tx } = found;
      return formatTransaction(tx.tx, tx.hash, tx.from, {
        blockHash: block.hash,
        blockNumber: block.header.number,
        index: tx.index,
        baseFee: block.header.baseFeePerGas ?? 0n,
      });
    }
    const system = ctx.chain.blocks.systemMessage(hash);
    if (system) return formatSystemTransaction(system, ctx.chain.blockByNumber(system.blockNumber)!.hash, ctx.chainId);
    const pending = ctx.chain.mempool.get(hash);
    return pending ? formatTransaction(pending.tx, pending.hash, pending.from.toString(), null) : null;
  },

  eth_getTransactionReceipt(ctx, params) {
    p.arity(params, 1, 1, "eth_getTransactionReceipt");
    const hash = p.hash(params[0], "transactionHash");
    const found = ctx.chain.blocks.transaction(hash);
    if (!found) {
      const system = ctx.chain.blocks.systemMessage(hash);
      return system ? formatSystemReceipt(system, ctx.chain.blockByNumber(system.blockNumber)!.hash) : null;
    }
    return formatReceipt(found.tx, { hash: found.block.hash, number: found.block.header.number });
  },

  async eth_pendingTransactions(ctx, params) {
    p.arity(params, 0, 0, "eth_pendingTransactions");
    // As Hardhat lists them: the transactions the next block can take, then those behind a nonce gap.
    const pool = ctx.chain.mempool;
    const listed = pool.listed();
    const firstGap = new Map<string, bigint>();
    for (const { from } of listed) {
      const sender = from.toString();
      if (!firstGap.has(sender)) firstGap.set(sender, pool.nextNonce(sender, (await ctx.chain.getAccount(from)).nonce));
    }
    const ready = listed.filter((t) => t.tx.nonce < firstGap.get(t.from.toString())!);
    const gapped = listed.filter((t) => !ready.includes(t));
    return [...ready, ...gapped].map((t) => formatTransaction(t.tx, t.hash, t.from.toString(), null));
  },
};

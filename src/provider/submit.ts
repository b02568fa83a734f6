import { InvalidTransactionError } from "../chain/errors";
import type { SenderTx } from "../chain/transactions";
import type { MethodContext } from "./context";
import { invalidInput } from "./errors";
import { executionError } from "./failure";

/**
 * Sends a transaction the way Hardhat's network does: with automine it is mined at once in its own
 * block (epoch) and a failure throws with the tx hash; otherwise it waits in the mempool.
 */
export async function submitTransaction(ctx: MethodContext, stx: SenderTx): Promise<string> {
  const chain = ctx.chain;
  try {
    await chain.validate(stx, { queueing: !chain.automine });
  } catch (e) {
    if (e instanceof InvalidTransactionError) throw invalidInput(e.message);
    throw e;
  }
  chain.mempool.add(stx);
  // Pending-transaction filters see every accepted transaction, automined ones too (as on Hardhat's network).
  ctx.emit("pendingTransaction", stx.hash);
  if (!chain.automine) return stx.hash;
  // Transactions queued while automine was off go into the same block, before this one.
  let block;
  try {
    ({ block } = await chain.mineFromMempool());
  } catch (e) {
    // An internal error mines nothing; the request leaves no trace, not even a queued transaction.
    chain.mempool.remove(stx.hash);
    throw e;
  }
  for (const tx of block.txs) ctx.printConsoleLogs(tx.consoleLogs);
  ctx.onBlockMined(chain.latestBlock());
  const mined = block.txs.find((t) => t.hash === stx.hash);
  if (!mined) {
    chain.mempool.remove(stx.hash);
    throw invalidInput(`Transaction ${stx.hash} could not be mined: its nonce ${stx.tx.nonce} is not the sender's next nonce once queued transactions are mined`);
  }
  if (mined.status === 0) throw executionError(ctx, {
      evmError: mined.error ?? "revert",
      returnValue: mined.returnValue,
      actorFailures: mined.actorFailures,
      transactionHash: mined.hash,
    });
  return mined.hash;
}

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
  if (!chain.automine) {
    chain.mempool.add(stx);
    ctx.emit("pendingTransaction", stx.hash);
    return stx.hash;
  }
  const { block } = await chain.mineBlock([stx]);
  const mined = block.txs[0];
  ctx.printConsoleLogs(mined.consoleLogs);
  ctx.onBlockMined(chain.latestBlock());
  if (mined.status === 0) throw executionError(ctx, mined.error ?? "revert", mined.returnValue, mined.hash);
  return mined.hash;
}

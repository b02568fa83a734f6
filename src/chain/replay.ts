import type { RunTxResult } from "@ethereumjs/vm";
import type { FevmEVM } from "../evm/fevm-evm";
import { runTxAllowingContractSender } from "./run-tx";
import type { Chain } from "./chain";
import { simulate, type BlockTarget, type CallOutcome } from "./execution";
import type { TxRequest } from "./transactions";
import { createFevmVMAt, type FevmVM } from "./vm-factory";

/** Watches one execution on `evm`: subscribes to its events, runs `run`, unsubscribes. */
export type ExecutionObserver = <T>(evm: FevmEVM, run: () => Promise<T>) => Promise<T>;

/**
 * Re-executes the mined transaction `hash` as it ran when its block was mined: on a throwaway
 * VM over the state before that block, after the block's earlier transactions, with `observe`
 * watching only the transaction itself. Undefined when no mined transaction has this hash.
 */
export async function replayTransaction(chain: Chain, hash: string, observe: ExecutionObserver): Promise<RunTxResult | undefined> {
  const found = chain.blocks.transaction(hash);
  if (!found) return undefined;
  const results = await replayBlock(chain, found.block.header.number, found.tx.index + 1, (index) => (index === found.tx.index ? observe : undefined));
  return results[found.tx.index];
}

/**
 * Re-executes the first `count` transactions of block `number` in order on a throwaway VM over
 * the state before that block, each watched by `observerFor(its index)` when that gives one.
 */
export async function replayBlock(
  chain: Chain,
  number: bigint,
  count: number,
  observerFor: (index: number) => ExecutionObserver | undefined,
): Promise<RunTxResult[]> {
  const view = chain.blockByNumber(number);
  if (!view) return [];
  // Always a throwaway VM: replaying on the live one would apply the block a second time.
  const live: FevmVM = { vm: chain.vm, evm: chain.evm, stateManager: chain.stateManager };
  const fevm = await createFevmVMAt(live, chain.stateRootAt(number - 1n));
  const block = chain.blockContext(number);
  const results: RunTxResult[] = [];
  let blockGasUsed = 0n;
  for (const [index, mined] of view.txs.slice(0, count).entries()) {
    // The same options as Chain.mineBlock, so that the replay spends exactly the gas it spent then.
    const run = () => runTxAllowingContractSender(fevm.vm, { tx: mined.tx, block, blockGasUsed, skipHardForkValidation: true });
    const observe = observerFor(index);
    const result = observe ? await observe(fevm.evm, run) : await run();
    blockGasUsed += result.totalGasSpent;
    results.push(result);
  }
  return results;
}

/** Runs `request` exactly as eth_call does (same block, state and fee rules), with `observe` watching. */
export function simulateObserved(chain: Chain, request: TxRequest, target: BlockTarget, observe: ExecutionObserver): Promise<CallOutcome> {
  return simulate(observedChain(chain, observe), request, target);
}

/**
 * The chain as `simulate` sees it, except that whichever VM it picks (the live one or one over
 * a past state) runs under `observe`. Everything else is read from the real chain.
 */
function observedChain(chain: Chain, observe: ExecutionObserver): Chain {
  const view: Chain = Object.create(chain);
  view.withStateAt = <T>(n: bigint, fn: (fevm: FevmVM) => Promise<T>) => chain.withStateAt(n, (fevm) => observe(fevm.evm, () => fn(fevm)));
  return view;
}

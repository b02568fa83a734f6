import type { Block } from "@ethereumjs/block";
import type { EVMResult } from "@ethereumjs/evm";
import { type RunTxResult } from "@ethereumjs/vm";
import { discarding } from "./atomic";
import { runTxAllowingContractSender } from "./run-tx";
import type { Chain } from "./chain";
import { InvalidTransactionError } from "./errors";
import { callTx, type TxRequest } from "./transactions";
import type { FevmVM } from "./vm-factory";

export interface CallOutcome {
  result: RunTxResult;
  /** console.log inputs recorded during the call. */
  consoleLogs: Uint8Array[];
  actorFailures: string[];
}

export type BlockTarget = { kind: "pending" } | { kind: "number"; number: bigint };

/**
 * Runs a transaction without keeping its effects: eth_call and eth_estimateGas. Nonce and
 * balance checks are skipped as Hardhat's network does for calls; a request without fees runs
 * with base fee 0 so that it needs no funds for gas.
 */
export async function simulate(chain: Chain, request: TxRequest, target: BlockTarget): Promise<CallOutcome> {
  const noFees = request.gasPrice === undefined && request.maxFeePerGas === undefined;
  const baseFeeOverride = noFees ? 0n : undefined;
  const block: Block =
    target.kind === "pending" ? chain.pendingBlock(baseFeeOverride) : chain.blockContext(target.number, baseFeeOverride);
  const req: TxRequest = noFees ? { ...request, maxFeePerGas: 0n, maxPriorityFeePerGas: 0n } : request;
  const stateBlock = target.kind === "pending" ? chain.latestNumber() : target.number;
  return chain.withStateAt(stateBlock, (fevm) => runDiscarded(fevm, chain, req, block));
}

async function runDiscarded(fevm: FevmVM, chain: Chain, request: TxRequest, block: Block): Promise<CallOutcome> {
  const tx = callTx(request, chain.common);
  const intrinsic = tx.getIntrinsicGas();
  if (tx.gasLimit < intrinsic) throw new InvalidTransactionError(`Transaction requires at least ${intrinsic} gas but got ${tx.gasLimit}`);
  fevm.evm.takeConsoleLogs();
  fevm.evm.takeActorFailures();
  return discarding(fevm, async () => {
    const result = await runTxAllowingContractSender(fevm.vm, {
      tx,
      block,
      skipNonce: true,
      skipBalance: true,
      skipBlockGasLimitValidation: true,
      skipHardForkValidation: true,
    });
    return { result, consoleLogs: fevm.evm.takeConsoleLogs(), actorFailures: fevm.evm.takeActorFailures() };
  });
}

export function failed(r: EVMResult): boolean {
  return r.execResult.exceptionError !== undefined;
}

/**
 * A gas limit with which the transaction succeeds, at most 1/64 above the smallest one. ethereumjs
 * has no estimator: run once with the block gas limit, then try the gas it used (exact for plain
 * transfers), then that plus the 63/64 reserve of nested calls, then binary-search.
 */
export async function estimateGas(chain: Chain, request: TxRequest, target: BlockTarget): Promise<{ gas: bigint } | { failure: CallOutcome }> {
  const cap = request.gas;
  const first = await simulate(chain, request, target);
  if (failed(first.result)) return { failure: first };
  const used = first.result.totalGasSpent + first.result.gasRefund;
  const succeeds = async (gas: bigint) => !failed((await simulate(chain, { ...request, gas }, target)).result);
  if (await succeeds(used)) return { gas: used };
  const generous = (used * 64n) / 63n + 2300n;
  let hi = generous < cap && (await succeeds(generous)) ? generous : cap;
  let lo = used;
  // To within 1/64 of the gas used: a few runs instead of a dozen, and the estimate stays a limit
  // that works (it only ever returns a value that succeeded).
  while (hi - lo > 1n && hi - lo > lo / 64n) {
    const mid = (lo + hi) / 2n;
    if (await succeeds(mid)) hi = mid;
    else lo = mid;
  }
  return { gas: hi };
}

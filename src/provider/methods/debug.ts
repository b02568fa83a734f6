import type { BlockTarget } from "../../chain/execution";
import { replayTransaction, simulateObserved } from "../../chain/replay";
import { resolveBlock, type MethodContext, type MethodTable } from "../context";
import { invalidInput, invalidParams } from "../errors";
import * as p from "../params";
import { StructLogger, type TraceOptions } from "../struct-logger";
import { completeTxRequest, parseTxObject } from "../tx-request";

/** Reads Hardhat's trace config; like EDR it ignores keys it does not know (Geth's `enableMemory`...). */
function traceOptions(value: unknown, name: string): TraceOptions {
  if (value === undefined || value === null) return { disableMemory: false, disableStack: false, disableStorage: false };
  const o = p.object(value, name);
  if (o.tracer !== undefined && o.tracer !== null) {
    throw invalidParams("Hardhat currently only supports the default tracer, so no tracer parameter should be passed.");
  }
  const flag = (key: keyof TraceOptions) => (o[key] === undefined || o[key] === null ? false : p.bool(o[key], `${name}.${key}`));
  return { disableMemory: flag("disableMemory"), disableStack: flag("disableStack"), disableStorage: flag("disableStorage") };
}

/** Where eth_call runs for a block parameter: latest and pending run in the next block. */
function callTarget(ctx: MethodContext, value: unknown, name: string): BlockTarget {
  const tag = p.blockTag(value, name);
  if (tag.kind === "latest" || tag.kind === "pending") return { kind: "pending" };
  return { kind: "number", number: resolveBlock(ctx, tag).number };
}

/** Geth's struct-log tracer, in the shape Hardhat's network answers (memory, stack and storage per opcode). */
export const debugMethods: MethodTable = {
  async debug_traceTransaction(ctx, params) {
    p.arity(params, 1, 2, "debug_traceTransaction");
    const hash = p.hash(params[0], "transactionHash");
    const logger = new StructLogger(traceOptions(params[1], "config"));
    const result = await replayTransaction(ctx.chain, hash, logger.observe);
    if (!result) throw invalidInput(`Unable to find a block containing transaction ${hash}`);
    return logger.trace(result);
  },

  async debug_traceCall(ctx, params) {
    p.arity(params, 1, 3, "debug_traceCall");
    const request = await completeTxRequest(ctx.chain, parseTxObject(params[0], "transaction"), { forCall: true });
    const target = callTarget(ctx, params[1], "blockTag");
    const logger = new StructLogger(traceOptions(params[2], "config"));
    const { result } = await simulateObserved(ctx.chain, request, target, logger.observe);
    return logger.trace(result);
  },
};

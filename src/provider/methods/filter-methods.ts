import type { MethodContext, MethodTable } from "../context";
import { invalidParams } from "../errors";
import type { Filters } from "../filters";
import { parseLogCriteria } from "../log-filter";
import * as p from "../params";

/** Filter and subscription methods over one Filters registry. */
export function filterMethods(filters: Filters): MethodTable {
  const id = (v: unknown, name: string) => `0x${p.looseQuantity(v, name).toString(16)}`;
  return {
    eth_newFilter(ctx, params) {
      p.arity(params, 1, 1, "eth_newFilter");
      return filters.newLogFilter(ctx.chain, parseLogCriteria(ctx, params[0], "filter"));
    },
    eth_newBlockFilter(ctx, params) {
      p.arity(params, 0, 0, "eth_newBlockFilter");
      return filters.newBlockFilter(ctx.chain);
    },
    eth_newPendingTransactionFilter(_ctx, params) {
      p.arity(params, 0, 0, "eth_newPendingTransactionFilter");
      return filters.newPendingFilter();
    },
    eth_uninstallFilter(_ctx, params) {
      p.arity(params, 1, 1, "eth_uninstallFilter");
      return filters.uninstall(id(params[0], "filterId"));
    },
    eth_getFilterChanges(ctx, params) {
      p.arity(params, 1, 1, "eth_getFilterChanges");
      // An unknown (uninstalled, reset) filter answers null, as on Hardhat's network.
      return filters.changes(ctx.chain, id(params[0], "filterId")) ?? null;
    },
    eth_getFilterLogs(ctx, params) {
      p.arity(params, 1, 1, "eth_getFilterLogs");
      const fid = id(params[0], "filterId");
      if (!filters.has(fid)) return null;
      const logs = filters.logs(ctx.chain, fid);
      if (!logs) throw invalidParams(`Filter ${fid} is not a log filter: eth_getFilterLogs only reads eth_newFilter filters`);
      return logs;
    },
    eth_subscribe(ctx: MethodContext, params) {
      p.arity(params, 1, 2, "eth_subscribe");
      if (params[0] === "newHeads") return filters.newBlockFilter(ctx.chain, true);
      if (params[0] === "newPendingTransactions") return filters.newPendingFilter(true);
      if (params[0] === "logs") return filters.newLogFilter(ctx.chain, parseLogCriteria(ctx, params[1] ?? {}, "filter"), true);
      throw p.paramError("subscriptionName", '"newHeads", "newPendingTransactions" or "logs"', params[0]);
    },
    eth_unsubscribe(_ctx, params) {
      p.arity(params, 1, 1, "eth_unsubscribe");
      return filters.uninstall(id(params[0], "subscriptionId"));
    },
  };
}

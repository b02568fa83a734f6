import type { MethodTable } from "../context";
import { addressForms, parseAnyAddress } from "./fevm-address";
import { hexQuantity } from "../format";
import * as p from "../params";

const EPOCH_COUNT: p.IntegerRange = { min: 1n, max: p.UINT64.max, label: "a number of epochs from 1 to 2^64 - 1" };

/** Filecoin-specific methods behind `hre.fevm` (so they also work over HTTP against `fevm node`). */
export const fevmMethods: MethodTable = {
  fevm_epoch(ctx, params) {
    p.arity(params, 0, 0, "fevm_epoch");
    return hexQuantity(ctx.chain.latestNumber());
  },

  /** Advances `n` epochs (empty epochs cost nothing); returns the new epoch. */
  async fevm_mineEpochs(ctx, params) {
    p.arity(params, 1, 1, "fevm_mineEpochs");
    const n = p.integer(params[0], "n", EPOCH_COUNT);
    await ctx.chain.mineEmpty(n, 30n);
    ctx.onBlockMined(ctx.chain.latestBlock());
    return hexQuantity(ctx.chain.latestNumber());
  },

  /** Every form of an address (0x, t410/t0, masked id, bytes) and the actor id it is bound to. */
  fevm_address(ctx, params) {
    p.arity(params, 1, 1, "fevm_address");
    return addressForms(ctx, parseAnyAddress(params[0], "address"));
  },
};

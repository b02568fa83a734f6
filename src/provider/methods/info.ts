import { bytesToHex } from "@ethereumjs/util";
import { keccak_256 } from "@noble/hashes/sha3.js";
import type { MethodContext, MethodHandler, MethodTable } from "../context";
import { hexQuantity } from "../format";
import * as p from "../params";
import { DEFAULT_PRIORITY_FEE } from "../tx-request";

/** Chain identity and static answers; none takes parameters, and (as on Hardhat's network) passing some is an error. */
const parameterless: Record<string, (ctx: MethodContext) => unknown> = {
  eth_chainId: (ctx) => hexQuantity(ctx.chainId),
  net_version: (ctx) => String(ctx.chainId),
  net_listening: () => true,
  net_peerCount: () => "0x0",
  web3_clientVersion: (ctx) => ctx.clientVersion,
  eth_accounts: (ctx) => ctx.accounts.map((a) => a.address),
  eth_coinbase: (ctx) => ctx.chain.coinbase.toString(),
  eth_mining: () => false,
  eth_syncing: () => false,
  eth_gasPrice: (ctx) => hexQuantity(ctx.chain.nextBlockBaseFee() + DEFAULT_PRIORITY_FEE),
  eth_maxPriorityFeePerGas: () => hexQuantity(DEFAULT_PRIORITY_FEE),
  hardhat_metadata: (ctx) => {
    const latest = ctx.chain.latestBlock();
    return {
      clientVersion: ctx.clientVersion,
      chainId: ctx.chainId,
      instanceId: ctx.instanceId,
      latestBlockNumber: Number(latest.number),
      latestBlockHash: latest.hash,
    };
  },
  hardhat_getStackTraceFailuresCount: () => 0,
};

export const infoMethods: MethodTable = {
  ...Object.fromEntries(
    Object.entries(parameterless).map(([name, answer]): [string, MethodHandler] => [
      name,
      (ctx, params) => {
        p.arity(params, 0, 0, name);
        return answer(ctx);
      },
    ]),
  ),
  web3_sha3(_ctx, params) {
    p.arity(params, 1, 1, "web3_sha3");
    return bytesToHex(keccak_256(p.data(params[0], "data")));
  },
  hardhat_addCompilationResult() {
    return true;
  },
};

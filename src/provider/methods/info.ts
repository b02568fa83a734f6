import { bytesToHex } from "@ethereumjs/util";
import { keccak_256 } from "@noble/hashes/sha3.js";
import type { MethodTable } from "../context";
import { hexQuantity } from "../format";
import * as p from "../params";
import { DEFAULT_PRIORITY_FEE } from "../tx-request";

/** Chain identity and static answers (eth_chainId, net_*, web3_*, hardhat_metadata). */
export const infoMethods: MethodTable = {
  eth_chainId(ctx) {
    return hexQuantity(ctx.chainId);
  },
  net_version(ctx) {
    return String(ctx.chainId);
  },
  net_listening() {
    return true;
  },
  net_peerCount() {
    return "0x0";
  },
  web3_clientVersion(ctx) {
    return ctx.clientVersion;
  },
  web3_sha3(_ctx, params) {
    p.arity(params, 1, 1, "web3_sha3");
    return bytesToHex(keccak_256(p.data(params[0], "data")));
  },
  eth_accounts(ctx) {
    return ctx.accounts.map((a) => a.address);
  },
  eth_coinbase(ctx) {
    return ctx.chain.coinbase.toString();
  },
  eth_mining() {
    return false;
  },
  eth_syncing() {
    return false;
  },
  eth_gasPrice(ctx) {
    return hexQuantity((ctx.chain.pendingBlock().header.baseFeePerGas ?? 0n) + DEFAULT_PRIORITY_FEE);
  },
  eth_maxPriorityFeePerGas() {
    return hexQuantity(DEFAULT_PRIORITY_FEE);
  },
  hardhat_metadata(ctx) {
    const latest = ctx.chain.latestBlock();
    return {
      clientVersion: ctx.clientVersion,
      chainId: ctx.chainId,
      instanceId: ctx.instanceId,
      latestBlockNumber: Number(latest.number),
      latestBlockHash: latest.hash,
    };
  },
  hardhat_getStackTraceFailuresCount() {
    return 0;
  },
  hardhat_addCompilationResult() {
    return true;
  },
};

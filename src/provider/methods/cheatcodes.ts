import { Account } from "@ethereumjs/util";
import type { Address } from "@ethereumjs/util";
import { isReservedAddress } from "../../evm/reserved";
import { maskedIdToActorId } from "../../fil";
import type { MethodContext, MethodTable } from "../context";
import { invalidInput, invalidParams } from "../errors";
import * as p from "../params";

/** Applies a direct state edit and records it as the latest block's state (as Hardhat does). */
async function editAccount(ctx: MethodContext, address: Address, edit: (a: Account) => void): Promise<true> {
  const sm = ctx.chain.stateManager;
  const account = (await sm.getAccount(address)) ?? new Account();
  edit(account);
  await sm.putAccount(address, account);
  await ctx.chain.commitIrregularState();
  return true;
}

export const cheatcodeMethods: MethodTable = {
  hardhat_setBalance(ctx, params) {
    p.arity(params, 2, 2, "hardhat_setBalance");
    const balance = p.uint(params[1], "balance", 256);
    return editAccount(ctx, p.address(params[0], "address"), (a) => (a.balance = balance));
  },

  async hardhat_setNonce(ctx, params) {
    p.arity(params, 2, 2, "hardhat_setNonce");
    const address = p.address(params[0], "address");
    const nonce = p.uint(params[1], "nonce", 64);
    const current = (await ctx.chain.getAccount(address)).nonce;
    if (nonce < current) {
      throw invalidInput(`New nonce (${nonce}) must not be smaller than the existing nonce (${current})`);
    }
    if (ctx.chain.mempool.size > 0) {
      throw invalidInput("Cannot set account nonce when the transaction pool is not empty");
    }
    return editAccount(ctx, address, (a) => (a.nonce = nonce));
  },

  async hardhat_setCode(ctx, params) {
    p.arity(params, 2, 2, "hardhat_setCode");
    const address = p.address(params[0], "address");
    const code = p.data(params[1], "code");
    const sm = ctx.chain.stateManager;
    if (!(await sm.getAccount(address))) await sm.putAccount(address, new Account());
    await sm.putCode(address, code);
    // Code makes the address an EVM actor, or the first call would bind it as a Placeholder,
    // whose code the EXT* opcodes do not see (Solidity's extcodesize check would then revert).
    const evm = ctx.chain.evm;
    if (code.length > 0 && maskedIdToActorId(address.toString()) === undefined && !isReservedAddress(address, evm.networkVersion)) {
      await evm.actors.bindContract(address);
    }
    await ctx.chain.commitIrregularState();
    return true;
  },

  async hardhat_setStorageAt(ctx, params) {
    p.arity(params, 3, 3, "hardhat_setStorageAt");
    const address = p.address(params[0], "address");
    const slot = p.storageSlot(params[1], "position");
    const value = p.data(params[2], "value");
    if (value.length !== 32) throw invalidParams("Errors encountered in param value: storage values must be 32 bytes (a 0x-prefixed 64-digit hex string)");
    const sm = ctx.chain.stateManager;
    if (!(await sm.getAccount(address))) await sm.putAccount(address, new Account());
    await sm.putStorage(address, slot, value);
    await ctx.chain.commitIrregularState();
    return true;
  },

  hardhat_impersonateAccount(ctx, params) {
    p.arity(params, 1, 1, "hardhat_impersonateAccount");
    ctx.impersonated.add(p.address(params[0], "address").toString());
    return true;
  },

  hardhat_stopImpersonatingAccount(ctx, params) {
    p.arity(params, 1, 1, "hardhat_stopImpersonatingAccount");
    return ctx.impersonated.delete(p.address(params[0], "address").toString());
  },

  hardhat_setCoinbase(ctx, params) {
    p.arity(params, 1, 1, "hardhat_setCoinbase");
    ctx.chain.coinbase = p.address(params[0], "address");
    return true;
  },

  hardhat_setPrevRandao(ctx, params) {
    p.arity(params, 1, 1, "hardhat_setPrevRandao");
    const value = p.data(params[0], "prevRandao");
    if (value.length !== 32) throw invalidParams("Errors encountered in param prevRandao: expected 32 bytes");
    ctx.chain.prevRandao = value;
    return true;
  },

  hardhat_setNextBlockBaseFeePerGas(ctx, params) {
    p.arity(params, 1, 1, "hardhat_setNextBlockBaseFeePerGas");
    ctx.chain.nextBaseFeeOverride = p.uint(params[0], "baseFeePerGas", 256);
    return true;
  },

  evm_setBlockGasLimit(ctx, params) {
    p.arity(params, 1, 1, "evm_setBlockGasLimit");
    const limit = p.uint(params[0], "gasLimit", 64);
    if (limit === 0n) throw invalidInput("Block gas limit must be greater than 0");
    ctx.chain.blockGasLimit = limit;
    return true;
  },

  hardhat_setMinGasPrice() {
    // Hardhat refuses it on EIP-1559 chains too; Filecoin's base fee floor (100 attoFIL) plays its role.
    throw invalidInput("hardhat_setMinGasPrice is not supported when EIP-1559 is active");
  },

  hardhat_setLoggingEnabled(ctx, params) {
    p.arity(params, 1, 1, "hardhat_setLoggingEnabled");
    ctx.loggingEnabled = p.bool(params[0], "enabled");
    return true;
  },
};

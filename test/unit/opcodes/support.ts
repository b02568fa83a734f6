/**
 * Shared setup for the FEVM opcode conformance tests: a filecoin network at a chosen network
 * version, the Solidity fixtures of contracts/conformance/opcodes, contracts made of raw bytecode
 * (for opcodes Solidity does not emit), and a look at the actor registry behind an address.
 */
import { expect } from "chai";
import { createAddressFromString } from "@ethereumjs/util";
import type { ActorRecord } from "../../../src/actors/registry";
import { maskedIdAddress } from "../../../src/fil";
import { FevmProvider } from "../../../src/provider/provider";
import { compileSolidity, fixtureSources, type CompiledContract } from "../support/solc";
import { ACCOUNT_BALANCE, ACCOUNTS, CHAIN_ID, MNEMONIC, type Rpc, type RpcError } from "../provider/support";

export { ACCOUNTS } from "../provider/support";

/** A fresh filecoin network running the FEVM rules of `networkVersion`. */
export function fevmAt(networkVersion: number): Rpc & { provider: FevmProvider } {
  const provider = new FevmProvider({
    chainId: CHAIN_ID,
    networkVersion,
    mnemonic: MNEMONIC,
    accountCount: 20,
    accountBalance: ACCOUNT_BALANCE,
    print: () => {},
  });
  const call = <T>(method: string, ...params: unknown[]) => provider.request({ method, params }) as Promise<T>;
  return {
    provider,
    printed: [],
    call,
    async error(method, ...params) {
      try {
        const result = await call(method, ...params);
        expect.fail(`${method} should have failed, got ${JSON.stringify(result)}`);
      } catch (e) {
        return e as RpcError;
      }
    },
  };
}

/**
 * Every contract of contracts/conformance/opcodes/<file>.sol, compiled for the Shanghai EVM,
 * which runs on every FEVM network version (Cancun output may use MCOPY, an nv24 opcode).
 */
export function conformance(file: string): Record<string, CompiledContract> {
  return compileSolidity({ sources: fixtureSources("conformance/opcodes", [`${file}.sol`]), evmVersion: "shanghai" });
}

interface Receipt {
  status: string;
  contractAddress: string | null;
  transactionHash: string;
}

/** Sends a transaction from the first account and returns its receipt; failures (status 0) included. */
export async function transact(rpc: Rpc, tx: Record<string, unknown>): Promise<Receipt> {
  let hash: string;
  try {
    hash = await rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[0], ...tx });
  } catch (e) {
    const failed = e as RpcError;
    if (!failed.transactionHash) throw e;
    hash = failed.transactionHash;
  }
  return rpc.call<Receipt>("eth_getTransactionReceipt", hash);
}

/** Deploys a compiled contract (constructor arguments ABI-encoded) and returns its address. */
export async function deploy(rpc: Rpc, contract: CompiledContract, args: unknown[] = [], value = 0n): Promise<string> {
  const data = contract.bytecode + contract.iface.encodeDeploy(args).slice(2);
  const receipt = await transact(rpc, { data, value: hex(value) });
  expect(receipt.status, "deployment succeeds").to.equal("0x1");
  return receipt.contractAddress!;
}

/** Init code that deploys `runtime` (hex, no 0x) as it is. */
export function initCodeFor(runtime: string): string {
  const length = runtime.length / 2;
  if (length > 0xff) throw new Error("initCodeFor handles runtime code up to 255 bytes");
  const len = length.toString(16).padStart(2, "0");
  // PUSH1 len PUSH1 10 PUSH0 CODECOPY PUSH1 len PUSH0 RETURN, then the runtime code at offset 10.
  return `60${len}600a5f3960${len}5ff3${runtime}`;
}

/** Deploys raw runtime bytecode and returns its address. */
export async function deployRuntime(rpc: Rpc, runtime: string): Promise<string> {
  const receipt = await transact(rpc, { data: `0x${initCodeFor(runtime)}` });
  expect(receipt.status, "deployment succeeds").to.equal("0x1");
  return receipt.contractAddress!;
}

/** `fn(args)` on `to` through eth_call, decoded. */
export async function read(rpc: Rpc, contract: CompiledContract, to: string, fn: string, args: unknown[] = []): Promise<unknown[]> {
  const raw = await rpc.call<string>("eth_call", { from: ACCOUNTS[0], to, data: contract.iface.encodeFunctionData(fn, args) }, "latest");
  return [...contract.iface.decodeFunctionResult(fn, raw)];
}

/** `fn(args)` on `to` in a transaction; returns the receipt. */
export function write(rpc: Rpc, contract: CompiledContract, to: string, fn: string, args: unknown[] = [], value = 0n): Promise<Receipt> {
  return transact(rpc, { to, data: contract.iface.encodeFunctionData(fn, args), value: hex(value) });
}

export async function balance(rpc: Rpc, address: string): Promise<bigint> {
  return BigInt(await rpc.call<string>("eth_getBalance", address, "latest"));
}

/** The actor bound to a 0x (or masked-id) address, straight from the chain's registry. */
export async function actorAt(rpc: Rpc & { provider: FevmProvider }, address: string): Promise<ActorRecord | undefined> {
  const chain = await rpc.provider.getChain();
  return chain.evm.actors.lookupEth(createAddressFromString(address));
}

/** The masked-id (0xff00…id) address of the actor at `address`. */
export async function maskedAddressOf(rpc: Rpc & { provider: FevmProvider }, address: string): Promise<string> {
  const actor = await actorAt(rpc, address);
  if (!actor) throw new Error(`no actor at ${address}`);
  return maskedIdAddress(actor.id);
}

export const hex = (n: bigint | number): string => `0x${n.toString(16)}`;

/**
 * Shared setup for the provider tests: our FevmProvider as the user's network sees it, Hardhat's
 * own network (EDR) as the reference, and small request helpers.
 */
import { expect } from "chai";
import { createHardhatNetworkProvider } from "hardhat/internal/hardhat-network/provider/provider";
import { defaultHardhatNetworkParams } from "hardhat/internal/core/config/default-config";
import type { EIP1193Provider } from "hardhat/types";
import { FevmProvider, type FevmProviderOptions } from "../../../src/provider/provider";
import type { CompiledContract } from "./compile";

export const MNEMONIC = "test test test test test test test test test test test junk";
export const CHAIN_ID = 31415926;
/** Hardhat's first default accounts (from MNEMONIC), lowercase as eth_accounts returns them. */
export const ACCOUNTS = [
  "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
  "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
  "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
  "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
] as const;
/** Private keys of ACCOUNTS (Hardhat prints them on `hardhat node`). */
export const PRIVATE_KEYS = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
] as const;
export const ACCOUNT_BALANCE = 10000n * 10n ** 18n;

export interface Rpc {
  provider: FevmProvider | EIP1193Provider;
  /** console.log lines the provider printed. */
  printed: string[];
  call<T = unknown>(method: string, ...params: unknown[]): Promise<T>;
  /** The error the request fails with; fails the test if it succeeds. */
  error(method: string, ...params: unknown[]): Promise<RpcError>;
}

export interface RpcError extends Error {
  code?: number;
  data?: unknown;
  transactionHash?: string;
}

function rpcOver(provider: FevmProvider | EIP1193Provider, printed: string[]): Rpc {
  const call = <T>(method: string, ...params: unknown[]) => provider.request({ method, params }) as Promise<T>;
  return {
    provider,
    printed,
    call,
    async error(method, ...params) {
      let result: unknown;
      try {
        result = await call(method, ...params);
      } catch (e) {
        return e as RpcError;
      }
      expect.fail(`${method}(${JSON.stringify(params).slice(0, 200)}) should have failed, got ${JSON.stringify(result)}`);
    },
  };
}

/** A fresh filecoin network with Hardhat's default accounts; console.log lines land in `printed`. */
export function fevmNetwork(options: Partial<FevmProviderOptions> = {}): Rpc & { provider: FevmProvider } {
  const printed: string[] = [];
  const provider = new FevmProvider({
    chainId: CHAIN_ID,
    networkVersion: 28,
    mnemonic: MNEMONIC,
    accountCount: 20,
    accountBalance: ACCOUNT_BALANCE,
    print: (line) => printed.push(line),
    ...options,
  });
  return rpcOver(provider, printed) as Rpc & { provider: FevmProvider };
}

/**
 * Hardhat's own network (EDR) configured as `hardhat test` configures it, with the first
 * ACCOUNTS funded. Its console.log output goes to stdout, so tests compare our lines with fixed text.
 */
export async function hardhatNetwork(overrides: { automine?: boolean } = {}): Promise<Rpc> {
  const provider = await createHardhatNetworkProvider(
    {
      chainId: 31337,
      networkId: 31337,
      hardfork: "prague",
      blockGasLimit: 30_000_000,
      initialBaseFeePerGas: 1e9,
      minGasPrice: 0n,
      throwOnTransactionFailures: true,
      throwOnCallFailures: true,
      automine: overrides.automine ?? true,
      intervalMining: 0,
      mempoolOrder: "priority",
      chains: defaultHardhatNetworkParams.chains,
      genesisAccounts: PRIVATE_KEYS.map((privateKey) => ({ privateKey, balance: ACCOUNT_BALANCE.toString() })),
      allowUnlimitedContractSize: false,
      allowBlocksWithSameTimestamp: false,
      enableTransientStorage: false,
      enableRip7212: false,
    },
    { enabled: false },
  );
  return rpcOver(provider, []);
}

/** Deploys `contract` from `from` and returns its address. */
export async function deploy(rpc: Rpc, contract: CompiledContract, from: string = ACCOUNTS[0]): Promise<string> {
  const hash = await rpc.call<string>("eth_sendTransaction", { from, data: contract.bytecode });
  const receipt = await rpc.call<{ contractAddress: string }>("eth_getTransactionReceipt", hash);
  return receipt.contractAddress;
}

/** Sends a call of `fn(args)` on `to` and returns the transaction hash. */
export function send(rpc: Rpc, contract: CompiledContract, to: string, fn: string, args: unknown[] = [], extra: Record<string, unknown> = {}): Promise<string> {
  return rpc.call<string>("eth_sendTransaction", { from: ACCOUNTS[0], to, data: contract.iface.encodeFunctionData(fn, args), ...extra });
}

/** eth_call of `fn(args)` on `to`, decoded. */
export async function read(rpc: Rpc, contract: CompiledContract, to: string, fn: string, args: unknown[] = [], block: unknown = "latest"): Promise<unknown[]> {
  const raw = await rpc.call<string>("eth_call", { to, data: contract.iface.encodeFunctionData(fn, args) }, block);
  return [...contract.iface.decodeFunctionResult(fn, raw)];
}

export interface BlockJson {
  number: string;
  hash: string;
  parentHash: string;
  timestamp: string;
  transactions: (string | Record<string, unknown>)[];
  [key: string]: unknown;
}

export function block(rpc: Rpc, tag: string | bigint = "latest", full = false): Promise<BlockJson> {
  return rpc.call<BlockJson>("eth_getBlockByNumber", typeof tag === "bigint" ? `0x${tag.toString(16)}` : tag, full);
}

export const hex = (n: bigint | number): string => `0x${n.toString(16)}`;

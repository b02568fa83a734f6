/**
 * Shared setup for the precompile tests: the Solidity fixtures in contracts/conformance/precompiles
 * compiled with the solc npm package, a provider per network version, and call helpers.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Message, type ExecResult, type PrecompileInput } from "@ethereumjs/evm";
import { createAddressFromString, hexToBytes } from "@ethereumjs/util";
import type { Result } from "ethers";
import { compileSolidity, fixtureSources, type CompiledContract } from "../support/solc";
import { FevmProvider } from "../../../src/provider/provider";
import { fevmPrecompiles } from "../../../src/evm/precompiles";
import type { FevmEVM } from "../../../src/evm/fevm-evm";

export const ACCOUNTS = ["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"] as const;
export const GAS = "0x1c9c380"; // 30M: what Hardhat sends by default

const FIXTURES = join(__dirname, "../../../contracts/conformance/precompiles");

export type Compiled = CompiledContract;

/** Every fixture contract by name, compiled for Shanghai so they also run at nv23. */
export function fixtures(): Record<string, Compiled> {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".sol"));
  return compileSolidity({ sources: fixtureSources("conformance/precompiles", files), evmVersion: "shanghai" });
}

/** A deployed fixture: call (eth_call), send (a mined transaction) and raw JSON-RPC. */
export interface Deployed {
  address: string;
  call(fn: string, args: unknown[], value?: bigint): Promise<Result>;
  send(fn: string, args: unknown[], value?: bigint): Promise<{ status: string; gasUsed: bigint }>;
}

export class Network {
  readonly provider: FevmProvider;

  constructor(readonly networkVersion: number) {
    this.provider = new FevmProvider({
      chainId: 31415926,
      networkVersion,
      mnemonic: "test test test test test test test test test test test junk",
      accountCount: 2,
      accountBalance: 10000n * 10n ** 18n,
      print: () => {},
    });
  }

  rpc<T>(method: string, ...params: unknown[]): Promise<T> {
    return this.provider.request({ method, params }) as Promise<T>;
  }

  async balance(address: string): Promise<bigint> {
    return BigInt(await this.rpc<string>("eth_getBalance", address, "latest"));
  }

  async fund(address: string, value: bigint): Promise<void> {
    await this.rpc("eth_sendTransaction", { from: ACCOUNTS[0], to: address, value: `0x${value.toString(16)}`, gas: GAS });
  }

  async evm(): Promise<FevmEVM> {
    return (await this.provider.getChain()).evm;
  }

  async deploy(name: string, value = 0n, args: unknown[] = []): Promise<Deployed> {
    const contract = fixtures()[name];
    const data = contract.bytecode + contract.iface.encodeDeploy(args).slice(2);
    const hash = await this.rpc<string>("eth_sendTransaction", { from: ACCOUNTS[0], data, gas: GAS, value: `0x${value.toString(16)}` });
    const receipt = await this.rpc<{ contractAddress: string; status: string }>("eth_getTransactionReceipt", hash);
    if (receipt.status !== "0x1") throw new Error(`deploying ${name} failed`);
    const address = receipt.contractAddress;
    const iface = contract.iface;
    const tx = (fn: string, args: unknown[], value: bigint) => ({
      from: ACCOUNTS[0],
      to: address,
      data: iface.encodeFunctionData(fn, args),
      gas: GAS,
      value: `0x${value.toString(16)}`,
    });
    return {
      address,
      call: async (fn, args, value = 0n) => iface.decodeFunctionResult(fn, await this.rpc<string>("eth_call", tx(fn, args, value), "latest")),
      send: async (fn, args, value = 0n) => {
        const txHash = await this.rpc<string>("eth_sendTransaction", tx(fn, args, value));
        const r = await this.rpc<{ status: string; gasUsed: string }>("eth_getTransactionReceipt", txHash);
        return { status: r.status, gasUsed: BigInt(r.gasUsed) };
      },
    };
  }
}

/** A precompile of `networkVersion` at `address`, called directly (no CALL frame) for unit tests. */
export function precompileAt(networkVersion: number, address: string) {
  const entry = fevmPrecompiles(networkVersion).find((p) => p.address.toString() === address.toLowerCase());
  if (!entry || !("function" in entry)) throw new Error(`no precompile at ${address} for nv${networkVersion}`);
  return entry.function;
}

/**
 * Runs a precompile function as ethereumjs would, on a real FEVM: `frame` is the message that
 * reached it (pushed on the EVM's message stack like a real CALL), or none for a bare invocation.
 */
export async function invoke(
  evm: FevmEVM,
  fn: ReturnType<typeof precompileAt>,
  data: Uint8Array,
  frame?: { caller?: string; to: string; codeAddress?: string; delegatecall?: boolean; isStatic?: boolean; value?: bigint },
  gasLimit = 10_000_000n,
) {
  const input: PrecompileInput = { data, gasLimit, common: evm.common, _EVM: evm };
  if (!frame) return fn(input);
  const message = new Message({
    caller: createAddressFromString(frame.caller ?? ACCOUNTS[0]),
    to: createAddressFromString(frame.to),
    codeAddress: frame.codeAddress ? createAddressFromString(frame.codeAddress) : undefined,
    delegatecall: frame.delegatecall ?? false,
    isStatic: frame.isStatic ?? false,
    value: frame.value ?? 0n,
    gasLimit,
    depth: 1,
    data,
  });
  evm.messageStack.push(message);
  try {
    return await fn(input);
  } finally {
    evm.messageStack.pop();
  }
}

export const hex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString("hex")}`;
export const bytes = (text: string): Uint8Array => hexToBytes(text as `0x${string}`);

/** Deterministic pseudo-random bytes, so a failing case is reproducible from its seed. */
export function rng(seed: number): (n: number) => Uint8Array {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 24;
  };
  return (n) => Uint8Array.from({ length: n }, next);
}

/** What the calling contract observes: the success flag and the returndata. */
export interface Observed {
  success: boolean;
  output: string;
}

/**
 * Reads a precompile's ethereumjs result as the caller sees it, and checks that a failure has
 * exactly the FEVM's shape: REVERT (so ethereumjs pushes 0 and keeps returndata), EMPTY output
 * and no gas burned.
 */
export function observe(result: ExecResult): Observed {
  if (result.exceptionError) {
    if (result.exceptionError.error !== "revert" || result.returnValue.length !== 0 || result.executionGasUsed !== 0n) {
      throw new Error(`a failed precompile must revert with empty output and no gas, got ${JSON.stringify({ error: result.exceptionError.error, output: hex(result.returnValue), gas: String(result.executionGasUsed) })}`);
    }
    return { success: false, output: "0x" };
  }
  return { success: true, output: hex(result.returnValue) };
}

/** One 32-byte word of a non-negative integer. */
export function word(value: bigint): string {
  return BigInt.asUintN(256, value).toString(16).padStart(64, "0");
}

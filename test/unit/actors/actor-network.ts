/**
 * A filecoin network for the actor tests: the provider a user's tests talk to, deployment of the
 * wrapper contracts, and native sends between actors (what the actors do among themselves).
 */
import { expect } from "chai";
import type { Result } from "ethers";
import type { IpldBlock, SendOutcome } from "../../../src/actors/outcome";
import { cborBlock } from "../../../src/actors/runtime";
import { send } from "../../../src/actors/send";
import type { Chain } from "../../../src/chain/chain";
import type { CborEncodable, FilecoinAddress } from "../../../src/fil";
import { FevmProvider, type FevmProviderOptions } from "../../../src/provider/provider";
import { compileSolidity, fixtureSources, type CompiledContract } from "../support/solc";

/** Hardhat's first default accounts (actor ids 100, 101, 102). */
export const ACCOUNTS = ["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"] as const;
export const FIL = 10n ** 18n;
const GAS = "0x1c9c380";

export interface RpcError extends Error {
  code?: number;
  data?: string;
}

export interface Deployed {
  address: string;
  id: bigint;
  wrapper: CompiledContract;
  /** eth_call, decoded. */
  call(fn: string, args?: unknown[]): Promise<Result>;
  /** A mined transaction from ACCOUNTS[0]; fails the test if it reverts. */
  send(fn: string, args?: unknown[], value?: bigint): Promise<void>;
  /** The custom error (name and args) an eth_call of `fn` reverts with. */
  revert(fn: string, args?: unknown[]): Promise<{ name: string; args: unknown[] } | { data: string }>;
}

export interface NativeSend {
  from: bigint;
  to: FilecoinAddress;
  method: bigint;
  /** CBOR value (encoded as codec 0x51), a ready block, or nothing. */
  params?: CborEncodable | IpldBlock | null;
  value?: bigint;
  readOnly?: boolean;
}

const isBlock = (p: NativeSend["params"]): p is IpldBlock => typeof p === "object" && p !== null && "codec" in p && "data" in p;

export class ActorNetwork {
  readonly provider: FevmProvider;

  constructor(options: Partial<FevmProviderOptions> = {}) {
    this.provider = new FevmProvider({
      chainId: 31415926,
      networkVersion: 28,
      mnemonic: "test test test test test test test test test test test junk",
      accountCount: 3,
      accountBalance: 10000n * FIL,
      print: () => {},
      ...options,
    });
  }

  rpc<T = unknown>(method: string, ...params: unknown[]): Promise<T> {
    return this.provider.request({ method, params }) as Promise<T>;
  }

  async rpcError(method: string, ...params: unknown[]): Promise<RpcError> {
    try {
      await this.rpc(method, ...params);
    } catch (e) {
      return e as RpcError;
    }
    return expect.fail(`${method} should have failed`);
  }

  chain(): Promise<Chain> {
    return this.provider.getChain();
  }

  async actorId(address: string): Promise<bigint> {
    const forms = await this.rpc<{ id: string | null }>("fevm_address", address);
    if (forms.id === null) throw new Error(`${address} is not bound to an actor`);
    return BigInt(forms.id);
  }

  async balance(address: string): Promise<bigint> {
    return BigInt(await this.rpc<string>("eth_getBalance", address, "latest"));
  }

  async transfer(to: string, value: bigint): Promise<void> {
    await this.rpc("eth_sendTransaction", { from: ACCOUNTS[0], to, value: `0x${value.toString(16)}`, gas: GAS });
  }

  /** Deploys the wrapper contract of contracts/actors/<name>.sol (compiled against the filecoin-solidity packages). */
  async deploy(name: string): Promise<Deployed> {
    const w = compileSolidity({ sources: fixtureSources("actors", [`${name}.sol`]) })[name];
    const hash = await this.rpc<string>("eth_sendTransaction", { from: ACCOUNTS[0], data: w.bytecode, gas: GAS });
    const receipt = await this.rpc<{ contractAddress: string; status: string }>("eth_getTransactionReceipt", hash);
    expect(receipt.status, `deploying ${name}`).to.equal("0x1");
    const address = receipt.contractAddress;
    const tx = (fn: string, args: unknown[], value = 0n) => ({ from: ACCOUNTS[0], to: address, data: w.iface.encodeFunctionData(fn, args), gas: GAS, value: `0x${value.toString(16)}` });
    return {
      address,
      id: await this.actorId(address),
      wrapper: w,
      call: async (fn, args = []) => w.iface.decodeFunctionResult(fn, await this.rpc<string>("eth_call", tx(fn, args), "latest")),
      send: async (fn, args = [], value = 0n) => {
        const receipt = await this.rpc<{ status: string }>("eth_getTransactionReceipt", await this.rpc<string>("eth_sendTransaction", tx(fn, args, value)));
        expect(receipt.status, `${name}.${fn}`).to.equal("0x1");
      },
      revert: async (fn, args = []) => {
        const error = await this.rpcError("eth_call", tx(fn, args), "latest");
        const data = error.data ?? "0x";
        const parsed = w.iface.parseError(data);
        return parsed ? { name: parsed.name, args: [...parsed.args] } : { data };
      },
    };
  }

  /** A send from actor `from` as another actor would make it (not through a contract). */
  async nativeSend(req: NativeSend): Promise<SendOutcome> {
    const chain = await this.chain();
    return chain.runAsSystem(async (evm) => {
      const from = await evm.actors.get(req.from);
      if (from === undefined) throw new Error(`no actor f0${req.from}`);
      const params = req.params === undefined || req.params === null ? null : isBlock(req.params) ? req.params : cborBlock(req.params);
      return send({ evm, from, to: req.to, method: req.method, params, value: req.value ?? 0n, gasLimit: 30_000_000n, readOnly: req.readOnly ?? false, depth: 0, epoch: evm.currentEpoch() });
    });
  }
}

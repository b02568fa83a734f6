import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import { bytesToHex } from "@ethereumjs/util";
import { Chain } from "../chain/chain";
import { deriveAccounts, type DerivedAccount } from "../chain/hd-wallet";
import { keyAccount } from "../chain/key-account";
import type { BlockView } from "../chain/block-store";
import { formatConsoleLogs } from "../evm/console-log";
import type { MethodContext, MethodTable } from "./context";
import { ErrorCode, ProviderError, invalidInput } from "./errors";
import { ChainLimitError, InvalidTransactionError } from "../chain/errors";
import { Filters } from "./filters";
import { screenRequest } from "./screen";
import { cheatcodeMethods } from "./methods/cheatcodes";
import { ethBlockMethods } from "./methods/eth-blocks";
import { ethStateMethods } from "./methods/eth-state";
import { ethTxMethods } from "./methods/eth-tx";
import { filterMethods } from "./methods/filter-methods";
import { infoMethods } from "./methods/info";
import { miningMethods } from "./methods/mining";
import { signingMethods } from "./methods/signing";
import { anvilAliases } from "./methods/aliases";
import { fevmMethods } from "./methods/fevm";
import { fevmPieceMethods } from "./methods/fevm-piece";
import { fevmMarketMethods } from "./methods/fevm-market";
import { fevmVerifRegMethods } from "./methods/fevm-verifreg";
import { fevmMinerMethods, fevmSectorMethods } from "./methods/fevm-miners";
import type { GenesisMinerOptions } from "../actors/miner/genesis";
import { debugMethods } from "./methods/debug";
import { traceMethods } from "./methods/trace";
import { fevmStorageProviderMethods } from "./methods/fevm-sp";
import { StorageProviderEngine } from "../sp/engine";
import { FIRST_GENESIS_MINER_ID } from "../actors/singletons";
import { defaultStorageProviderConfig, type StorageProviderConfig } from "../sp/config";
import type { ErrorAbiLookup } from "./revert-message";

export const PACKAGE_VERSION = "0.1.0";
/** A library error may quote its whole input; the answer keeps the start of it. */
const MAX_INTERNAL_MESSAGE = 500;

export interface FevmProviderOptions {
  chainId: number;
  networkVersion: number;
  /** Unix seconds of epoch 0; undefined = now. */
  genesisTimestamp?: bigint;
  /** Genesis accounts: `accountCount` accounts of `mnemonic` holding `accountBalance` each, unless `keyAccounts` lists them. */
  mnemonic?: string;
  accountCount?: number;
  accountBalance?: bigint;
  /** Genesis accounts by private key (0x + 64 hex digits), each with its balance: Hardhat's list form. */
  keyAccounts?: readonly { privateKey: string; balance: bigint }[];
  logging?: boolean;
  /** Where console.log lines from contracts go (default: process stdout). */
  print?: (line: string) => void;
  errorAbis?: ErrorAbiLookup;
  /** Storage providers created at genesis (ids from 1000; owner defaults to the first account). */
  miners?: readonly GenesisMinerOptions[];
  /** The verified registry's root key (default t080). */
  verifregRootKey?: string;
  /** Lifts the FEVM's 24 KiB runtime code limit, like Hardhat's `allowUnlimitedContractSize`. */
  allowUnlimitedContractSize?: boolean;
  /** Hardhat's `mining` network config: automine (default true) and interval mining in ms ([min, max] or 0). */
  mining?: { auto: boolean; interval: number | [number, number] };
  /** Print a notice (once) when a time cheatcode's target is rounded up to the epoch grid (default true). */
  warnOnTimeRounding?: boolean;
  /** The simulated storage provider (default: stopped, serving every genesis miner). */
  storageProvider?: StorageProviderConfig;
}

/** One line: what was rounded, why, where to read about it and how to silence it. */
export function timeRoundingNotice(requested: bigint, landed: bigint, epoch: bigint): string {
  return (
    `hardhat-fevm: timestamp ${requested} is not on Filecoin's 30 s epoch grid, so the next block gets ${landed} (epoch ${epoch}); ` +
    `tests written for one-second blocks may differ (see "Porting an Ethereum test suite" in hardhat-fevm's README). ` +
    `Shown once; silence it with fevm: { warnOnTimeRounding: false }.`
  );
}

interface GenesisAccount {
  address: string;
  privateKey: Uint8Array;
  balance: bigint;
}

function genesisAccounts(options: FevmProviderOptions): GenesisAccount[] {
  const lower = (a: DerivedAccount, balance: bigint) => ({ address: a.address.toLowerCase(), privateKey: a.privateKey, balance });
  if (options.keyAccounts !== undefined) return options.keyAccounts.map(({ privateKey, balance }) => lower(keyAccount(privateKey), balance));
  const { mnemonic, accountCount, accountBalance } = options;
  if (mnemonic === undefined || accountCount === undefined || accountBalance === undefined) {
    throw new Error("FevmProvider needs keyAccounts, or mnemonic, accountCount and accountBalance");
  }
  return deriveAccounts(mnemonic, accountCount).map((a) => lower(a, accountBalance));
}

export interface RequestArguments {
  method: string;
  params?: unknown[] | object;
}

/**
 * The in-process Filecoin network as an EIP-1193 provider. Requests run one at a time (the EVM
 * and the chain are not re-entrant), and every failure comes back as a JSON-RPC error: nothing a
 * caller sends can crash or wedge it.
 */
export class FevmProvider extends EventEmitter {
  private readonly accounts: GenesisAccount[];
  private chain!: Chain;
  private storageProvider!: StorageProviderEngine;
  private ready: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly filters: Filters;
  private readonly methods: MethodTable;
  private readonly ctx: MethodContext;
  private intervalTimer: NodeJS.Timeout | undefined;
  private genesisTimestamp: bigint;
  /** The time-rounding notice is printed once per run, not once per hardhat_reset. */
  private timeRoundingNoticed = false;

  constructor(private readonly options: FevmProviderOptions) {
    super();
    this.accounts = genesisAccounts(options);
    this.genesisTimestamp = options.genesisTimestamp ?? BigInt(Math.floor(Date.now() / 1000));
    this.filters = new Filters((subscription, result) => {
      // Both forms Hardhat's provider emits: its own "notification" and EIP-1193's "message".
      this.emit("notification", { subscription, result });
      this.emit("message", { type: "eth_subscription", data: { subscription, result } });
    });
    this.methods = {
      ...infoMethods,
      ...ethStateMethods,
      ...ethTxMethods,
      ...ethBlockMethods,
      ...miningMethods,
      ...cheatcodeMethods,
      ...signingMethods,
      ...filterMethods(this.filters),
      ...fevmMethods,
      ...fevmPieceMethods,
      ...fevmMarketMethods,
      ...fevmVerifRegMethods,
      ...fevmMinerMethods,
      ...fevmSectorMethods,
      ...fevmStorageProviderMethods,
      ...debugMethods,
      ...traceMethods,
    };
    Object.assign(this.methods, anvilAliases(this.methods));
    const print = options.print ?? ((line: string) => console.log(line));
    const self = this;
    this.ctx = {
      get chain() {
        return self.chain;
      },
      get storageProvider() {
        return self.storageProvider;
      },
      chainId: options.chainId,
      accounts: this.accounts,
      impersonated: new Set(),
      instanceId: bytesToHex(randomBytes(32)),
      clientVersion: `HardhatNetwork/2.29.1/hardhat-fevm/${PACKAGE_VERSION}`,
      print,
      printConsoleLogs: (inputs) => {
        for (const line of formatConsoleLogs(inputs)) print(line);
      },
      loggingEnabled: options.logging ?? false,
      emit: (event, payload) => {
        if (event === "pendingTransaction") this.filters.onPendingTransaction(payload as string);
        else this.emit(event, payload);
      },
      reset: () => this.reset(),
      onBlockMined: (block: BlockView) => this.filters.onBlock(this.chain, block),
      setIntervalMining: (range) => this.setIntervalMining(range),
      timeRounded: (requested, landed, epoch) => {
        if (this.timeRoundingNoticed || options.warnOnTimeRounding === false) return;
        this.timeRoundingNoticed = true;
        print(timeRoundingNotice(requested, landed, epoch));
      },
      errorAbis: options.errorAbis,
    };
    this.ready = this.createChain();
  }

  private async createChain(): Promise<void> {
    this.chain = await Chain.create({
      chainId: this.options.chainId,
      networkVersion: this.options.networkVersion,
      genesisTimestamp: this.genesisTimestamp,
      genesisAccounts: this.accounts.map((a) => ({ address: a.address, balance: a.balance })),
      genesisMiners: this.options.miners,
      allowUnlimitedContractSize: this.options.allowUnlimitedContractSize,
      verifregRootKey: this.options.verifregRootKey,
    });
    // As Hardhat's network applies its `mining` config, at start and after hardhat_reset.
    const { auto, interval } = this.options.mining ?? { auto: true, interval: 0 };
    this.chain.automine = auto;
    this.setIntervalMining(typeof interval === "number" ? (interval === 0 ? 0 : [interval, interval]) : interval);
    const sp = this.options.storageProvider ?? defaultStorageProviderConfig();
    const genesisMiners = (this.options.miners ?? []).map((_, i) => FIRST_GENESIS_MINER_ID + BigInt(i));
    this.storageProvider = new StorageProviderEngine(this.chain, {
      print: (line) => this.ctx.loggingEnabled && this.ctx.print(line),
      miners: sp.miners.length > 0 ? sp.miners : genesisMiners,
      policy: sp.policy,
    });
    this.chain.addEpochListener(this.storageProvider);
    if (sp.enabled) await this.storageProvider.start();
  }

  private async reset(): Promise<void> {
    this.setIntervalMining(0);
    this.filters.clear();
    this.ctx.impersonated.clear();
    this.ctx.instanceId = bytesToHex(randomBytes(32));
    this.genesisTimestamp = this.options.genesisTimestamp ?? BigInt(Math.floor(Date.now() / 1000));
    await this.createChain();
  }

  private setIntervalMining(range: [number, number] | 0): void {
    if (this.intervalTimer) clearTimeout(this.intervalTimer);
    this.intervalTimer = undefined;
    if (range === 0) return;
    const schedule = () => {
      const delay = range[0] + Math.floor(Math.random() * (range[1] - range[0] + 1));
      this.intervalTimer = setTimeout(() => {
        this.request({ method: "evm_mine" }).catch(() => {}).finally(schedule);
      }, delay);
      this.intervalTimer.unref();
    };
    schedule();
  }

  /** EIP-1193 entry point. */
  request(args: RequestArguments): Promise<unknown> {
    const run = this.queue.then(() => this.dispatch(args));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async dispatch({ method, params }: RequestArguments): Promise<unknown> {
    await this.ready;
    screenRequest(method, params);
    const handler = Object.prototype.hasOwnProperty.call(this.methods, method) ? this.methods[method] : undefined;
    if (!handler) throw new ProviderError(`Method ${method} is not supported`, ErrorCode.MethodNotSupported, { method, params });
    const list = params === undefined ? [] : Array.isArray(params) ? params : [params];
    if (this.ctx.loggingEnabled) this.ctx.print(method);
    try {
      const result = await handler(this.ctx, list);
      // Control operations record events without mining: log subscriptions hear of them now.
      this.filters.onSystemMessages(this.chain);
      return result;
    } catch (e) {
      if (e instanceof ProviderError) throw e;
      if (e instanceof InvalidTransactionError || e instanceof ChainLimitError) throw invalidInput(e.message);
      // A bug of ours must not take the provider down: report it as an internal error.
      const err = e as Error;
      const message = String(err?.message ?? e);
      const short = message.length > MAX_INTERNAL_MESSAGE ? `${message.slice(0, MAX_INTERNAL_MESSAGE)}…` : message;
      throw new ProviderError(`Internal error in ${method}: ${short}`, ErrorCode.Internal, { stack: err?.stack });
    }
  }

  /** Hardhat-tracer / solidity-coverage look for `_node._vm` (ethereumjs events). */
  get _node(): { _vm: unknown } {
    return { _vm: this.chain?.vm };
  }

  /** The chain, for in-process helpers and tests (after the first request). */
  async getChain(): Promise<Chain> {
    await this.ready;
    return this.chain;
  }

  // Legacy provider interfaces some tools still call.
  send(method: string, params?: unknown[]): Promise<unknown> {
    return this.request({ method, params });
  }

  sendAsync(payload: { id?: number | string; method: string; params?: unknown[] }, callback: (error: unknown, response?: unknown) => void): void {
    this.request(payload).then(
      (result) => callback(null, { jsonrpc: "2.0", id: payload.id, result }),
      (error) => callback(error),
    );
  }
}

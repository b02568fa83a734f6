import { createBlock, createBlockHeader, type Block } from "@ethereumjs/block";
import type { Common } from "@ethereumjs/common";
import type { EVMMockBlockchainInterface } from "@ethereumjs/evm";
import type { MerkleStateManager } from "@ethereumjs/statemanager";
import { Account, Address, bytesToHex, createAddressFromString, createZeroAddress, hexToBytes } from "@ethereumjs/util";
import { encodeReceipt, type VM } from "@ethereumjs/vm";
import type { FevmEVM } from "../evm/fevm-evm";
import { installGenesisActors } from "../actors/genesis";
import { setGenesisRootKey } from "../actors/verifreg/genesis";
import type { GenesisMinerOptions } from "../actors/miner/genesis";
import { createFevmCommon, sharedCommon } from "../evm/common";
import { atomically } from "./atomic";
import { runTxAllowingContractSender } from "./run-tx";
import { MINIMUM_BASE_FEE, nextBaseFee } from "./base-fee";
import { BlockStore, logFields, type BlockView, type MinedLog, type MinedTx, type RealBlock, type StoreSnapshot } from "./block-store";
import { EPOCH_DURATION_SECONDS, FILECOIN_BLOCK_GAS_LIMIT, epochAtOrAfter, epochsCovering, lastMinableEpoch, timestampOfEpoch } from "./epochs";
import { ChainLimitError, InvalidTransactionError } from "./errors";
import { Mempool } from "./mempool";
import { orderedTrieRoot } from "./ordered-trie";
import { effectiveGasPrice, type SenderTx } from "./transactions";
import { createFevmVM, createFevmVMAt, type FevmVM } from "./vm-factory";

/** Filecoin's block gas limit (lotus params_shared_vals.go BlockGasLimit). */

export interface ChainOptions {
  chainId: number;
  networkVersion: number;
  genesisTimestamp: bigint;
  /** Accounts funded at genesis. */
  genesisAccounts: { address: string; balance: bigint }[];
  /** Storage providers created at genesis (ids from 1000). */
  genesisMiners?: readonly GenesisMinerOptions[];
  /** Lifts the FEVM's 24 KiB runtime code limit (default false, as on chain). */
  allowUnlimitedContractSize?: boolean;
  /** The verified registry's root key, any address form (default t080). */
  verifregRootKey?: string;
}

/**
 * Work that happens as epochs pass (the simulated storage provider). It is told about every
 * stretch of mined epochs, bulk mining stops at the epoch it names so it can act there, and its
 * state is saved and restored with evm_snapshot / evm_revert like the chain's.
 */
export interface EpochListener {
  /** The first block after `latest` after which it wants to act, if any. */
  nextWake(latest: bigint): bigint | undefined;
  /** Blocks `from`..`to` were mined (`to` is now the latest). */
  afterEpochs(from: bigint, to: bigint): Promise<void>;
  save(): unknown;
  restore(saved: unknown): void;
}

/** Where state stands after a block (or after cheatcodes applied on top of it). */
interface StateCheckpoint {
  number: bigint;
  root: Uint8Array;
}

interface ChainSnapshot {
  store: StoreSnapshot;
  states: StateCheckpoint[];
  mempool: SenderTx[];
  pendingSeconds: bigint;
  timeOffset: bigint;
  nextTimestamp: bigint | undefined;
  nextBaseFeeOverride: bigint | undefined;
  coinbase: Address;
  prevRandao: Uint8Array;
  blockGasLimit: bigint;
  listeners: unknown[];
}

/** What a transaction offers to pay per gas at most, and as tip at most (legacy: its gas price for both). */
function feeCaps(tx: SenderTx["tx"]): { maxFee: bigint; tip: bigint } {
  if ("maxFeePerGas" in tx) return { maxFee: tx.maxFeePerGas, tip: tx.maxPriorityFeePerGas };
  const { gasPrice } = tx as { gasPrice: bigint };
  return { maxFee: gasPrice, tip: gasPrice };
}

/** Selects the epoch the next block lands on and what happens to a tx while mining. */
export interface MinedBlockResult {
  block: RealBlock;
  /** Txs that could not be included (nonce gaps, gas), left in the mempool. */
  skipped: number;
}

/**
 * The Filecoin chain as a sequence of epochs: one block per epoch, timestamps fixed to
 * genesis + 30 s × epoch, state in a Merkle trie so every past block stays readable.
 */
export class Chain {
  readonly blocks: BlockStore;
  readonly mempool = new Mempool();
  automine = true;
  /** Seconds added by evm_increaseTime that the next block has not consumed yet. */
  private pendingSeconds = 0n;
  /** Total seconds added by evm_increaseTime, reported back as Hardhat does. */
  timeOffset = 0n;
  nextTimestamp: bigint | undefined;
  nextBaseFeeOverride: bigint | undefined;
  coinbase: Address = createZeroAddress();
  prevRandao: Uint8Array = new Uint8Array(32);
  blockGasLimit = FILECOIN_BLOCK_GAS_LIMIT;
  private states: StateCheckpoint[];
  private readonly snapshots = new Map<number, ChainSnapshot>();
  private readonly listeners: EpochListener[] = [];
  private nextSnapshotId = 1;

  /** For building txs and headers (see sharedCommon); the VM keeps its own Common. */
  readonly common: Common;

  private constructor(
    vmCommon: Common,
    readonly genesisTimestamp: bigint,
    private readonly fevm: FevmVM,
    genesis: RealBlock,
    genesisRoot: Uint8Array,
  ) {
    this.common = sharedCommon(vmCommon);
    this.blocks = new BlockStore(genesis, nextBaseFee);
    this.states = [{ number: 0n, root: genesisRoot }];
  }

  static async create(opts: ChainOptions): Promise<Chain> {
    const common = createFevmCommon(opts.chainId, opts.networkVersion);
    let chain: Chain | undefined;
    const blockchain: EVMMockBlockchainInterface = {
      // BLOCKHASH: ethereumjs asks for a block object with hash().
      getBlock: async (n: number | bigint) => {
        const view = chain?.blockByNumber(BigInt(n));
        const hash = hexToBytes((view?.hash ?? bytesToHex(new Uint8Array(32))) as `0x${string}`);
        return { hash: () => hash } as unknown as Block;
      },
      putBlock: async () => {},
      shallowCopy() {
        return this;
      },
    };
    const fevm = await createFevmVM(common, opts.networkVersion, blockchain, {
      allowUnlimitedContractSize: opts.allowUnlimitedContractSize,
    });
    const accounts = opts.genesisAccounts.map((a) => createAddressFromString(a.address));
    for (const [i, { balance }] of opts.genesisAccounts.entries()) {
      await fevm.stateManager.putAccount(accounts[i], new Account(0n, balance));
    }
    await installGenesisActors(fevm.evm, accounts, opts.genesisMiners);
    if (opts.verifregRootKey !== undefined) await setGenesisRootKey(fevm.evm, opts.verifregRootKey);
    const root = await fevm.stateManager.getStateRoot();
    const header = createBlockHeader(
      {
        number: 0n,
        timestamp: opts.genesisTimestamp,
        gasLimit: FILECOIN_BLOCK_GAS_LIMIT,
        baseFeePerGas: MINIMUM_BASE_FEE,
        stateRoot: root,
      },
      { common, skipConsensusFormatValidation: true },
    );
    const genesis: RealBlock = { header, hash: bytesToHex(header.hash()), txs: [] };
    chain = new Chain(common, opts.genesisTimestamp, fevm, genesis, root);
    return chain;
  }

  get vm(): VM {
    return this.fevm.vm;
  }
  get evm(): FevmEVM {
    return this.fevm.evm;
  }
  get stateManager(): MerkleStateManager {
    return this.fevm.stateManager;
  }

  latestNumber(): bigint {
    return this.blocks.latest;
  }

  timestampOf = (epoch: bigint): bigint => timestampOfEpoch(this.genesisTimestamp, epoch);

  /** The last epoch this chain can mine (see lastMinableEpoch). */
  get lastEpoch(): bigint {
    return lastMinableEpoch(this.genesisTimestamp);
  }

  /** Refuses, before any change, a request whose blocks would land past lastEpoch. */
  private checkEpochLimit(epoch: bigint, what: string): void {
    if (epoch <= this.lastEpoch) return;
    throw new ChainLimitError(
      `${what} would reach epoch ${epoch}, past the last epoch this chain can mine (${this.lastEpoch}: epochs are int64 and timestamps uint64)`,
    );
  }

  blockByNumber(n: bigint): BlockView | undefined {
    return this.blocks.byNumber(n, this.timestampOf);
  }

  blockByHash(hash: string): BlockView | undefined {
    return this.blocks.byHashLookup(hash, this.timestampOf);
  }

  latestBlock(): BlockView {
    return this.blockByNumber(this.blocks.latest)!;
  }

  // ---------------------------------------------------------------- state by block

  /** State root after block n (including cheatcodes applied while n was the latest block). */
  stateRootAt(n: bigint): Uint8Array {
    let lo = 0;
    let hi = this.states.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.states[mid].number <= n) lo = mid;
      else hi = mid - 1;
    }
    return this.states[lo].root;
  }

  private currentRoot(): Uint8Array {
    return this.states[this.states.length - 1].root;
  }

  /**
   * Runs `fn` against the state after block n: the live VM when nothing changed since
   * (the common case), else a throwaway VM over the historical root.
   */
  async withStateAt<T>(n: bigint, fn: (fevm: FevmVM) => Promise<T>): Promise<T> {
    const root = this.stateRootAt(n);
    if (root === this.currentRoot()) return fn(this.fevm);
    return fn(await createFevmVMAt(this.fevm, root));
  }

  /** A throwaway VM over the state after block n, for re-executing history (traces). */
  async throwawayVmAt(n: bigint): Promise<FevmVM> {
    return createFevmVMAt(this.fevm, this.stateRootAt(n));
  }

  /**
   * Runs actor-level work outside any transaction (test-control operations such as publishing a
   * deal for a client, or activating it). They run at the head epoch, in the latest block's
   * context, because their state is recorded as that block's state (like other cheatcodes) and
   * `fevm_epoch` reports that block: an activation is never "in the future". State changes are
   * kept if `fn` succeeds and dropped if it throws; so are the events contracts emitted meanwhile
   * (a deal client's MarketNotifyDeal handler...), kept as a system message of the latest block.
   */
  async runAsSystem<T>(fn: (evm: FevmEVM) => Promise<T>): Promise<T> {
    const evm = this.evm as unknown as { _block?: Block; _tx?: { gasPrice: bigint; origin: Address } };
    evm._block = this.blockContext(this.latestNumber(), 0n);
    evm._tx = { gasPrice: 0n, origin: createZeroAddress() };
    // No transaction collects the events of the contracts the actors call: take them here.
    const logMark = this.evm.actorLogs.length;
    const result = await atomically(this.fevm, () => fn(this.evm));
    const logs = this.evm.actorLogs.splice(logMark);
    if (logs.length > 0) this.blocks.addSystemMessage(logs.map(logFields));
    await this.commitIrregularState();
    return result;
  }

  /** Records direct state edits (setBalance, setCode...) as the state of the latest block. */
  async commitIrregularState(): Promise<void> {
    const root = await this.stateManager.getStateRoot();
    const latest = this.blocks.latest;
    const last = this.states[this.states.length - 1];
    if (last.number === latest) last.root = root;
    else this.states.push({ number: latest, root });
  }

  // ---------------------------------------------------------------- time

  increaseTime(seconds: bigint): bigint {
    this.checkEpochLimit(this.blocks.latest + epochsCovering(this.pendingSeconds + seconds), `Increasing the time by ${seconds} seconds`);
    this.pendingSeconds += seconds;
    this.timeOffset += seconds;
    return this.timeOffset;
  }

  /** The epoch the next mined block lands on. */
  nextEpoch(): bigint {
    const latest = this.blocks.latest;
    if (this.nextTimestamp !== undefined) return epochAtOrAfter(this.genesisTimestamp, this.nextTimestamp);
    return latest + (this.pendingSeconds > 0n ? epochsCovering(this.pendingSeconds) : 1n);
  }

  /** The timestamp the time cheatcodes asked the next block to have (before epoch rounding). */
  requestedNextTimestamp(): bigint {
    if (this.nextTimestamp !== undefined) return this.nextTimestamp;
    return this.latestBlock().timestamp + (this.pendingSeconds > 0n ? this.pendingSeconds : EPOCH_DURATION_SECONDS);
  }

  setNextBlockTimestamp(timestamp: bigint): void {
    const latest = this.latestBlock();
    if (timestamp < latest.timestamp) {
      throw new InvalidTransactionError(`Timestamp ${timestamp} is lower than the previous block's timestamp ${latest.timestamp}`);
    }
    if (timestamp === latest.timestamp) {
      throw new InvalidTransactionError(
        `Timestamp ${timestamp} is equal to the previous block's timestamp: every Filecoin epoch comes ${EPOCH_DURATION_SECONDS} seconds after the previous one`,
      );
    }
    this.checkEpochLimit(epochAtOrAfter(this.genesisTimestamp, timestamp), `Timestamp ${timestamp}`);
    this.nextTimestamp = timestamp;
  }

  /** The base fee the next mined block will have (without building its header). */
  nextBlockBaseFee(): bigint {
    return this.nextBaseFeeOverride ?? nextBaseFee(this.latestBlock());
  }

  /** A header for running code "in the next block" (eth_call, eth_estimateGas at latest/pending). */
  pendingBlock(baseFeeOverride?: bigint): Block {
    const parent = this.latestBlock();
    const number = this.nextEpoch();
    return createBlock(
      {
        header: {
          number,
          timestamp: this.timestampOf(number),
          gasLimit: this.blockGasLimit,
          coinbase: this.coinbase,
          baseFeePerGas: baseFeeOverride ?? this.nextBlockBaseFee(),
          mixHash: this.prevRandao,
          parentHash: hexToBytes(parent.hash as `0x${string}`),
        },
      },
      { common: this.common, skipConsensusFormatValidation: true },
    );
  }

  /** The header of block n, for running code in its context. */
  blockContext(n: bigint, baseFeeOverride?: bigint): Block {
    const view = this.blockByNumber(n)!;
    return createBlock(
      {
        header: {
          number: view.number,
          timestamp: view.timestamp,
          gasLimit: view.gasLimit,
          coinbase: createAddressFromString(view.miner),
          baseFeePerGas: baseFeeOverride ?? view.baseFeePerGas,
          mixHash: hexToBytes(view.mixHash as `0x${string}`),
          parentHash: hexToBytes(view.parentHash as `0x${string}`),
        },
      },
      { common: this.common, skipConsensusFormatValidation: true },
    );
  }

  // ---------------------------------------------------------------- accounts

  async getAccount(address: Address): Promise<Account> {
    return (await this.stateManager.getAccount(address)) ?? new Account();
  }

  /** Nonce the sender's next transaction must carry, counting its queued transactions. */
  async pendingNonce(address: Address): Promise<bigint> {
    const account = await this.getAccount(address);
    return this.mempool.nextNonce(address.toString(), account.nonce);
  }

  /** Checks a transaction against the latest state the way Hardhat's network does before queueing it. */
  async validate(stx: SenderTx, { queueing }: { queueing: boolean }): Promise<void> {
    const { tx, from } = stx;
    const account = await this.getAccount(from);
    const expected = queueing ? account.nonce : await this.pendingNonce(from);
    const automineNote = queueing ? "" : " Note that transactions can't be queued when automining.";
    if (queueing && this.mempool.get(stx.hash)) throw new InvalidTransactionError(`Known transaction: ${stx.hash}`);
    if (tx.nonce < account.nonce) {
      throw new InvalidTransactionError(
        queueing
          ? `Transaction nonce too low. Expected nonce to be at least ${account.nonce} but got ${tx.nonce}.`
          : `Nonce too low. Expected nonce to be ${expected} but got ${tx.nonce}.${automineNote}`,
      );
    }
    if (queueing) this.checkReplacement(stx);
    if (!queueing && tx.nonce > expected) {
      throw new InvalidTransactionError(`Nonce too high. Expected nonce to be ${expected} but got ${tx.nonce}.${automineNote}`);
    }
    if (tx.gasLimit > this.blockGasLimit) {
      throw new InvalidTransactionError(
        `Transaction gas limit is ${tx.gasLimit} and exceeds block gas limit of ${this.blockGasLimit}`,
      );
    }
    const intrinsic = tx.getIntrinsicGas();
    if (tx.gasLimit < intrinsic) {
      throw new InvalidTransactionError(`Transaction requires at least ${intrinsic} gas but got ${tx.gasLimit}`);
    }
    const baseFee = this.nextBlockBaseFee();
    const { maxFee } = feeCaps(tx);
    if (maxFee < baseFee) {
      const field = "maxFeePerGas" in tx ? "maxFeePerGas" : "gasPrice";
      throw new InvalidTransactionError(
        `Transaction ${field} (${maxFee}) is too low for the next block, which has a baseFeePerGas of ${baseFee}`,
      );
    }
    // Hardhat checks the fee before the funds.
    const upfront = tx.getUpfrontCost();
    if (account.balance < upfront) {
      throw new InvalidTransactionError(
        `Sender doesn't have enough funds to send tx. The max upfront cost is: ${upfront} and the sender's balance is: ${account.balance}.`,
      );
    }
  }

  /**
   * A queued transaction with the same sender and nonce is replaced only by one paying at least
   * 10% more in both fee caps (Hardhat's rule and wording); mempool.add then drops the old one.
   */
  private checkReplacement(stx: SenderTx): void {
    const existing = this.mempool.withNonce(stx.from.toString(), stx.tx.nonce);
    if (!existing) return;
    const old = feeCaps(existing.tx);
    const offered = feeCaps(stx.tx);
    const underpriced = (field: string, minimum: bigint) =>
      new InvalidTransactionError(
        `Replacement transaction underpriced. A gasPrice/${field} of at least ${minimum} is necessary to replace the existing transaction with nonce ${stx.tx.nonce}.`,
      );
    const minFee = (old.maxFee * 110n) / 100n;
    if (offered.maxFee < minFee) throw underpriced("maxFeePerGas", minFee);
    const minTip = (old.tip * 110n) / 100n;
    if (offered.tip < minTip) throw underpriced("maxPriorityFeePerGas", minTip);
  }

  // ---------------------------------------------------------------- mining

  addEpochListener(listener: EpochListener): void {
    this.listeners.push(listener);
  }

  private async afterEpochs(from: bigint, to: bigint): Promise<void> {
    for (const l of this.listeners) await l.afterEpochs(from, to);
  }

  /** The earliest block after `latest` a listener wants to act after. */
  private nextWake(latest: bigint): bigint | undefined {
    let wake: bigint | undefined;
    for (const l of this.listeners) {
      const w = l.nextWake(latest);
      if (w !== undefined && (wake === undefined || w < wake)) wake = w;
    }
    return wake;
  }

  /**
   * Mines one block at the next epoch with the given transactions (in order). Invalid ones
   * (nonce not yet reachable, not enough gas left) are skipped and stay queued by the caller.
   */
  async mineBlock(txs: SenderTx[]): Promise<MinedBlockResult> {
    const number = this.nextEpoch();
    this.checkEpochLimit(number, "Mining a block");
    const parent = this.latestBlock();
    const baseFee = this.nextBlockBaseFee();
    const headerData = {
      number,
      timestamp: this.timestampOf(number),
      gasLimit: this.blockGasLimit,
      coinbase: this.coinbase,
      baseFeePerGas: baseFee,
      mixHash: this.prevRandao,
      parentHash: hexToBytes(parent.hash as `0x${string}`),
    };
    const context = createBlock({ header: headerData }, { common: this.common, skipConsensusFormatValidation: true });
    const mined: MinedTx[] = [];
    const receipts: Uint8Array[] = [];
    const bloom = new Uint8Array(256);
    let gasUsed = 0n;
    let logIndex = 0;
    let skipped = 0;
    // A block is mined whole or not at all: an internal error in any transaction leaves the state as it was.
    await atomically(this.fevm, async () => {
      for (const stx of txs) {
        const account = await this.getAccount(stx.from);
        if (stx.tx.nonce !== account.nonce || stx.tx.gasLimit > this.blockGasLimit - gasUsed) {
          skipped++;
          continue;
        }
        this.evm.takeConsoleLogs();
        this.evm.takeActorFailures();
        const result = await runTxAllowingContractSender(this.vm, { tx: stx.tx, block: context, blockGasUsed: gasUsed, skipHardForkValidation: true });
        gasUsed += result.totalGasSpent;
        const logs: MinedLog[] = (result.execResult.logs ?? []).map((l) => ({ ...logFields(l), logIndex: logIndex++ }));
        const bits = result.bloom.bitvector;
        for (let i = 0; i < 256; i++) bloom[i] |= bits[i];
        receipts.push(encodeReceipt(result.receipt, stx.tx.type));
        mined.push({
          tx: stx.tx,
          hash: stx.hash,
          from: stx.from.toString(),
          index: mined.length,
          status: result.execResult.exceptionError ? 0 : 1,
          gasUsed: result.totalGasSpent,
          cumulativeGasUsed: gasUsed,
          effectiveGasPrice: effectiveGasPrice(stx.tx, baseFee),
          contractAddress: result.createdAddress?.toString() ?? null,
          logs,
          logsBloom: bits,
          returnValue: result.execResult.returnValue,
          error: result.execResult.exceptionError?.error,
          consoleLogs: this.evm.takeConsoleLogs(),
          actorFailures: this.evm.takeActorFailures(),
        });
      }
    });
    const stateRoot = await this.stateManager.getStateRoot();
    const header = createBlockHeader(
      {
        ...headerData,
        stateRoot,
        gasUsed,
        logsBloom: bloom,
        transactionsTrie: orderedTrieRoot(mined.map((m) => m.tx.serialize())),
        receiptTrie: orderedTrieRoot(receipts),
      },
      { common: this.common, skipConsensusFormatValidation: true },
    );
    const block: RealBlock = { header, hash: bytesToHex(header.hash()), txs: mined };
    this.blocks.add(block);
    this.states.push({ number, root: stateRoot });
    this.pendingSeconds = 0n;
    this.nextTimestamp = undefined;
    this.nextBaseFeeOverride = undefined;
    return { block, skipped };
  }

  /**
   * Mines `count` blocks `interval` seconds apart; empty ones cost nothing (nothing is stored).
   * The run stops at each block an epoch listener wants to act after, then goes on.
   */
  async mineEmpty(count: bigint, intervalSeconds = 1n): Promise<void> {
    if (count <= 0n) return;
    const step = epochsCovering(intervalSeconds);
    // An upper bound of where the last block lands (mining the mempool first only lands earlier).
    this.checkEpochLimit(this.nextEpoch() + (count - 1n) * step, `Mining ${count} blocks`);
    if (this.mempool.size > 0 || this.nextBaseFeeOverride !== undefined) {
      await this.mineFromMempool();
      count -= 1n;
    }
    if (count <= 0n) return;
    const first = this.nextEpoch();
    const last = first + (count - 1n) * step;
    for (let at = first; at <= last; ) {
      const wake = this.nextWake(at - 1n);
      // The first block of the run at or after the wake (blocks are `step` epochs apart).
      const stop = wake === undefined || wake >= last ? last : wake <= at ? at : at + ((wake - at + step - 1n) / step) * step;
      const before = this.blocks.latest;
      this.blocks.advanceTo(stop);
      this.pendingSeconds = 0n;
      this.nextTimestamp = undefined;
      await this.afterEpochs(before + 1n, stop);
      at = stop + step;
    }
  }

  /** Mines one block with as many queued txs as fit (by fee, then arrival). */
  async mineFromMempool(): Promise<MinedBlockResult> {
    const before = this.blocks.latest;
    const result = await this.mineQueued();
    await this.afterEpochs(before + 1n, this.blocks.latest);
    return result;
  }

  private async mineQueued(): Promise<MinedBlockResult> {
    const candidates = this.mempool.ordered(this.nextBlockBaseFee());
    const result = await this.mineBlock(candidates);
    for (const tx of result.block.txs) this.mempool.remove(tx.hash);
    return result;
  }

  /** The block that mining now would produce (eth_getBlockByNumber("pending")), built and undone. */
  async pendingBlockView(): Promise<BlockView> {
    const id = await this.snapshot();
    try {
      await this.mineQueued();
      return this.latestBlock();
    } finally {
      await this.revert(id);
    }
  }

  // ---------------------------------------------------------------- snapshots (EDR semantics)

  async snapshot(): Promise<number> {
    const id = this.nextSnapshotId++;
    this.snapshots.set(id, {
      store: this.blocks.snapshot(),
      states: this.states.map((s) => ({ ...s })),
      mempool: this.mempool.all(),
      pendingSeconds: this.pendingSeconds,
      timeOffset: this.timeOffset,
      nextTimestamp: this.nextTimestamp,
      nextBaseFeeOverride: this.nextBaseFeeOverride,
      coinbase: this.coinbase,
      prevRandao: this.prevRandao,
      blockGasLimit: this.blockGasLimit,
      listeners: this.listeners.map((l) => l.save()),
    });
    return id;
  }

  /**
   * Restores snapshot `id`; it and every later snapshot are consumed. Unknown id → false, but
   * (as on Hardhat's network) the snapshots taken after it are dropped all the same.
   */
  async revert(id: number): Promise<boolean> {
    const s = this.snapshots.get(id);
    for (const key of [...this.snapshots.keys()]) if (key >= id) this.snapshots.delete(key);
    if (!s) return false;
    this.blocks.restore(s.store);
    this.states = s.states;
    await this.stateManager.setStateRoot(this.currentRoot(), true);
    this.mempool.replace(s.mempool);
    this.pendingSeconds = s.pendingSeconds;
    this.timeOffset = s.timeOffset;
    this.nextTimestamp = s.nextTimestamp;
    this.nextBaseFeeOverride = s.nextBaseFeeOverride;
    this.coinbase = s.coinbase;
    this.prevRandao = s.prevRandao;
    this.blockGasLimit = s.blockGasLimit;
    this.listeners.forEach((l, i) => i < s.listeners.length && l.restore(s.listeners[i]));
    return true;
  }
}


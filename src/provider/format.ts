import type { TypedTransaction } from "@ethereumjs/tx";
import { bytesToHex, hexToBytes } from "@ethereumjs/util";
import { Bloom } from "@ethereumjs/vm";
import type { BlockView, MinedLog, MinedTx, SystemMessage } from "../chain/block-store";
import { maskedIdAddress } from "../fil";
import { SingletonId } from "../actors/singletons";

/** JSON shapes identical to Hardhat's network (EDR): quantities are minimal hex, data is 0x bytes. */
export function hexQuantity(n: bigint | number): string {
  return `0x${n.toString(16)}`;
}

const EMPTY_TRIE_ROOT = "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";
const EMPTY_UNCLES_HASH = "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";
const EMPTY_REQUESTS_HASH = "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const ZERO_HASH = `0x${"00".repeat(32)}`;

export interface TxLocation {
  blockHash: string;
  blockNumber: bigint;
  index: number;
  baseFee: bigint;
}

export function formatTransaction(tx: TypedTransaction, hash: string, from: string, at: TxLocation | null): Record<string, unknown> {
  const t = tx as TypedTransaction & { gasPrice?: bigint; maxFeePerGas?: bigint; maxPriorityFeePerGas?: bigint; chainId?: bigint };
  const isLegacy = t.maxFeePerGas === undefined;
  const gasPrice = isLegacy
    ? t.gasPrice!
    : at
      ? at.baseFee + (t.maxPriorityFeePerGas! < t.maxFeePerGas! - at.baseFee ? t.maxPriorityFeePerGas! : t.maxFeePerGas! - at.baseFee)
      : t.maxFeePerGas!;
  const json: Record<string, unknown> = {
    hash,
    nonce: hexQuantity(tx.nonce),
    blockHash: at ? at.blockHash : null,
    blockNumber: at ? hexQuantity(at.blockNumber) : null,
    transactionIndex: at ? hexQuantity(at.index) : null,
    from,
    to: tx.to ? tx.to.toString() : null,
    value: hexQuantity(tx.value),
    gasPrice: hexQuantity(gasPrice),
    gas: hexQuantity(tx.gasLimit),
    input: bytesToHex(tx.data),
  };
  // Hardhat's network lists chainId for typed transactions only (not for EIP-155 legacy ones).
  if (!isLegacy) json.chainId = hexQuantity(t.chainId!);
  json.type = hexQuantity(tx.type);
  if (!isLegacy) {
    json.accessList = [];
    json.maxFeePerGas = hexQuantity(t.maxFeePerGas!);
    json.maxPriorityFeePerGas = hexQuantity(t.maxPriorityFeePerGas!);
  }
  json.v = hexQuantity(tx.v ?? 0n);
  json.r = hexQuantity(tx.r ?? 0n);
  json.s = hexQuantity(tx.s ?? 0n);
  return json;
}

export function formatLog(log: MinedLog, tx: Pick<MinedTx, "hash" | "index">, block: { hash: string; number: bigint }): Record<string, unknown> {
  return {
    address: log.address,
    topics: log.topics,
    data: log.data,
    transactionHash: tx.hash,
    blockHash: block.hash,
    blockNumber: hexQuantity(block.number),
    logIndex: hexQuantity(log.logIndex),
    transactionIndex: hexQuantity(tx.index),
    removed: false,
  };
}

export function formatReceipt(tx: MinedTx, block: { hash: string; number: bigint }): Record<string, unknown> {
  return {
    blockHash: block.hash,
    blockNumber: hexQuantity(block.number),
    transactionHash: tx.hash,
    transactionIndex: hexQuantity(tx.index),
    type: hexQuantity(tx.tx.type),
    from: tx.from,
    to: tx.tx.to ? tx.tx.to.toString() : null,
    cumulativeGasUsed: hexQuantity(tx.cumulativeGasUsed),
    gasUsed: hexQuantity(tx.gasUsed),
    contractAddress: tx.contractAddress,
    logs: tx.logs.map((l) => formatLog(l, tx, block)),
    logsBloom: bytesToHex(tx.logsBloom),
    status: hexQuantity(tx.status),
    effectiveGasPrice: hexQuantity(tx.effectiveGasPrice),
  };
}

/**
 * A system message as a native Filecoin message looks through Lotus's Ethereum API (an EIP-1559
 * transaction between masked id addresses). The simulator runs it as the system actor (f00),
 * without gas, so that is its sender and receiver; its calldata is not recorded.
 */
const SYSTEM_ACTOR = maskedIdAddress(BigInt(SingletonId.System));

export function formatSystemTransaction(m: SystemMessage, blockHash: string, chainId: number): Record<string, unknown> {
  return {
    hash: m.hash,
    nonce: "0x0",
    blockHash,
    blockNumber: hexQuantity(m.blockNumber),
    transactionIndex: hexQuantity(m.index),
    from: SYSTEM_ACTOR,
    to: SYSTEM_ACTOR,
    value: "0x0",
    gasPrice: "0x0",
    gas: "0x0",
    input: "0x",
    chainId: hexQuantity(chainId),
    type: "0x2",
    accessList: [],
    maxFeePerGas: "0x0",
    maxPriorityFeePerGas: "0x0",
    v: "0x0",
    r: "0x0",
    s: "0x0",
  };
}

/** The bloom of a receipt's logs (its addresses and topics). */
function logsBloom(logs: MinedLog[]): Uint8Array {
  const bloom = new Bloom();
  for (const log of logs) for (const item of [log.address, ...log.topics]) bloom.add(hexToBytes(item as `0x${string}`));
  return bloom.bitvector;
}

export function formatSystemReceipt(m: SystemMessage, blockHash: string): Record<string, unknown> {
  const block = { hash: blockHash, number: m.blockNumber };
  return {
    blockHash,
    blockNumber: hexQuantity(m.blockNumber),
    transactionHash: m.hash,
    transactionIndex: hexQuantity(m.index),
    type: "0x2",
    from: SYSTEM_ACTOR,
    to: SYSTEM_ACTOR,
    cumulativeGasUsed: "0x0",
    gasUsed: "0x0",
    contractAddress: null,
    logs: m.logs.map((l) => formatLog(l, m, block)),
    logsBloom: bytesToHex(logsBloom(m.logs)),
    status: "0x1",
    effectiveGasPrice: "0x0",
  };
}

/** A pending block has no number, mix hash or nonce yet (as Hardhat's network answers). */
export function formatBlock(block: BlockView, fullTransactions: boolean, pending = false): Record<string, unknown> {
  const location = (i: number): TxLocation => ({ blockHash: block.hash, blockNumber: block.number, index: i, baseFee: block.baseFeePerGas });
  return {
    hash: block.hash,
    parentHash: block.parentHash,
    sha3Uncles: EMPTY_UNCLES_HASH,
    stateRoot: block.stateRoot,
    transactionsRoot: block.transactionsRoot,
    receiptsRoot: block.receiptsRoot,
    number: pending ? null : hexQuantity(block.number),
    gasUsed: hexQuantity(block.gasUsed),
    gasLimit: hexQuantity(block.gasLimit),
    extraData: block.extraData,
    logsBloom: block.logsBloom,
    timestamp: hexQuantity(block.timestamp),
    difficulty: "0x0",
    totalDifficulty: "0x0",
    uncles: [],
    // A pending block's transactions are still pending: no block hash, number or index (as on Hardhat's network).
    transactions: block.txs.map((t, i) => (fullTransactions ? formatTransaction(t.tx, t.hash, t.from, pending ? null : location(i)) : t.hash)),
    size: hexQuantity(block.size),
    mixHash: pending ? null : block.mixHash,
    nonce: pending ? null : "0x0000000000000000",
    baseFeePerGas: hexQuantity(block.baseFeePerGas),
    miner: block.miner,
    withdrawals: [],
    withdrawalsRoot: EMPTY_TRIE_ROOT,
    blobGasUsed: "0x0",
    excessBlobGas: "0x0",
    parentBeaconBlockRoot: ZERO_HASH,
    requestsHash: EMPTY_REQUESTS_HASH,
  };
}

import type { Common } from "@ethereumjs/common";
import {
  createFeeMarket1559Tx,
  createLegacyTx,
  createTxFromRLP,
  TransactionType,
  type TypedTransaction,
} from "@ethereumjs/tx";
import { Address, bytesToHex, hexToBytes } from "@ethereumjs/util";

/** A transaction as the provider receives it (eth_sendTransaction / eth_call / eth_estimateGas). */
export interface TxRequest {
  from: Address;
  to?: Address;
  gas: bigint;
  value: bigint;
  data: Uint8Array;
  nonce: bigint;
  /** Legacy pricing when set; otherwise EIP-1559 fields. */
  gasPrice?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
}

/** A transaction plus the sender we know it comes from. */
export interface SenderTx {
  tx: TypedTransaction;
  from: Address;
  hash: string;
}

/**
 * Builds a transaction for an owned or impersonated sender without ECDSA-signing it (3 ms per
 * signature in JS would dominate test time): the signature fields are placeholders that make the
 * hash unique, and the sender is fixed. Hardhat's own backend did the same ("fake sender" txs).
 */
export function fakeSignedTx(request: TxRequest, common: Common): SenderTx {
  const base = {
    to: request.to,
    gasLimit: request.gas,
    value: request.value,
    data: request.data,
    nonce: request.nonce,
    r: request.from.bytes,
    s: 1n,
  };
  const tx =
    request.gasPrice !== undefined
      ? createLegacyTx({ ...base, gasPrice: request.gasPrice, v: 27n }, { common, freeze: false })
      : createFeeMarket1559Tx(
          {
            ...base,
            maxFeePerGas: request.maxFeePerGas,
            maxPriorityFeePerGas: request.maxPriorityFeePerGas,
            v: 0n,
            chainId: common.chainId(),
          },
          { common, freeze: false },
        );
  const from = request.from;
  tx.getSenderAddress = () => from;
  return { tx, from, hash: bytesToHex(tx.hash()) };
}

/** Transaction types the FEVM accepts (spec fevm-semantics §0: no 2930, 4844 or 7702). */
const FEVM_TX_TYPES = new Set<number>([TransactionType.Legacy, TransactionType.FeeMarketEIP1559]);

export class InvalidRawTransactionError extends Error {}

/** Decodes and recovers a signed raw transaction once; its sender is cached on the object. */
export function decodeRawTx(raw: string, common: Common): SenderTx {
  let tx: TypedTransaction;
  try {
    tx = createTxFromRLP(hexToBytes(raw as `0x${string}`), { common });
  } catch (e) {
    throw new InvalidRawTransactionError(`Invalid raw transaction: ${(e as Error).message}`);
  }
  if (!FEVM_TX_TYPES.has(tx.type)) {
    throw new InvalidRawTransactionError(
      `Transaction type ${tx.type} is not supported by the FEVM: send a legacy (type 0) or EIP-1559 (type 2) transaction`,
    );
  }
  if (!tx.isSigned()) throw new InvalidRawTransactionError("Raw transaction is not signed");
  let from: Address;
  try {
    from = tx.getSenderAddress();
  } catch (e) {
    throw new InvalidRawTransactionError(`Invalid transaction signature: ${(e as Error).message}`);
  }
  const fixed = from;
  tx.getSenderAddress = () => fixed;
  return { tx, from, hash: bytesToHex(tx.hash()) };
}

/** Gas price actually paid per unit of gas. */
export function effectiveGasPrice(tx: TypedTransaction, baseFee: bigint): bigint {
  if ("maxFeePerGas" in tx) {
    const tip = tx.maxPriorityFeePerGas < tx.maxFeePerGas - baseFee ? tx.maxPriorityFeePerGas : tx.maxFeePerGas - baseFee;
    return baseFee + tip;
  }
  return (tx as { gasPrice: bigint }).gasPrice;
}

export { Address };

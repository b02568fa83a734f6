import type { Common } from "@ethereumjs/common";
import {
  createFeeMarket1559Tx,
  createLegacyTx,
  createTxFromRLP,
  TransactionType,
  type TypedTransaction,
} from "@ethereumjs/tx";
import { RLP } from "@ethereumjs/rlp";
import { Address, bytesToBigInt, bytesToHex, hexToBytes } from "@ethereumjs/util";
import { InvalidTransactionError } from "./errors";

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

/** The transaction a request describes, with placeholder signature fields (r = sender, s = 1). */
function buildTx(request: TxRequest, common: Common): TypedTransaction {
  const base = {
    to: request.to,
    gasLimit: request.gas,
    value: request.value,
    data: request.data,
    nonce: request.nonce,
    r: request.from.bytes,
    s: 1n,
  };
  try {
    return request.gasPrice !== undefined
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
  } catch (e) {
    // ethereumjs refuses out-of-range fields (e.g. gas × maxFeePerGas above 2^256); keep its reason, not its dump of the tx.
    throw new InvalidTransactionError(`Invalid transaction: ${(e as Error).message.replace(/ \(tx type=[\s\S]*$/, "")}`);
  }
}

function withSender(tx: TypedTransaction, from: Address): SenderTx {
  tx.getSenderAddress = () => from;
  return { tx, from, hash: bytesToHex(tx.hash()) };
}

/**
 * A transaction from an impersonated sender, which has no key: the signature fields are
 * placeholders that make the hash unique, and the sender is fixed (as Hardhat's network does).
 */
export function fakeSignedTx(request: TxRequest, common: Common): SenderTx {
  return withSender(buildTx(request, common), request.from);
}

/** A transaction for eth_call / eth_estimateGas: never mined, so it needs no hash. */
export function callTx(request: TxRequest, common: Common): TypedTransaction {
  const tx = buildTx(request, common);
  tx.getSenderAddress = () => request.from;
  return tx;
}

/**
 * A transaction from an owned account, really signed (about 1 ms) so that its hash and v/r/s are
 * what a wallet would produce and tools can recover the sender; recovery itself is skipped.
 */
export function signedTx(request: TxRequest, common: Common, privateKey: Uint8Array): SenderTx {
  return withSender(buildTx(request, common).sign(privateKey), request.from);
}

/** Transaction types the FEVM accepts (spec fevm-semantics §0: no 2930, 4844 or 7702). */
const FEVM_TX_TYPES = new Set<number>([TransactionType.Legacy, TransactionType.FeeMarketEIP1559]);
const KNOWN_TX_TYPES = new Set<number>(Object.values(TransactionType));

export class InvalidRawTransactionError extends Error {}

/** Decodes and recovers a signed raw transaction once; its sender is cached on the object. */
export function decodeRawTx(raw: string, common: Common): SenderTx {
  const bytes = hexToBytes(raw as `0x${string}`);
  // A typed transaction starts with its type byte, a legacy one with an RLP list (≥ 0xc0).
  const type = bytes.length > 0 && bytes[0] <= 0x7f ? bytes[0] : TransactionType.Legacy;
  if (KNOWN_TX_TYPES.has(type) && !FEVM_TX_TYPES.has(type)) {
    throw new InvalidRawTransactionError(
      `Transaction type ${type} is not supported by the FEVM: send a legacy (type 0) or EIP-1559 (type 2) transaction`,
    );
  }
  rejectOtherChain(bytes, type, common.chainId());
  let tx: TypedTransaction;
  try {
    // Not frozen: the recovered sender is pinned on the object below.
    tx = createTxFromRLP(bytes, { common, freeze: false });
  } catch (e) {
    throw new InvalidRawTransactionError(`Invalid raw transaction: ${(e as Error).message}`);
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

/**
 * Refuses a transaction signed for another chain with Hardhat's wording (ethereumjs would only
 * say its Common does not match). Malformed RLP is left for the decoder to report.
 */
function rejectOtherChain(bytes: Uint8Array, type: number, chainId: bigint): void {
  let fields: unknown;
  try {
    fields = RLP.decode(type === TransactionType.Legacy ? bytes : bytes.subarray(1));
  } catch {
    return;
  }
  if (!Array.isArray(fields) || !(fields[0] instanceof Uint8Array)) return;
  if (type !== TransactionType.Legacy) {
    if (bytesToBigInt(fields[0]) !== chainId) {
      throw new InvalidRawTransactionError(`Trying to send a raw transaction with an invalid chainId. The expected chainId is ${chainId}`);
    }
    return;
  }
  // EIP-155: v = chainId × 2 + 35 or 36; v = 27/28 is a pre-EIP-155 signature valid on any chain.
  const v = fields[6] instanceof Uint8Array ? bytesToBigInt(fields[6]) : 0n;
  if (v >= 35n && (v - 35n) / 2n !== chainId) {
    throw new InvalidRawTransactionError("Trying to send an incompatible EIP-155 transaction, signed for another chain.");
  }
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

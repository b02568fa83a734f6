import { createZeroAddress } from "@ethereumjs/util";
import type { Chain } from "../chain/chain";
import { nextBaseFee } from "../chain/base-fee";
import type { TxRequest } from "../chain/transactions";
import { invalidParams } from "./errors";
import * as p from "./params";

/** Tip used when a request names none (Lotus answers a gas-premium estimate; we use a fixed one). */
export const DEFAULT_PRIORITY_FEE = 1_000_000_000n;

interface ParsedFields {
  from?: ReturnType<typeof p.address>;
  to?: ReturnType<typeof p.address>;
  gas?: bigint;
  gasPrice?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
  value: bigint;
  data: Uint8Array;
  nonce?: bigint;
}

/** Reads a JSON transaction object (eth_sendTransaction, eth_call, eth_estimateGas). */
export function parseTxObject(value: unknown, name: string): ParsedFields {
  const o = p.object(value, name);
  if (o.data !== undefined && o.input !== undefined && o.data !== o.input) {
    throw invalidParams(`Errors encountered in param ${name}: "data" and "input" are both set and differ; send only one`);
  }
  const input = o.input ?? o.data;
  const fields: ParsedFields = {
    from: o.from === undefined ? undefined : p.address(o.from, `${name}.from`),
    to: o.to === undefined || o.to === null ? undefined : p.address(o.to, `${name}.to`),
    gas: optionalUint(o.gas, `${name}.gas`, 64),
    gasPrice: optionalUint(o.gasPrice, `${name}.gasPrice`, 256),
    maxFeePerGas: optionalUint(o.maxFeePerGas, `${name}.maxFeePerGas`, 256),
    maxPriorityFeePerGas: optionalUint(o.maxPriorityFeePerGas, `${name}.maxPriorityFeePerGas`, 256),
    value: optionalUint(o.value, `${name}.value`, 256) ?? 0n,
    data: input === undefined || input === null ? new Uint8Array() : p.data(input, `${name}.data`),
    nonce: optionalUint(o.nonce, `${name}.nonce`, 64),
  };
  if (fields.gasPrice !== undefined && (fields.maxFeePerGas !== undefined || fields.maxPriorityFeePerGas !== undefined)) {
    throw invalidParams(`Errors encountered in param ${name}: cannot send both gasPrice and maxFeePerGas/maxPriorityFeePerGas`);
  }
  if (o.type !== undefined) {
    const type = p.quantity(o.type, `${name}.type`);
    if (type !== 0n && type !== 2n) {
      throw invalidParams(`Errors encountered in param ${name}: transaction type ${type} is not supported by the FEVM (use type 0 or 2)`);
    }
  }
  return fields;
}

function optionalUint(value: unknown, name: string, bits: 64 | 256): bigint | undefined {
  return value === undefined || value === null ? undefined : p.uint(value, name, bits);
}

/** Fills what the request left out the way Hardhat's network does. */
export async function completeTxRequest(chain: Chain, f: ParsedFields, opts: { forCall: boolean }): Promise<TxRequest> {
  const from = f.from ?? createZeroAddress();
  const gas = f.gas ?? chain.blockGasLimit;
  const base = { from, to: f.to, gas, value: f.value, data: f.data };
  const nonce = f.nonce ?? (opts.forCall ? (await chain.getAccount(from)).nonce : await chain.pendingNonce(from));
  if (f.gasPrice !== undefined) return { ...base, nonce, gasPrice: f.gasPrice };
  if (opts.forCall && f.maxFeePerGas === undefined && f.maxPriorityFeePerGas === undefined) return { ...base, nonce };
  const maxFeePerGas = f.maxFeePerGas ?? 2n * nextBaseFee(chain.latestBlock()) + (f.maxPriorityFeePerGas ?? DEFAULT_PRIORITY_FEE);
  const tip = f.maxPriorityFeePerGas ?? (DEFAULT_PRIORITY_FEE < maxFeePerGas ? DEFAULT_PRIORITY_FEE : maxFeePerGas);
  return { ...base, nonce, maxFeePerGas, maxPriorityFeePerGas: tip };
}

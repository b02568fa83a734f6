import type { EIP1193Provider } from "hardhat/types";
import { wire } from "./wire";

/** hre.fevm.epoch(): the current epoch (= block number). */
export async function epoch(provider: EIP1193Provider): Promise<bigint> {
  return BigInt((await provider.request({ method: "fevm_epoch" })) as string);
}

/** hre.fevm.mineEpochs(n): advances n epochs of 30 s; returns the new epoch. */
export async function mineEpochs(provider: EIP1193Provider, n: bigint | number): Promise<bigint> {
  return BigInt((await provider.request({ method: "fevm_mineEpochs", params: [wire(n)] })) as string);
}

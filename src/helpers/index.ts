import type { EIP1193Provider } from "hardhat/types";
import { epoch, mineEpochs } from "./epochs";

/** `hre.fevm`: each call is a thin wrapper over one fevm_* JSON-RPC method of the current network. */
export interface FevmRuntimeHelpers {
  epoch(): Promise<bigint>;
  mineEpochs(n: bigint | number): Promise<bigint>;
}

export function createFevmHelpers(provider: () => EIP1193Provider): FevmRuntimeHelpers {
  return {
    epoch: () => epoch(provider()),
    mineEpochs: (n) => mineEpochs(provider(), n),
  };
}

import type { EIP1193Provider } from "hardhat/types";
import { createAddressHelpers, type FevmAddressHelpers } from "./address";
import { epoch, mineEpochs } from "./epochs";
import { createMarketHelpers, type FevmMarketHelpers } from "./market";
import { createMinerHelpers, type FevmMinerHelpers } from "./miners";
import { createPieceHelpers, type FevmPieceHelpers } from "./piece";
import { createDataCapHelpers, createVerifRegHelpers, type FevmDataCapHelpers, type FevmVerifRegHelpers } from "./verifreg";
import { createStorageProviderHelpers, type FevmStorageProviderHelpers } from "./storage-provider";

/** `hre.fevm`: each call is a thin wrapper over one fevm_* JSON-RPC method of the current network. */
export interface FevmRuntimeHelpers {
  epoch(): Promise<bigint>;
  mineEpochs(n: bigint | number): Promise<bigint>;
  address: FevmAddressHelpers;
  market: FevmMarketHelpers;
  miners: FevmMinerHelpers;
  piece: FevmPieceHelpers;
  verifreg: FevmVerifRegHelpers;
  datacap: FevmDataCapHelpers;
  storageProvider: FevmStorageProviderHelpers;
}

export function createFevmHelpers(provider: () => EIP1193Provider): FevmRuntimeHelpers {
  return {
    epoch: () => epoch(provider()),
    mineEpochs: (n) => mineEpochs(provider(), n),
    address: createAddressHelpers(provider),
    market: createMarketHelpers(provider),
    miners: createMinerHelpers(provider),
    piece: createPieceHelpers(provider),
    verifreg: createVerifRegHelpers(provider),
    datacap: createDataCapHelpers(provider),
    storageProvider: createStorageProviderHelpers(provider),
  };
}

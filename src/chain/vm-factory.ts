import type { Common } from "@ethereumjs/common";
import { NobleBN254, type EVMMockBlockchainInterface } from "@ethereumjs/evm";
import { Caches, MerkleStateManager } from "@ethereumjs/statemanager";
import { createVM, type VM } from "@ethereumjs/vm";
import { FevmEVM } from "../evm/fevm-evm";
import { fevmOpcodes } from "../evm/opcodes";
import { fevmPrecompiles } from "../evm/precompiles";

export interface FevmVM {
  vm: VM;
  evm: FevmEVM;
  stateManager: MerkleStateManager;
}

export interface FevmVMOptions {
  stateManager?: MerkleStateManager;
  /** Lifts the FEVM's 24 KiB runtime code limit (Hardhat's `allowUnlimitedContractSize`). */
  allowUnlimitedContractSize?: boolean;
}

/** Builds VM + FEVM + state manager. Our own factory because vm.shallowCopy() drops the EVM subclass. */
export async function createFevmVM(
  common: Common,
  networkVersion: number,
  blockchain: EVMMockBlockchainInterface,
  {
    stateManager = new MerkleStateManager({ common, caches: new Caches() }),
    allowUnlimitedContractSize = false,
  }: FevmVMOptions = {},
): Promise<FevmVM> {
  const evm = new FevmEVM({
    common,
    networkVersion,
    stateManager,
    blockchain,
    bn254: new NobleBN254(),
    // The FEVM has no EIP-3860 initcode limit (messages are capped at 64 KiB by Lotus instead).
    allowUnlimitedInitCodeSize: true,
    allowUnlimitedContractSize,
    customOpcodes: fevmOpcodes(common, networkVersion),
    customPrecompiles: fevmPrecompiles(networkVersion),
  });
  const vm = await createVM({ common, stateManager, evm });
  return { vm, evm, stateManager };
}

/** A VM over the state at `stateRoot` that shares the trie database but none of the caches. */
export async function createFevmVMAt(base: FevmVM, stateRoot: Uint8Array): Promise<FevmVM> {
  const copy = base.stateManager.shallowCopy(false);
  await copy.setStateRoot(stateRoot, true);
  return createFevmVM(base.vm.common, base.evm.networkVersion, base.evm.blockchain, {
    stateManager: copy,
    allowUnlimitedContractSize: base.evm.allowUnlimitedContractSize,
  });
}

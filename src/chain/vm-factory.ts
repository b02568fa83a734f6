import type { Common } from "@ethereumjs/common";
import { NobleBN254, type EVMMockBlockchainInterface } from "@ethereumjs/evm";
import { MerklePatriciaTrie } from "@ethereumjs/mpt";
import { Caches, MerkleStateManager } from "@ethereumjs/statemanager";
import { MapDB, ValueEncoding } from "@ethereumjs/util";
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

/**
 * The state trie, as ethereumjs' state manager makes it, but storing trie nodes as bytes. Left to
 * itself the state manager's trie keeps bytes while every storage trie and every historical copy
 * (shallow copies inherit the trie's options, whose default encoding is hex strings) converts each
 * node to hex on write and back on read: ~2% of a transaction's CPU, and twice the memory per node.
 */
function stateTrie(common: Common): MerklePatriciaTrie {
  return new MerklePatriciaTrie({ useKeyHashing: true, common, db: new MapDB(), valueEncoding: ValueEncoding.Bytes });
}

/** Builds VM + FEVM + state manager. Our own factory because vm.shallowCopy() drops the EVM subclass. */
export async function createFevmVM(
  common: Common,
  networkVersion: number,
  blockchain: EVMMockBlockchainInterface,
  {
    stateManager = new MerkleStateManager({ common, caches: new Caches(), trie: stateTrie(common) }),
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

import { bytesToBigInt } from "@ethereumjs/util";
import type { AddOpcode, BaseOpcodes, OpLogic } from "./base-table";
import { beaconDigest, DomainSeparationTag, drawRandomness } from "./beacon";
import { FILECOIN_BLOCK_GAS_LIMIT } from "../../chain/epochs";

const COINBASE = 0x41;
const PREVRANDAO = 0x44;
const GASLIMIT = 0x45;

/** What GASLIMIT always reads on Filecoin: the block gas limit (builtin-actors instructions/context.rs). */
const FEVM_GAS_LIMIT = FILECOIN_BLOCK_GAS_LIMIT;

const PREVRANDAO_ENTROPY = new TextEncoder().encode("prevrandao");

/**
 * PREVRANDAO at an epoch: randomness drawn from that epoch's own beacon (not the previous one's)
 * with tag EvmPrevRandao and entropy "prevrandao" (builtin-actors interpreter/system.rs).
 */
export function prevRandao(epoch: bigint): Uint8Array {
  return drawRandomness(DomainSeparationTag.EvmPrevRandao, beaconDigest(epoch), epoch, PREVRANDAO_ENTROPY);
}

const pushConstant =
  (value: bigint): OpLogic =>
  (runState) => {
    runState.stack.push(value);
  };

/**
 * Block context as the FEVM reports it, whatever the header says: COINBASE is 0 (there is no
 * single block producer in a tipset), GASLIMIT the constant 10B, PREVRANDAO drawn from the beacon.
 */
export function environmentOpcodes(base: BaseOpcodes): AddOpcode[] {
  return [
    base.replace(COINBASE, pushConstant(0n)),
    base.replace(GASLIMIT, pushConstant(FEVM_GAS_LIMIT)),
    base.replace(PREVRANDAO, (runState) => {
      runState.stack.push(bytesToBigInt(prevRandao(runState.interpreter.getBlockNumber())));
    }),
  ];
}

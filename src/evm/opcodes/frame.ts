import { Account, Address, bigIntToAddressBytes, bytesToBigInt } from "@ethereumjs/util";
import type { ActorRecord } from "../../actors/registry";
import type { FevmEVM } from "../fevm-evm";
import type { RunState } from "./base-table";

/** The FEVM running this frame (its actor registry, network version, epoch). */
export function fevmOf(runState: RunState): FevmEVM {
  return runState.interpreter._evm as FevmEVM;
}

const ADDRESS_MASK = (1n << 160n) - 1n;

/** A stack word as the 20-byte address the EVM uses (the high 96 bits are ignored, as in Ethereum). */
export function addressFromWord(word: bigint): Address {
  return new Address(bigIntToAddressBytes(word & ADDRESS_MASK));
}

/** Top 12 bytes of a masked-id address: 0xff and 11 zero bytes (builtin-actors evm/shared address.rs). */
const MASKED_ID_PREFIX = 0xffn << 88n;
const ID_MASK = (1n << 64n) - 1n;

/** The actor id of a masked-id address given as a stack word, undefined for any other address. */
export function maskedIdOfWord(word: bigint): bigint | undefined {
  const address = word & ADDRESS_MASK;
  return address >> 64n === MASKED_ID_PREFIX ? address & ID_MASK : undefined;
}

export function addressToWord(address: Address): bigint {
  return bytesToBigInt(address.bytes);
}

/** Replaces the stack item `depth` places below the top (0 = top). */
export function replaceStackItem(runState: RunState, depth: number, value: bigint): void {
  const items = runState.stack.popN(depth + 1);
  items[depth] = value;
  for (let i = depth; i >= 0; i--) runState.stack.push(items[i]);
}

/**
 * The actor of the executing contract. Every contract that runs has one (deployed contracts are
 * bound on creation, called addresses on their first call); code placed with hardhat_setCode at an
 * address never called before is bound here.
 */
export async function executingActor(runState: RunState): Promise<ActorRecord> {
  return fevmOf(runState).actors.ensureEth(runState.interpreter.getAddress(), "evm");
}

/**
 * Re-reads the executing contract's account after a native send moved its balance outside
 * ethereumjs: ethereumjs keeps a copy for SELFBALANCE and writes it back on CREATE.
 */
export async function reloadSelf(runState: RunState): Promise<void> {
  runState.env.contract = (await runState.stateManager.getAccount(runState.interpreter.getAddress())) ?? new Account();
}

/** Makes `data` the return data of the last call and copies what fits of it to the output area. */
export function setCallOutput(runState: RunState, data: Uint8Array, outOffset: bigint, outLength: bigint): void {
  runState.returnBytes = data;
  const length = Math.min(Number(outLength), data.length);
  if (length > 0) runState.memory.write(Number(outOffset), length, data.subarray(0, length));
}

/** `length` bytes of `code` from `offset`, zero-padded past its end (EXTCODECOPY's reading rule). */
export function codeSlice(code: Uint8Array, offset: bigint, length: bigint): Uint8Array {
  const out = new Uint8Array(Number(length));
  if (offset < BigInt(code.length)) out.set(code.subarray(Number(offset), Number(offset) + out.length));
  return out;
}

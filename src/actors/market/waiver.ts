/**
 * Test control publishes deals for clients that hold no key in the emulator (Hardhat EOAs, whose
 * EthAccount actor cannot authenticate anything, and f1/f3 accounts created by a transfer). For
 * exactly those proposals, and only while the control operation runs, PublishStorageDeals skips
 * the AuthenticateMessage call; every other check runs as on chain.
 */
import type { FevmEVM } from "../../evm/fevm-evm";
import { bytesToHex } from "../../fil";

const waived = new WeakMap<FevmEVM, Set<string>>();

export async function withSignatureCheckWaived<T>(evm: FevmEVM, proposalBytes: Uint8Array, fn: () => Promise<T>): Promise<T> {
  const key = bytesToHex(proposalBytes);
  const set = waived.get(evm) ?? new Set<string>();
  waived.set(evm, set);
  set.add(key);
  try {
    return await fn();
  } finally {
    set.delete(key);
  }
}

/** Whether the proposal (its CBOR as submitted) is being published by test control without a signature check. */
export function isSignatureCheckWaived(evm: FevmEVM, proposalBytes: Uint8Array): boolean {
  return waived.get(evm)?.has(bytesToHex(proposalBytes)) ?? false;
}

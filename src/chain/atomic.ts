import type { FevmVM } from "./vm-factory";

/** How many state checkpoints are open (MerkleStateManager keeps the count privately). */
function openCheckpoints(fevm: FevmVM): number {
  return (fevm.stateManager as unknown as { _checkpointCount: number })._checkpointCount;
}

/**
 * Undoes everything since `depth` checkpoints were open. An error thrown inside the EVM (an
 * actor, a precompile, the bridge) skips the reverts of the frames it passes through, so their
 * checkpoints are still open; left so, later writes would stay in memory and older state roots
 * would become unreadable. The EVM's per-transaction scratch state goes too.
 */
async function restore(fevm: FevmVM, depth: number): Promise<void> {
  while (openCheckpoints(fevm) > depth) await fevm.stateManager.revert();
  const evm = fevm.evm;
  evm.transientStorage.clear();
  evm.messageStack.length = 0;
  evm.actorLogs = [];
  evm.takeActorFailures();
  evm.takeConsoleLogs();
}

/** Runs `fn` so that it changes the state only if it returns: a throw leaves the state exactly as it was. */
export async function atomically<T>(fevm: FevmVM, fn: () => Promise<T>): Promise<T> {
  const depth = openCheckpoints(fevm);
  await fevm.stateManager.checkpoint();
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    await restore(fevm, depth);
    throw e;
  }
  await fevm.stateManager.commit();
  return result;
}

/** Runs `fn` and then drops whatever it changed, whether it returns or throws (eth_call). */
export async function discarding<T>(fevm: FevmVM, fn: () => Promise<T>): Promise<T> {
  const depth = openCheckpoints(fevm);
  await fevm.stateManager.checkpoint();
  try {
    return await fn();
  } finally {
    await restore(fevm, depth);
  }
}

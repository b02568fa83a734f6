// The simulated provider as each storage-provider suite starts it: serving the miners given,
// with the default policy but for the sealing delay, whatever earlier suites in the same
// process left set (null restores an option's default).
import { fevm } from "hardhat";
import { POLICY_KEYS } from "../../../../src/sp/policy-input";

export async function serveWith(miners: bigint[], sealingDelay: bigint): Promise<void> {
  await fevm.storageProvider.start({ miners });
  await fevm.storageProvider.setPolicy({ ...Object.fromEntries(POLICY_KEYS.map((k) => [k, null])), sealingDelay });
}

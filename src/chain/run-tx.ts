import { Account, equalsBytes, KECCAK256_NULL } from "@ethereumjs/util";
import { runTx, type RunTxOpts, type RunTxResult, type VM } from "@ethereumjs/vm";

/**
 * runTx that lets an impersonated contract send transactions, as Hardhat's network does:
 * ethereumjs always applies EIP-3607 (senders with code are rejected) and has no switch for it,
 * so the sender is shown without code for that check and its code hash is restored afterwards.
 * (On Filecoin only EthAccounts send transactions; impersonation is a testing tool.)
 */
export async function runTxAllowingContractSender(vm: VM, opts: RunTxOpts): Promise<RunTxResult> {
  const sm = vm.stateManager;
  const sender = opts.tx.getSenderAddress();
  const account = await sm.getAccount(sender);
  if (!account || equalsBytes(account.codeHash, KECCAK256_NULL)) return runTx(vm, opts);
  const codeHash = account.codeHash;
  const getAccount = sm.getAccount;
  let hide = true;
  sm.getAccount = async (address) => {
    const found = await getAccount.call(sm, address);
    if (!hide || !found || !address.equals(sender)) return found;
    hide = false;
    return new Account(found.nonce, found.balance, found.storageRoot, KECCAK256_NULL);
  };
  try {
    return await runTx(vm, opts);
  } finally {
    sm.getAccount = getAccount;
    const after = await sm.getAccount(sender);
    if (after && !equalsBytes(after.codeHash, codeHash)) await sm.modifyAccountFields(sender, { codeHash });
  }
}

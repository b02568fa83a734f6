import { Account, equalsBytes, KECCAK256_NULL } from "@ethereumjs/util";
import { runTx, type RunTxOpts, type RunTxResult, type VM } from "@ethereumjs/vm";

/**
 * runTx that lets an impersonated contract send transactions, as Hardhat's network does:
 * ethereumjs always applies EIP-3607 (senders with code are rejected) and has no switch for it,
 * so the sender is shown without code for that check only. runTx keeps the account object it
 * checked and writes it back with the fee and nonce, so the real code hash goes back into that
 * object on its first write: the contract keeps its code and storage, and a call to itself runs it.
 * (On Filecoin only EthAccounts send transactions; impersonation is a testing tool.)
 */
export async function runTxAllowingContractSender(vm: VM, opts: RunTxOpts): Promise<RunTxResult> {
  const sm = vm.stateManager;
  const sender = opts.tx.getSenderAddress();
  const account = await sm.getAccount(sender);
  if (!account || equalsBytes(account.codeHash, KECCAK256_NULL)) return runTx(vm, opts);
  const codeHash = account.codeHash;
  const { getAccount, putAccount } = sm;
  let shown: Account | undefined;
  sm.getAccount = async (address) => {
    const found = await getAccount.call(sm, address);
    if (shown || !found || !address.equals(sender)) return found;
    shown = new Account(found.nonce, found.balance, found.storageRoot, KECCAK256_NULL);
    return shown;
  };
  sm.putAccount = async (address, written) => {
    if (written !== undefined && written === shown) written.codeHash = codeHash;
    return putAccount.call(sm, address, written);
  };
  try {
    return await runTx(vm, opts);
  } finally {
    sm.getAccount = getAccount;
    sm.putAccount = putAccount;
  }
}

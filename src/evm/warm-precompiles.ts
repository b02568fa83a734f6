import type { EVM } from "@ethereumjs/evm";
import { bytesToUnprefixedHex } from "@ethereumjs/util";

/**
 * EIP-2929 makes every precompile warm for the whole transaction, and runTx does it by adding
 * each address of the precompile table to the journal. The FEVM's table covers the whole reserved
 * range (511 addresses), so that loop was ~2% of an ERC-20 transfer plus 511 Sets of garbage. This
 * answers the same without the loop: runTx's adds for precompile addresses only set a flag, a
 * precompile address counts as warm while the flag is up, and the journal's per-transaction
 * clean-up lowers it, exactly when the added entries would have gone. Only `evm.journal` changes.
 */
export function warmPrecompilesByTable(evm: EVM): void {
  const journal = evm.journal;
  const { addAlwaysWarmAddress, isWarmedAddress, cleanJournal } = journal;
  let warm = false;
  journal.addAlwaysWarmAddress = function (address: string, addToAccessList = false) {
    if (!addToAccessList && evm.precompiles.has(address)) warm = true;
    else addAlwaysWarmAddress.call(this, address, addToAccessList);
  };
  journal.isWarmedAddress = function (address: Uint8Array) {
    return isWarmedAddress.call(this, address) || (warm && evm.precompiles.has(bytesToUnprefixedHex(address)));
  };
  journal.cleanJournal = function () {
    warm = false;
    cleanJournal.call(this);
  };
}

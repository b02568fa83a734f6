import { network } from "hardhat";

/**
 * These suites check the real filecoin-solidity libraries against the FEVM emulator, so they run
 * only with `--network filecoin`; on any other network they report as pending.
 */
export function onlyOnFilecoin(): void {
  before(function () {
    if (network.name !== "filecoin") this.skip();
  });
}

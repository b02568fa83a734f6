// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// The DataDAO's treasury and executor: it holds the FIL that pays for deals, and runs what the
/// Governor's passed proposals say (here: DataDAOVault.storePiece) once MIN_DELAY has elapsed.
/// Deploy it with no proposers, then grant the Governor PROPOSER_ROLE and CANCELLER_ROLE and
/// renounce the admin role (see test/examples/data-dao.ts).
contract DataDAOTimelock is TimelockController {
    /// Two days. TimelockController measures its delay in seconds (block.timestamp), not blocks;
    /// on Filecoin block.timestamp is genesis + 30 s × epoch, so it moves in steps of 30 s. A delay
    /// that is a whole number of epochs (5,760 × 30 s) makes an operation ready exactly 5,760
    /// epochs after it was queued; any other value is reached one epoch later than it says.
    uint256 public constant MIN_DELAY = 5_760 * 30 seconds;

    /// `executors` may be [address(0)]: anyone can then execute a passed, queued proposal.
    constructor(address[] memory executors, address admin) TimelockController(MIN_DELAY, new address[](0), executors, admin) {}
}

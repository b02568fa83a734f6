// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "hardhat/console.sol";

/// Test fixture: prints through hardhat/console.sol with each argument kind users log.
contract ConsoleLogger {
    uint256 public calls;

    function logString(string calldata message) external pure {
        console.log(message);
    }

    function logUint(uint256 value) external pure {
        console.log(value);
    }

    function logAddress(address account) external pure {
        console.log(account);
    }

    function logBool(bool flag) external pure {
        console.log(flag);
    }

    /// Several lines from one transaction, including multi-argument and format-string calls.
    function logMany(address account, uint256 amount) external {
        calls += 1;
        console.log("call number", calls);
        console.log("sender %s sends %d wei", account, amount);
        console.log("flag", true, "and", false);
        console.log(account, amount, "done");
    }

    /// Prints, then reverts: the line is still shown for the failed call.
    function logThenRevert(string calldata message) external {
        calls += 1;
        console.log(message);
        revert("ConsoleLogger: reverted after logging");
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Reads what EXTCODESIZE, EXTCODEHASH, EXTCODECOPY and BALANCE report for an address (FEVM spec §2.5).
contract CodeProbe {
    function inspect(address target) external view returns (uint256 size, bytes32 hash, bytes memory code) {
        assembly {
            size := extcodesize(target)
            hash := extcodehash(target)
        }
        code = new bytes(size);
        assembly {
            extcodecopy(target, add(code, 32), 0, size)
        }
    }

    function balanceOf(address target) external view returns (uint256) {
        return target.balance;
    }

    receive() external payable {}
}

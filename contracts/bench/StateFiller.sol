// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Grows contract storage for the snapshot/revert benchmark: a large state to snapshot.
contract StateFiller {
    mapping(uint256 => uint256) public slots;

    function fill(uint256 start, uint256 count) external {
        for (uint256 i = start; i < start + count; i++) slots[i] = i + 1;
    }
}

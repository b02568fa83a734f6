// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Test fixture: exposes what a contract sees of the block it runs in.
contract BlockInfo {
    uint256 public recordedNumber;
    uint256 public recordedTimestamp;
    uint256 public recordedChainId;

    event Recorded(uint256 number, uint256 timestamp, uint256 chainId);

    function current() external view returns (uint256 number, uint256 timestamp, uint256 chainId) {
        return (block.number, block.timestamp, block.chainid);
    }

    function record() external {
        recordedNumber = block.number;
        recordedTimestamp = block.timestamp;
        recordedChainId = block.chainid;
        emit Recorded(block.number, block.timestamp, block.chainid);
    }
}

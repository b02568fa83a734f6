// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Reads the block context opcodes (FEVM spec §2.3).
contract EnvironmentProbe {
    uint256 public seenRandao;
    uint256 public seenNumber;
    uint256 public seenTimestamp;
    uint256 public seenBaseFee;
    uint256 public seenChainId;
    uint256 public seenGasPrice;
    address public seenOrigin;
    address public seenCaller;

    function context() external view returns (address coinbase, uint256 gasLimit, uint256 randao, uint256 number) {
        return (block.coinbase, block.gaslimit, block.prevrandao, block.number);
    }

    function hashOf(uint256 number) external view returns (bytes32) {
        return blockhash(number);
    }

    /// The block and transaction context inside a mined transaction.
    function remember() external {
        seenRandao = block.prevrandao;
        seenNumber = block.number;
        seenTimestamp = block.timestamp;
        seenBaseFee = block.basefee;
        seenChainId = block.chainid;
        seenGasPrice = tx.gasprice;
        seenOrigin = tx.origin;
        seenCaller = msg.sender;
    }
}

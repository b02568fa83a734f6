// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {PowerAPI} from "filecoin-solidity-api/contracts/v0.8/PowerAPI.sol";
import {PowerTypes} from "filecoin-solidity-api/contracts/v0.8/types/PowerTypes.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";

/// Every PowerAPI function of filecoin-solidity-api 1.1.3; each returns the exit code and the value.
contract PowerCallerPL {
    receive() external payable {}

    function createMiner(PowerTypes.CreateMinerParams calldata params, uint256 value) external returns (int256, bytes memory, bytes memory) {
        (int256 exit, PowerTypes.CreateMinerReturn memory ret) = PowerAPI.createMiner(params, value);
        return (exit, ret.id_address.data, ret.robust_address.data);
    }

    function minerCount() external view returns (int256, uint64) {
        return PowerAPI.minerCount();
    }

    function minerConsensusCount() external view returns (int256, int64) {
        return PowerAPI.minerConsensusCount();
    }

    function networkRawPower() external view returns (int256, CommonTypes.BigInt memory) {
        return PowerAPI.networkRawPower();
    }

    function minerRawPower(uint64 miner) external view returns (int256, CommonTypes.BigInt memory, bool) {
        (int256 exit, PowerTypes.MinerRawPowerReturn memory ret) = PowerAPI.minerRawPower(miner);
        return (exit, ret.raw_byte_power, ret.meets_consensus_minimum);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {PowerAPI} from "@zondax/filecoin-solidity/contracts/v0.8/PowerAPI.sol";
import {PowerTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/PowerTypes.sol";
import {CommonTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/CommonTypes.sol";

/// Every PowerAPI function of Zondax filecoin-solidity 4.0.3, which reverts `Actor.ActorError(exitCode)`
/// on a non-zero exit code.
contract PowerCallerZondax {
    receive() external payable {}

    function createMiner(PowerTypes.CreateMinerParams calldata params, uint256 value) external returns (bytes memory, bytes memory) {
        PowerTypes.CreateMinerReturn memory ret = PowerAPI.createMiner(params, value);
        return (ret.id_address.data, ret.robust_address.data);
    }

    function minerCount() external returns (uint64) {
        return PowerAPI.minerCount();
    }

    function minerConsensusCount() external returns (int64) {
        return PowerAPI.minerConsensusCount();
    }

    function networkRawPower() external returns (CommonTypes.BigInt memory) {
        return PowerAPI.networkRawPower();
    }

    function minerRawPower(uint64 miner) external returns (CommonTypes.BigInt memory, bool) {
        PowerTypes.MinerRawPowerReturn memory ret = PowerAPI.minerRawPower(miner);
        return (ret.raw_byte_power, ret.meets_consensus_minimum);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {MinerAPI} from "filecoin-solidity-api/contracts/v0.8/MinerAPI.sol";
import {MinerTypes} from "filecoin-solidity-api/contracts/v0.8/types/MinerTypes.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";

/// Every MinerAPI function of filecoin-solidity-api 1.1.3, called from this contract's actor (so a
/// miner owned or controlled by this contract accepts its changes). Each returns the exit code.
contract MinerCallerPL {
    receive() external payable {}

    function id(uint64 miner) private pure returns (CommonTypes.FilActorId) {
        return CommonTypes.FilActorId.wrap(miner);
    }

    function getOwner(uint64 miner) external view returns (int256, MinerTypes.GetOwnerReturn memory) {
        return MinerAPI.getOwner(id(miner));
    }

    function isControllingAddress(uint64 miner, bytes calldata addr) external view returns (int256, bool) {
        return MinerAPI.isControllingAddress(id(miner), CommonTypes.FilAddress(addr));
    }

    function getSectorSize(uint64 miner) external view returns (int256, uint64) {
        return MinerAPI.getSectorSize(id(miner));
    }

    function getAvailableBalance(uint64 miner) external view returns (int256, CommonTypes.BigInt memory) {
        return MinerAPI.getAvailableBalance(id(miner));
    }

    function getVestingFunds(uint64 miner) external view returns (int256, MinerTypes.VestingFunds[] memory) {
        return MinerAPI.getVestingFunds(id(miner));
    }

    function getBeneficiary(uint64 miner) external view returns (int256, MinerTypes.GetBeneficiaryReturn memory) {
        return MinerAPI.getBeneficiary(id(miner));
    }

    function getPeerId(uint64 miner) external view returns (int256, bytes memory) {
        (int256 exit, CommonTypes.FilAddress memory peerId) = MinerAPI.getPeerId(id(miner));
        return (exit, peerId.data);
    }

    function getMultiaddresses(uint64 miner) external view returns (int256, CommonTypes.FilAddress[] memory) {
        return MinerAPI.getMultiaddresses(id(miner));
    }

    function changeOwnerAddress(uint64 miner, bytes calldata newOwner) external returns (int256) {
        return MinerAPI.changeOwnerAddress(id(miner), CommonTypes.FilAddress(newOwner));
    }

    function changeWorkerAddress(uint64 miner, bytes calldata newWorker, bytes[] calldata controls) external returns (int256) {
        CommonTypes.FilAddress[] memory list = new CommonTypes.FilAddress[](controls.length);
        for (uint256 i = 0; i < controls.length; i++) list[i] = CommonTypes.FilAddress(controls[i]);
        return MinerAPI.changeWorkerAddress(id(miner), MinerTypes.ChangeWorkerAddressParams(CommonTypes.FilAddress(newWorker), list));
    }

    function confirmChangeWorkerAddress(uint64 miner) external returns (int256) {
        return MinerAPI.confirmChangeWorkerAddress(id(miner));
    }

    function changePeerId(uint64 miner, bytes calldata peerId) external returns (int256) {
        return MinerAPI.changePeerId(id(miner), CommonTypes.FilAddress(peerId));
    }

    function changeMultiaddresses(uint64 miner, bytes[] calldata multiaddrs) external returns (int256) {
        CommonTypes.FilAddress[] memory list = new CommonTypes.FilAddress[](multiaddrs.length);
        for (uint256 i = 0; i < multiaddrs.length; i++) list[i] = CommonTypes.FilAddress(multiaddrs[i]);
        return MinerAPI.changeMultiaddresses(id(miner), list);
    }

    function repayDebt(uint64 miner) external returns (int256) {
        return MinerAPI.repayDebt(id(miner));
    }

    function changeBeneficiary(uint64 miner, bytes calldata beneficiary, bytes calldata quota, int64 expiration) external returns (int256) {
        return MinerAPI.changeBeneficiary(
            id(miner),
            MinerTypes.ChangeBeneficiaryParams(
                CommonTypes.FilAddress(beneficiary), CommonTypes.BigInt(quota, false), CommonTypes.ChainEpoch.wrap(expiration)
            )
        );
    }

    /// `amount` is the big-endian magnitude (as BigInts.fromUint256 would hold it).
    function withdrawBalance(uint64 miner, bytes calldata amount) external returns (int256, CommonTypes.BigInt memory) {
        return MinerAPI.withdrawBalance(id(miner), CommonTypes.BigInt(amount, false));
    }
}

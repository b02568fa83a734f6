// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {MinerAPI} from "@zondax/filecoin-solidity/contracts/v0.8/MinerAPI.sol";
import {MinerTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/MinerTypes.sol";
import {CommonTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/CommonTypes.sol";

/// Every MinerAPI function of Zondax filecoin-solidity 4.0.3, called from this contract's actor (so a
/// miner owned or controlled by this contract accepts its changes). The library reverts
/// `Actor.ActorError(exitCode)` on a non-zero exit code.
contract MinerCallerZondax {
    receive() external payable {}

    function id(uint64 miner) private pure returns (CommonTypes.FilActorId) {
        return CommonTypes.FilActorId.wrap(miner);
    }

    function addresses(bytes[] calldata list) private pure returns (CommonTypes.FilAddress[] memory out) {
        out = new CommonTypes.FilAddress[](list.length);
        for (uint256 i = 0; i < list.length; i++) out[i] = CommonTypes.FilAddress(list[i]);
    }

    function getOwner(uint64 miner) external returns (MinerTypes.GetOwnerReturn memory) {
        return MinerAPI.getOwner(id(miner));
    }

    function isControllingAddress(uint64 miner, bytes calldata addr) external returns (bool) {
        return MinerAPI.isControllingAddress(id(miner), CommonTypes.FilAddress(addr));
    }

    function getSectorSize(uint64 miner) external returns (uint64) {
        return MinerAPI.getSectorSize(id(miner));
    }

    function getAvailableBalance(uint64 miner) external returns (CommonTypes.BigInt memory) {
        return MinerAPI.getAvailableBalance(id(miner));
    }

    function getVestingFunds(uint64 miner) external returns (MinerTypes.VestingFunds[] memory) {
        return MinerAPI.getVestingFunds(id(miner)).vesting_funds;
    }

    function getBeneficiary(uint64 miner) external returns (MinerTypes.GetBeneficiaryReturn memory) {
        return MinerAPI.getBeneficiary(id(miner));
    }

    function getPeerId(uint64 miner) external returns (bytes memory) {
        return MinerAPI.getPeerId(id(miner)).data;
    }

    function getMultiaddresses(uint64 miner) external returns (CommonTypes.FilAddress[] memory) {
        return MinerAPI.getMultiaddresses(id(miner)).multi_addrs;
    }

    /// Proposes (from the owner) or confirms (from the proposed address) a new owner: Zondax has one function for both.
    function changeOwnerAddress(uint64 miner, bytes calldata newOwner) external {
        MinerAPI.changeOwnerAddress(id(miner), CommonTypes.FilAddress(newOwner));
    }

    function changeWorkerAddress(uint64 miner, bytes calldata newWorker, bytes[] calldata controls) external {
        MinerAPI.changeWorkerAddress(id(miner), MinerTypes.ChangeWorkerAddressParams(CommonTypes.FilAddress(newWorker), addresses(controls)));
    }

    function confirmChangeWorkerAddress(uint64 miner) external {
        MinerAPI.confirmChangeWorkerAddress(id(miner));
    }

    function changePeerId(uint64 miner, bytes calldata peerId) external {
        MinerAPI.changePeerId(id(miner), CommonTypes.FilAddress(peerId));
    }

    function changeMultiaddresses(uint64 miner, bytes[] calldata multiaddrs) external {
        MinerAPI.changeMultiaddresses(id(miner), MinerTypes.ChangeMultiaddrsParams(addresses(multiaddrs)));
    }

    function repayDebt(uint64 miner) external {
        MinerAPI.repayDebt(id(miner));
    }

    function changeBeneficiary(uint64 miner, bytes calldata beneficiary, bytes calldata quota, int64 expiration) external {
        MinerAPI.changeBeneficiary(
            id(miner),
            MinerTypes.ChangeBeneficiaryParams(
                CommonTypes.FilAddress(beneficiary), CommonTypes.BigInt(quota, false), CommonTypes.ChainEpoch.wrap(expiration)
            )
        );
    }

    /// `amount` is the big-endian magnitude (as BigInts.fromUint256 would hold it).
    function withdrawBalance(uint64 miner, bytes calldata amount) external returns (CommonTypes.BigInt memory) {
        return MinerAPI.withdrawBalance(id(miner), CommonTypes.BigInt(amount, false));
    }
}

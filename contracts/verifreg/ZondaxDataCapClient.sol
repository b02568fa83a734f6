// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {DataCapAPI} from "@zondax/filecoin-solidity/contracts/v0.8/DataCapAPI.sol";
import {VerifRegAPI} from "@zondax/filecoin-solidity/contracts/v0.8/VerifRegAPI.sol";
import {CommonTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/CommonTypes.sol";
import {DataCapTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/DataCapTypes.sol";
import {VerifRegTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/VerifRegTypes.sol";

/// Every DataCapAPI and VerifRegAPI call of the Zondax line (4.0.3), which returns the
/// value and reverts `ActorError(exitCode)` when the actor fails. The library's functions are
/// not `view`, so tests read results with a static call.
contract ZondaxDataCapClient {
    function handle_filecoin_method(uint64, uint64, bytes memory) external pure returns (uint32, uint64, bytes memory) {
        return (0, 0, "");
    }

    function name() external returns (string memory) {
        return DataCapAPI.name();
    }

    function symbol() external returns (string memory) {
        return DataCapAPI.symbol();
    }

    function totalSupply() external returns (CommonTypes.BigInt memory) {
        return DataCapAPI.totalSupply();
    }

    function balance(CommonTypes.FilAddress memory addr) external returns (CommonTypes.BigInt memory) {
        return DataCapAPI.balance(addr);
    }

    function allowance(DataCapTypes.GetAllowanceParams memory params) external returns (CommonTypes.BigInt memory) {
        return DataCapAPI.allowance(params);
    }

    function transfer(DataCapTypes.TransferParams memory params) external returns (DataCapTypes.TransferReturn memory) {
        return DataCapAPI.transfer(params);
    }

    function transferFrom(DataCapTypes.TransferFromParams memory params) external returns (DataCapTypes.TransferFromReturn memory) {
        return DataCapAPI.transferFrom(params);
    }

    function increaseAllowance(DataCapTypes.IncreaseAllowanceParams memory params) external returns (CommonTypes.BigInt memory) {
        return DataCapAPI.increaseAllowance(params);
    }

    function decreaseAllowance(DataCapTypes.DecreaseAllowanceParams memory params) external returns (CommonTypes.BigInt memory) {
        return DataCapAPI.decreaseAllowance(params);
    }

    function revokeAllowance(CommonTypes.FilAddress memory operator) external returns (CommonTypes.BigInt memory) {
        return DataCapAPI.revokeAllowance(operator);
    }

    function burn(CommonTypes.BigInt memory amount) external returns (CommonTypes.BigInt memory) {
        return DataCapAPI.burn(amount);
    }

    function burnFrom(DataCapTypes.BurnFromParams memory params) external returns (DataCapTypes.BurnFromReturn memory) {
        return DataCapAPI.burnFrom(params);
    }

    function getClaims(VerifRegTypes.GetClaimsParams memory params) external returns (VerifRegTypes.GetClaimsReturn memory) {
        return VerifRegAPI.getClaims(params);
    }

    function addVerifiedClient(VerifRegTypes.AddVerifiedClientParams memory params) external {
        VerifRegAPI.addVerifiedClient(params);
    }

    function removeExpiredAllocations(VerifRegTypes.RemoveExpiredAllocationsParams memory params)
        external
        returns (VerifRegTypes.RemoveExpiredAllocationsReturn memory)
    {
        return VerifRegAPI.removeExpiredAllocations(params);
    }

    function extendClaimTerms(VerifRegTypes.ExtendClaimTermsParams memory params) external returns (CommonTypes.BatchReturn memory) {
        return VerifRegAPI.extendClaimTerms(params);
    }

    function removeExpiredClaims(VerifRegTypes.RemoveExpiredClaimsParams memory params) external returns (VerifRegTypes.RemoveExpiredClaimsReturn memory) {
        return VerifRegAPI.removeExpiredClaims(params);
    }
}

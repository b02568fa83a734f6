// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {DataCapAPI} from "filecoin-solidity-api/contracts/v0.8/DataCapAPI.sol";
import {VerifRegAPI} from "filecoin-solidity-api/contracts/v0.8/VerifRegAPI.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {DataCapTypes} from "filecoin-solidity-api/contracts/v0.8/types/DataCapTypes.sol";
import {VerifRegTypes} from "filecoin-solidity-api/contracts/v0.8/types/VerifRegTypes.sol";
import {FilecoinCBOR} from "filecoin-solidity-api/contracts/v0.8/cbor/FilecoinCbor.sol";
import {BigInts} from "filecoin-solidity-api/contracts/v0.8/utils/BigInts.sol";
import {FilAddresses} from "filecoin-solidity-api/contracts/v0.8/utils/FilAddresses.sol";
import {CBOR} from "solidity-cborutils/contracts/CBOR.sol";

/// A DataCap client on filecoin-solidity-api 1.1.3: every DataCapAPI and VerifRegAPI call as the
/// library answers it, (exit code, value), plus the FRC-46 receiver hook (DataCap minted or sent
/// back to the contract) and `allocate`, the first step of direct data onboarding: DataCap sent
/// to the verified registry f06 with an allocation request for a provider.
contract DataCapClient {
    using CBOR for CBOR.CBORBuffer;
    using FilecoinCBOR for CBOR.CBORBuffer;

    uint64 constant DATACAP_RECEIVER_HOOK = 3726118371;
    address constant DATACAP = 0xfF00000000000000000000000000000000000007;
    uint64 constant VERIFIED_REGISTRY = 6;

    /// The hook's params: UniversalReceiverParams `[2233613279, FRC46TokenReceived]`.
    event ReceivedDataCap(bytes params);

    error UnhandledMethod(uint64 method, address sender);

    function handle_filecoin_method(uint64 method, uint64, bytes memory params) external returns (uint32, uint64, bytes memory) {
        if (method != DATACAP_RECEIVER_HOOK || msg.sender != DATACAP) revert UnhandledMethod(method, msg.sender);
        emit ReceivedDataCap(params);
        return (0, 0, "");
    }

    /// DataCap `bytes × 10^18` tokens to f06 with one allocation request; returns the TransferReturn
    /// whose recipient_data is the registry's AllocationsResponse (the new allocation id inside).
    function allocate(uint64 provider, bytes memory pieceCid, uint64 size, int64 termMin, int64 termMax, int64 expiration)
        external
        returns (int256, DataCapTypes.TransferReturn memory)
    {
        CBOR.CBORBuffer memory buf = CBOR.create(128);
        buf.startFixedArray(2);
        buf.startFixedArray(1);
        buf.startFixedArray(6);
        buf.writeUInt64(provider);
        buf.writeCid(pieceCid);
        buf.writeUInt64(size);
        buf.writeInt64(termMin);
        buf.writeInt64(termMax);
        buf.writeInt64(expiration);
        buf.startFixedArray(0);
        CommonTypes.BigInt memory amount = BigInts.fromUint256(uint256(size) * 1e18);
        return DataCapAPI.transfer(DataCapTypes.TransferParams(FilAddresses.fromActorID(VERIFIED_REGISTRY), amount, buf.data()));
    }

    // ---------------------------------------------------------------- DataCapAPI

    function name() external view returns (int256, string memory) {
        return DataCapAPI.name();
    }

    function symbol() external view returns (int256, string memory) {
        return DataCapAPI.symbol();
    }

    function totalSupply() external view returns (int256, CommonTypes.BigInt memory) {
        return DataCapAPI.totalSupply();
    }

    function balance(CommonTypes.FilAddress memory addr) external view returns (int256, CommonTypes.BigInt memory) {
        return DataCapAPI.balance(addr);
    }

    function allowance(DataCapTypes.GetAllowanceParams memory params) external view returns (int256, CommonTypes.BigInt memory) {
        return DataCapAPI.allowance(params);
    }

    function transfer(DataCapTypes.TransferParams memory params) external returns (int256, DataCapTypes.TransferReturn memory) {
        return DataCapAPI.transfer(params);
    }

    function transferFrom(DataCapTypes.TransferFromParams memory params) external returns (int256, DataCapTypes.TransferFromReturn memory) {
        return DataCapAPI.transferFrom(params);
    }

    function increaseAllowance(DataCapTypes.IncreaseAllowanceParams memory params) external returns (int256, CommonTypes.BigInt memory) {
        return DataCapAPI.increaseAllowance(params);
    }

    function decreaseAllowance(DataCapTypes.DecreaseAllowanceParams memory params) external returns (int256, CommonTypes.BigInt memory) {
        return DataCapAPI.decreaseAllowance(params);
    }

    function revokeAllowance(CommonTypes.FilAddress memory operator) external returns (int256, CommonTypes.BigInt memory) {
        return DataCapAPI.revokeAllowance(operator);
    }

    function burn(CommonTypes.BigInt memory amount) external returns (int256, CommonTypes.BigInt memory) {
        return DataCapAPI.burn(amount);
    }

    function burnFrom(DataCapTypes.BurnFromParams memory params) external returns (int256, DataCapTypes.BurnFromReturn memory) {
        return DataCapAPI.burnFrom(params);
    }

    // ---------------------------------------------------------------- VerifRegAPI

    function getClaims(VerifRegTypes.GetClaimsParams memory params) external view returns (int256, VerifRegTypes.GetClaimsReturn memory) {
        return VerifRegAPI.getClaims(params);
    }

    function addVerifiedClient(VerifRegTypes.AddVerifiedClientParams memory params) external returns (int256) {
        return VerifRegAPI.addVerifiedClient(params);
    }

    function removeExpiredAllocations(VerifRegTypes.RemoveExpiredAllocationsParams memory params)
        external
        returns (int256, VerifRegTypes.RemoveExpiredAllocationsReturn memory)
    {
        return VerifRegAPI.removeExpiredAllocations(params);
    }

    function extendClaimTerms(VerifRegTypes.ClaimTerm[] memory terms) external returns (int256, CommonTypes.BatchReturn memory) {
        return VerifRegAPI.extendClaimTerms(terms);
    }

    function removeExpiredClaims(VerifRegTypes.RemoveExpiredClaimsParams memory params) external returns (int256, VerifRegTypes.RemoveExpiredClaimsReturn memory) {
        return VerifRegAPI.removeExpiredClaims(params);
    }
}

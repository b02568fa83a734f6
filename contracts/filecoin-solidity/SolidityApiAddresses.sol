// SPDX-License-Identifier: MIT
pragma solidity ^0.8.18;

import {PrecompilesAPI} from "filecoin-solidity-api/contracts/v0.8/PrecompilesAPI.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {FilAddresses} from "filecoin-solidity-api/contracts/v0.8/utils/FilAddresses.sol";
import {FilAddressIdConverter} from "filecoin-solidity-api/contracts/v0.8/utils/FilAddressIdConverter.sol";
import {Misc} from "filecoin-solidity-api/contracts/v0.8/utils/Misc.sol";

/// One external function per address helper of filecoin-solidity-api 1.1.3 (PrecompilesAPI,
/// FilAddresses, FilAddressIdConverter, Misc), so tests see exactly what the library answers.
contract SolidityApiAddresses {
    function resolveAddress(bytes memory filAddress) external view returns (uint64) {
        return PrecompilesAPI.resolveAddress(CommonTypes.FilAddress(filAddress));
    }

    function resolveEthAddress(address addr) external view returns (uint64) {
        return PrecompilesAPI.resolveEthAddress(addr);
    }

    function lookupDelegatedAddress(uint64 actorId) external view returns (bytes memory) {
        return PrecompilesAPI.lookupDelegatedAddress(actorId);
    }

    function fromEthAddress(address addr) external pure returns (bytes memory) {
        return FilAddresses.fromEthAddress(addr).data;
    }

    function toEthAddress(bytes memory filAddress) external pure returns (address) {
        return FilAddresses.toEthAddress(CommonTypes.FilAddress(filAddress));
    }

    function fromActorID(uint64 actorId) external pure returns (bytes memory) {
        return FilAddresses.fromActorID(actorId).data;
    }

    function fromBytes(bytes memory data) external pure returns (bytes memory) {
        return FilAddresses.fromBytes(data).data;
    }

    function validate(bytes memory data) external pure returns (bool) {
        return FilAddresses.validate(CommonTypes.FilAddress(data));
    }

    function addressExists(address addr) external view returns (bool) {
        return Misc.addressExists(addr);
    }

    function isIDAddress(address addr) external pure returns (bool isId, uint64 id) {
        return FilAddressIdConverter.isIDAddress(addr);
    }

    function toIDAddress(uint64 actorId) external pure returns (address) {
        return FilAddressIdConverter.toIDAddress(actorId);
    }

    function toAddress(uint64 actorId) external view returns (address) {
        return FilAddressIdConverter.toAddress(actorId);
    }

    function getEthAddress(uint64 actorId) external view returns (bool success, address eth) {
        return FilAddressIdConverter.getEthAddress(actorId);
    }

    function getActorID(address addr) external view returns (bool success, uint64 id) {
        return FilAddressIdConverter.getActorID(addr);
    }

    function normalize(address addr) external view returns (address) {
        return FilAddressIdConverter.normalize(addr);
    }

    function mustNormalize(address addr) external view returns (address) {
        return FilAddressIdConverter.mustNormalize(addr);
    }
}

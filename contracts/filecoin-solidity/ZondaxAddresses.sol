// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {PrecompilesAPI} from "@zondax/filecoin-solidity/contracts/v0.8/PrecompilesAPI.sol";
import {CommonTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/CommonTypes.sol";
import {FilAddresses} from "@zondax/filecoin-solidity/contracts/v0.8/utils/FilAddresses.sol";
import {Misc} from "@zondax/filecoin-solidity/contracts/v0.8/utils/Misc.sol";

/// One external function per address helper of Zondax filecoin-solidity 4.0.3, so tests see
/// exactly what the library answers on the FEVM. Its BigInts is left out: the Zondax BigNumber
/// dependency pins `pragma solidity 0.8.17`, which this project's 0.8.30 compiler refuses.
contract ZondaxAddresses {
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
}

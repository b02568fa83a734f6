// SPDX-License-Identifier: MIT
pragma solidity ^0.8.18;

import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {Actor} from "filecoin-solidity-api/contracts/v0.8/utils/Actor.sol";
import {Errors} from "filecoin-solidity-api/contracts/v0.8/utils/Errors.sol";

/// filecoin-solidity-api 1.1.3's Actor library as a contract: the calls go through the real
/// call_actor / call_actor_id precompiles, from this contract's own actor and balance. This line
/// returns the exit code instead of reverting; `Errors.revertOnError` is the usual follow-up.
contract SolidityApiActorCalls {
    function callByID(uint64 target, uint256 method, uint64 codec, bytes memory params, uint256 value, bool readOnly)
        external
        returns (int256 exitCode, bytes memory data)
    {
        return Actor.callByID(CommonTypes.FilActorId.wrap(target), method, codec, params, value, readOnly);
    }

    function callByIDReadOnly(uint64 target, uint256 method, uint64 codec, bytes memory params)
        external
        view
        returns (int256 exitCode, bytes memory data)
    {
        return Actor.callByIDReadOnly(CommonTypes.FilActorId.wrap(target), method, codec, params);
    }

    function callByAddress(bytes memory target, uint256 method, uint64 codec, bytes memory params, uint256 value, bool readOnly)
        external
        returns (int256 exitCode, bytes memory data)
    {
        return Actor.callByAddress(target, method, codec, params, value, readOnly);
    }

    function callNonSingletonByID(uint64 target, uint256 method, uint64 codec, bytes memory params, uint256 value, bool readOnly)
        external
        returns (int256 exitCode, bytes memory data)
    {
        return Actor.callNonSingletonByID(CommonTypes.FilActorId.wrap(target), method, codec, params, value, readOnly);
    }

    /// callByID followed by Errors.revertOnError, the way the library's own APIs are used.
    function callByIDOrRevert(uint64 target, uint256 method, uint64 codec, bytes memory params)
        external
        returns (bytes memory data)
    {
        int256 exitCode;
        (exitCode, data) = Actor.callByID(CommonTypes.FilActorId.wrap(target), method, codec, params, 0, false);
        Errors.revertOnError(exitCode);
    }

    receive() external payable {}
}

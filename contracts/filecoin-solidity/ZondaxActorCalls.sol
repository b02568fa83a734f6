// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {CommonTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/CommonTypes.sol";
import {Actor} from "@zondax/filecoin-solidity/contracts/v0.8/utils/Actor.sol";

/// Zondax filecoin-solidity 4.0.3's Actor library as a contract: the calls go through the real
/// call_actor / call_actor_id precompiles, from this contract's own actor and balance. This line
/// reverts `Actor.ActorError(exitCode)` on any non-zero exit code.
contract ZondaxActorCalls {
    function callByID(uint64 target, uint256 method, uint64 codec, bytes memory params, uint256 value, bool readOnly)
        external
        returns (bytes memory)
    {
        return Actor.callByID(CommonTypes.FilActorId.wrap(target), method, codec, params, value, readOnly);
    }

    function callByAddress(bytes memory target, uint256 method, uint64 codec, bytes memory params, uint256 value, bool readOnly)
        external
        returns (bytes memory)
    {
        return Actor.callByAddress(target, method, codec, params, value, readOnly);
    }

    function callNonSingletonByID(uint64 target, uint256 method, uint64 codec, bytes memory params, uint256 value, bool readOnly)
        external
        returns (bytes memory)
    {
        return Actor.callNonSingletonByID(CommonTypes.FilActorId.wrap(target), method, codec, params, value, readOnly);
    }

    receive() external payable {}
}

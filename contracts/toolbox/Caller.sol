// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Counter} from "./Counter.sol";

/// Test fixture: calls a Counter and lets its reverts bubble up unchanged, or catches them.
contract Caller {
    Counter public immutable callee;

    event CallFailed(bytes reason);

    constructor(Counter callee_) {
        callee = callee_;
    }

    function incrementBy(uint256 step) external {
        callee.incrementBy(step);
    }

    function requirePositive(uint256 value) external view returns (uint256) {
        return callee.requirePositive(value);
    }

    function divide(uint256 numerator, uint256 denominator) external view returns (uint256) {
        return callee.divide(numerator, denominator);
    }

    /// Forwards raw calldata and re-throws the callee's revert data byte for byte.
    function forward(bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory result) = address(callee).call(data);
        if (!ok) {
            assembly {
                revert(add(result, 32), mload(result))
            }
        }
        return result;
    }

    /// Catches the callee's revert and records it instead of failing.
    function tryIncrementBy(uint256 step) external returns (bool) {
        try callee.incrementBy(step) {
            return true;
        } catch (bytes memory reason) {
            emit CallFailed(reason);
            return false;
        }
    }
}

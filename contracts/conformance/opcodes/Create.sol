// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Runs CREATE/CREATE2 with given init code; address(0) when the creation failed (FEVM spec §2.6).
contract CreateProbe {
    function create(bytes memory initCode) external returns (address created) {
        assembly {
            created := create(0, add(initCode, 32), mload(initCode))
        }
    }

    /// CREATE with an endowment, and the return data it left (a failed constructor's revert data).
    function createWithValue(bytes memory initCode, uint256 value) external returns (address created, bytes memory returned) {
        assembly {
            created := create(value, add(initCode, 32), mload(initCode))
            returned := mload(0x40)
            mstore(returned, returndatasize())
            returndatacopy(add(returned, 32), 0, returndatasize())
            mstore(0x40, add(add(returned, 32), and(add(returndatasize(), 31), not(31))))
        }
    }

    function create2(bytes memory initCode, bytes32 salt) external returns (address created) {
        assembly {
            created := create2(0, add(initCode, 32), mload(initCode), salt)
        }
    }

    receive() external payable {}
}

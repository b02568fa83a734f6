// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Counter} from "./Counter.sol";

/// Test fixture: deploys Counters at CREATE2 addresses that can be predicted off-chain.
contract Create2Factory {
    event Deployed(address indexed addr, bytes32 indexed salt);

    error DeployFailed(bytes32 salt);

    function deployCounter(bytes32 salt, uint256 initial) external returns (address addr) {
        addr = address(new Counter{salt: salt}(initial));
        emit Deployed(addr, salt);
    }

    /// Deploys arbitrary init code with CREATE2.
    function deploy(bytes32 salt, bytes calldata initCode) external payable returns (address addr) {
        bytes memory code = initCode;
        assembly {
            addr := create2(callvalue(), add(code, 32), mload(code), salt)
        }
        if (addr == address(0)) revert DeployFailed(salt);
        emit Deployed(addr, salt);
    }

    function predict(bytes32 salt, bytes32 initCodeHash) external view returns (address) {
        bytes32 digest = keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, initCodeHash));
        return address(uint160(uint256(digest)));
    }
}

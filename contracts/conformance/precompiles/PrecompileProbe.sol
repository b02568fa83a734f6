// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Calls an address (usually a precompile) with each call kind and reports what the calling
/// contract observes: the success flag and the returndata. Transactions leave a trace in storage
/// so a test can tell that the caller carried on after a failed call.
contract PrecompileProbe {
    bool public lastSuccess;
    bytes public lastReturn;
    uint256 public callsCompleted;

    function callWith(address target, bytes calldata input, uint256 value) public payable returns (bool, bytes memory) {
        (bool success, bytes memory ret) = target.call{value: value}(input);
        return record(success, ret);
    }

    function callWithGas(address target, bytes calldata input, uint256 value, uint256 gasArgument) public payable returns (bool, bytes memory) {
        (bool success, bytes memory ret) = target.call{value: value, gas: gasArgument}(input);
        return record(success, ret);
    }

    function staticCallWith(address target, bytes calldata input) public view returns (bool, bytes memory) {
        return target.staticcall(input);
    }

    function delegateCallWith(address target, bytes calldata input) public payable returns (bool, bytes memory) {
        (bool success, bytes memory ret) = target.delegatecall(input);
        return record(success, ret);
    }

    /// get_beacon_randomness for the epoch this call runs in (block.number), plus `delta`.
    function beaconAt(int256 delta) external view returns (uint256 epoch, bool success, bytes memory randomness) {
        epoch = uint256(int256(block.number) + delta);
        (success, randomness) = address(0xfE00000000000000000000000000000000000006).staticcall(abi.encode(epoch));
    }

    /// RETURNDATASIZE right after the call, read in assembly so nothing stale can hide.
    function returnDataSizeAfterCall(address target, bytes calldata input) public returns (bool success, uint256 size) {
        bytes memory data = input;
        assembly {
            success := call(gas(), target, 0, add(data, 32), mload(data), 0, 0)
            size := returndatasize()
        }
    }

    /// Two calls in one transaction, so a test can check the state left by both.
    function callTwice(address first, bytes calldata firstInput, uint256 firstValue, address second, bytes calldata secondInput)
        external
        payable
        returns (bool, bool)
    {
        (bool a, ) = callWith(first, firstInput, firstValue);
        (bool b, ) = callWith(second, secondInput, 0);
        return (a, b);
    }

    function record(bool success, bytes memory ret) private returns (bool, bytes memory) {
        lastSuccess = success;
        lastReturn = ret;
        callsCompleted += 1;
        return (success, ret);
    }

    receive() external payable {}
}

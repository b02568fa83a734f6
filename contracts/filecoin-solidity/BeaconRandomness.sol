// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

/// Reads get_beacon_randomness (0xfe00…06, FIP-0095) the way the Filecoin docs show; neither
/// Zondax filecoin-solidity 4.0.3 nor filecoin-solidity-api 1.1.3 wraps this precompile.
contract BeaconRandomness {
    address private constant GET_BEACON_RANDOMNESS = 0xfE00000000000000000000000000000000000006;

    /// The epoch this call executes in, and the precompile's answer for `epoch`.
    function read(uint256 epoch) external view returns (uint256 currentEpoch, bool success, bytes memory randomness) {
        (success, randomness) = GET_BEACON_RANDOMNESS.staticcall(abi.encode(epoch));
        return (block.number, success, randomness);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Compute-heavy work as test suites run it: each function repeats one verification `rounds`
/// times in a transaction and keeps a result in storage (so the work cannot be skipped).
contract ComputeBench {
    error Invalid(string what);

    uint256 public sink;

    /// OpenZeppelin-style sorted-pair Merkle proof verification (keccak-heavy).
    function merkle(bytes32 root, bytes32 leaf, bytes32[] calldata proof, uint256 rounds) external {
        for (uint256 r = 0; r < rounds; r++) {
            bytes32 node = leaf;
            for (uint256 i = 0; i < proof.length; i++) {
                bytes32 sibling = proof[i];
                node = node < sibling ? _hashPair(node, sibling) : _hashPair(sibling, node);
            }
            if (node != root) revert Invalid("merkle");
        }
        sink += rounds;
    }

    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32 value) {
        assembly ("memory-safe") {
            mstore(0x00, a)
            mstore(0x20, b)
            value := keccak256(0x00, 0x40)
        }
    }

    function ecrecoverLoop(bytes32 hash, uint8 v, bytes32 r, bytes32 s, address signer, uint256 rounds) external {
        for (uint256 i = 0; i < rounds; i++) {
            if (ecrecover(hash, v, r, s) != signer) revert Invalid("ecrecover");
        }
        sink += rounds;
    }

    /// Calls a precompile `rounds` times with `input` and checks the output's hash.
    function precompileLoop(address precompile, bytes calldata input, bytes32 outputHash, uint256 rounds) external {
        for (uint256 i = 0; i < rounds; i++) {
            (bool ok, bytes memory output) = precompile.staticcall(input);
            if (!ok || keccak256(output) != outputHash) revert Invalid("precompile output");
        }
        sink += rounds;
    }
}

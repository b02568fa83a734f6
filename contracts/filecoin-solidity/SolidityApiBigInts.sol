// SPDX-License-Identifier: MIT
pragma solidity ^0.8.18;

import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {BigInts} from "filecoin-solidity-api/contracts/v0.8/utils/BigInts.sol";

/// filecoin-solidity-api 1.1.3's BigInts, whose vendored BigNumber library STATICCALLs the
/// identity and modexp precompiles — the FEVM's Ethereum precompiles must answer as on Ethereum.
contract SolidityApiBigInts {
    function fromUint256(uint256 value) external view returns (bytes memory val, bool neg) {
        CommonTypes.BigInt memory big = BigInts.fromUint256(value);
        return (big.val, big.neg);
    }

    function fromInt256(int256 value) external view returns (bytes memory val, bool neg) {
        CommonTypes.BigInt memory big = BigInts.fromInt256(value);
        return (big.val, big.neg);
    }

    /// Returns (value, overflowed) — the library's second value is true on failure.
    function toUint256(bytes memory val, bool neg) external view returns (uint256, bool) {
        return BigInts.toUint256(CommonTypes.BigInt(val, neg));
    }

    function toInt256(bytes memory val, bool neg) external view returns (int256, bool) {
        return BigInts.toInt256(CommonTypes.BigInt(val, neg));
    }
}

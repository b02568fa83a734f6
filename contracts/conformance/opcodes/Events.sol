// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Emits LOG0–LOG4 with `size` bytes of data (FEVM spec §2.8: an FVM event carries at most 8 KiB of values).
contract EventProbe {
    function emitLog(uint256 topics, uint256 size) external {
        assembly {
            let data := mload(0x40)
            switch topics
            case 0 { log0(data, size) }
            case 1 { log1(data, size, 1) }
            case 2 { log2(data, size, 1, 2) }
            case 3 { log3(data, size, 1, 2, 3) }
            default { log4(data, size, 1, 2, 3, 4) }
        }
    }
}

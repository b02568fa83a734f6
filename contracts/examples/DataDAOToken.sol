// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

/// The DataDAO's membership token: holders vote (after delegating, as with any ERC20Votes) on
/// which pieces the DAO stores. The whole supply goes to the deployer, who distributes it.
///
/// Its clock is OpenZeppelin's default, `block.number` (CLOCK_MODE "mode=blocknumber&from=default"),
/// and on Filecoin a block number is an epoch: one every 30 seconds, null rounds included. So the
/// Governor's voting delay and period are counted in epochs (2,880 a day), the same unit the
/// storage market uses for deal start and end epochs.
contract DataDAOToken is ERC20, ERC20Votes {
    constructor(uint256 supply) ERC20("DataDAO", "DATA") EIP712("DataDAO", "1") {
        _mint(msg.sender, supply);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}

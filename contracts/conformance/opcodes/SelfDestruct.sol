// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A contract that can self-destruct (FEVM spec §2.7: tombstone semantics, not EIP-6780).
contract Destructible {
    uint256 public counter;

    constructor() payable {}

    function bump() external returns (uint256) {
        counter += 1;
        return counter;
    }

    function destroy(address payable beneficiary) external {
        selfdestruct(beneficiary);
    }

    receive() external payable {}
}

/// Deploys Destructible at a CREATE2 address; destroys one then uses it, pays it or reverts, in the same transaction.
contract DestructibleFactory {
    function deploy(bytes32 salt) external payable returns (Destructible) {
        return new Destructible{salt: salt, value: msg.value}();
    }

    function destroyThenBump(Destructible target, address payable beneficiary) external returns (uint256) {
        target.destroy(beneficiary);
        return target.bump();
    }

    function destroyThenPay(Destructible target, address payable beneficiary) external payable {
        target.destroy(beneficiary);
        payable(address(target)).transfer(msg.value);
    }

    function destroyThenRevert(Destructible target, address payable beneficiary) external {
        target.destroy(beneficiary);
        revert("undone");
    }
}

/// A beneficiary whose code refuses payments: SELFDESTRUCT pays it anyway, without running it.
contract PaymentRefuser {
    receive() external payable {
        revert("payments refused");
    }
}

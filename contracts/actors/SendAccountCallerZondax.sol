// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {SendAPI} from "@zondax/filecoin-solidity/contracts/v0.8/SendAPI.sol";
import {AccountAPI} from "@zondax/filecoin-solidity/contracts/v0.8/AccountAPI.sol";
import {AccountTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/AccountTypes.sol";
import {CommonTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/CommonTypes.sol";
import {FilAddresses} from "@zondax/filecoin-solidity/contracts/v0.8/utils/FilAddresses.sol";

/// Every SendAPI and AccountAPI function of Zondax filecoin-solidity 4.0.3, which reverts
/// `Actor.ActorError(exitCode)` on a non-zero exit code. Sends come from this contract's balance.
contract SendAccountCallerZondax {
    receive() external payable {}

    function sendToId(uint64 target, uint256 value) external {
        SendAPI.send(CommonTypes.FilActorId.wrap(target), value);
    }

    /// `target` is a Filecoin address in byte form (f0/f1/f2/f3/f4).
    function sendToAddress(bytes calldata target, uint256 value) external {
        SendAPI.send(CommonTypes.FilAddress(target), value);
    }

    /// An Ethereum address, sent to as its f410 address.
    function sendToEth(address target, uint256 value) external {
        SendAPI.send(FilAddresses.fromEthAddress(target), value);
    }

    /// Zondax's authenticateMessage returns nothing: success means the signature verified.
    function authenticate(uint64 account, bytes calldata signature, bytes calldata message) external returns (bool) {
        AccountAPI.authenticateMessage(CommonTypes.FilActorId.wrap(account), AccountTypes.AuthenticateMessageParams(signature, message));
        return true;
    }
}

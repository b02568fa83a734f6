// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {SendAPI} from "filecoin-solidity-api/contracts/v0.8/SendAPI.sol";
import {AccountAPI} from "filecoin-solidity-api/contracts/v0.8/AccountAPI.sol";
import {AccountTypes} from "filecoin-solidity-api/contracts/v0.8/types/AccountTypes.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {FilAddresses} from "filecoin-solidity-api/contracts/v0.8/utils/FilAddresses.sol";

/// Every SendAPI and AccountAPI function of filecoin-solidity-api 1.1.3 (Protocol Labs line),
/// which returns the exit code instead of reverting. Sends come from this contract's balance.
contract SendAccountCallerPL {
    receive() external payable {}

    function sendToId(uint64 target, uint256 value) external returns (int256) {
        return SendAPI.send(CommonTypes.FilActorId.wrap(target), value);
    }

    /// `target` is a Filecoin address in byte form (f0/f1/f2/f3/f4).
    function sendToAddress(bytes calldata target, uint256 value) external returns (int256) {
        return SendAPI.send(CommonTypes.FilAddress(target), value);
    }

    /// An Ethereum address, sent to as its f410 address.
    function sendToEth(address target, uint256 value) external returns (int256) {
        return SendAPI.send(FilAddresses.fromEthAddress(target), value);
    }

    function authenticate(uint64 account, bytes calldata signature, bytes calldata message) external view returns (int256) {
        return AccountAPI.authenticateMessage(CommonTypes.FilActorId.wrap(account), AccountTypes.AuthenticateMessageParams(signature, message));
    }
}

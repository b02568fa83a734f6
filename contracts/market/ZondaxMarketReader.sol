// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {MarketAPI} from "@zondax/filecoin-solidity/contracts/v0.8/MarketAPI.sol";
import {CommonTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/CommonTypes.sol";
import {MarketTypes} from "@zondax/filecoin-solidity/contracts/v0.8/types/MarketTypes.sol";

/// The market getters of Zondax's filecoin-solidity 4.0.3, one public function each. This line
/// reverts `Actor.ActorError(exitCode)` on any actor error, and its getters are not `view` (call
/// them with eth_call / `staticCall`; they send read-only to f05 all the same).
contract ZondaxMarketReader {
    function getBalance(bytes calldata addr) external returns (MarketTypes.GetBalanceReturn memory) {
        return MarketAPI.getBalance(CommonTypes.FilAddress(addr));
    }

    function getDealDataCommitment(uint64 dealId) external returns (MarketTypes.GetDealDataCommitmentReturn memory) {
        return MarketAPI.getDealDataCommitment(dealId);
    }

    function getDealClient(uint64 dealId) external returns (uint64) {
        return MarketAPI.getDealClient(dealId);
    }

    function getDealProvider(uint64 dealId) external returns (uint64) {
        return MarketAPI.getDealProvider(dealId);
    }

    function getDealLabel(uint64 dealId) external returns (CommonTypes.DealLabel memory) {
        return MarketAPI.getDealLabel(dealId);
    }

    /// Note: the library names the second field `end`, but the market answers the duration there.
    function getDealTerm(uint64 dealId) external returns (MarketTypes.GetDealTermReturn memory) {
        return MarketAPI.getDealTerm(dealId);
    }

    function getDealTotalPrice(uint64 dealId) external returns (CommonTypes.BigInt memory) {
        return MarketAPI.getDealTotalPrice(dealId);
    }

    function getDealClientCollateral(uint64 dealId) external returns (CommonTypes.BigInt memory) {
        return MarketAPI.getDealClientCollateral(dealId);
    }

    function getDealProviderCollateral(uint64 dealId) external returns (CommonTypes.BigInt memory) {
        return MarketAPI.getDealProviderCollateral(dealId);
    }

    function getDealVerified(uint64 dealId) external returns (bool) {
        return MarketAPI.getDealVerified(dealId);
    }

    function getDealActivation(uint64 dealId) external returns (MarketTypes.GetDealActivationReturn memory) {
        return MarketAPI.getDealActivation(dealId);
    }
}

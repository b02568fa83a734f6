// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {ContractDealClient} from "../lib/ContractDealClient.sol";
import {DealHealth} from "../lib/DealHealth.sol";

/// Test-only: the base's internal API and DealHealth, callable from a test
/// (test/examples/contract-deal-client.ts).
contract ContractDealClientHarness is ContractDealClient {
    mapping(uint64 => bool) public refused;
    bytes32[] public published;
    /// When set, the id every new request gets (an id scheme that collides).
    bytes32 public forcedId;

    function forceId(bytes32 id) external {
        forcedId = id;
    }

    function requestDeal(DealRequest calldata r) external returns (bytes32) {
        return _requestDeal(r);
    }

    function cancelRequest(bytes32 id) external {
        _cancelRequest(id);
    }

    function fundEscrow() external payable {
        _fundEscrow(msg.value);
    }

    function refuseProvider(uint64 provider) external {
        refused[provider] = true;
    }

    function health(uint64 dealId) external view returns (DealHealth.Health) {
        return DealHealth.check(dealId);
    }

    function locate(uint64 dealId) external view returns (DealHealth.Sector memory) {
        return DealHealth.locate(dealId);
    }

    function hasStatus(DealHealth.Sector calldata s, DealHealth.SectorStatus status) external view returns (bool) {
        return DealHealth.hasStatus(s, status);
    }

    function _newRequestId(DealRequest memory r) internal override returns (bytes32) {
        return forcedId != bytes32(0) ? forcedId : super._newRequestId(r);
    }

    function _acceptProvider(bytes32, uint64 provider) internal view override returns (bool) {
        return !refused[provider];
    }

    function _onDealPublished(bytes32 id, uint64, uint64) internal override {
        published.push(id);
    }
}

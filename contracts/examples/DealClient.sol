// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

// Usage: the starting point for a contract that buys storage, compatible with fevm-hardhat-kit's
// DealClient and with Boost's contract-deal flow, for verified deals (FIL+) and ordinary ones.
//
//     client.addBalance({ value })                 // escrow that pays the providers
//     id = client.makeDealProposal(request)        // DealProposalCreate: a provider picks it up
//     (status, dealId, provider) = client.deals(id)   // set by the market's MarketNotifyDeal
//     client.updateStatus(id)                      // Published → Active → Ended, from the market
//
// For a verified deal (`verifiedDeal: true`) the contract must hold DataCap: a verifier grants it
// to the contract's address (AddVerifiedClient), the contract receives it through the DataCap
// receiver hook, and the market spends it on the deal's allocation when the deal is published.
// The owner can also publish a request itself, naming the provider, when the contract is one of
// that miner's control addresses (`publishDeal`).

import {MarketAPI} from "filecoin-solidity-api/contracts/v0.8/MarketAPI.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {MarketTypes} from "filecoin-solidity-api/contracts/v0.8/types/MarketTypes.sol";
import {Errors} from "filecoin-solidity-api/contracts/v0.8/utils/Errors.sol";
import {ContractDealClient} from "./lib/ContractDealClient.sol";
import {DealHealth} from "./lib/DealHealth.sol";

/// A storage deal client (after fevm-hardhat-kit's DealClient, on filecoin-solidity-api 1.1.3).
/// The owner requests a deal for a piece; a storage provider publishes it — or this contract
/// publishes it itself when it is a control address of the provider — and the market asks the
/// contract to authenticate the proposal (accepted only if it is exactly the requested deal) and
/// then tells it the deal id. Requests are keyed by keccak256(pieceCid), as in the kit: one per
/// piece. Every market getter is exposed as MarketAPI answers it: (exit code, value), never
/// reverting on an actor error.
contract DealClient is ContractDealClient {
    /// What a contract client signs with: the market insists on a typed signature (BLS, `de ad`) but
    /// only the contract's AuthenticateMessage judges it.
    bytes constant PLACEHOLDER_SIGNATURE = hex"02dead";

    address public immutable owner;

    error NotOwner(address caller);
    error PieceAlreadyRequested(bytes32 id);

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    /// Records a request and announces it; returns its id (keccak256 of the piece CID). One request per piece.
    function makeDealProposal(DealRequest calldata request) external onlyOwner returns (bytes32) {
        return _requestDeal(request);
    }

    /// (status, deal id, provider) by request id = keccak256(pieceCid).
    function deals(bytes32 id) external view returns (Status, uint64, uint64) {
        return dealOf(id);
    }

    /// Deposits the attached FIL into this contract's market escrow (anyone may fund it).
    function addBalance() external payable {
        _fundEscrow(msg.value);
    }

    /// Publishes a requested deal with `provider`, which must list this contract as a control
    /// address. The market calls back AuthenticateMessage and MarketNotifyDeal during the call.
    function publishDeal(bytes32 id, uint64 provider) external onlyOwner returns (uint64 dealId) {
        MarketTypes.ClientDealProposal[] memory batch = new MarketTypes.ClientDealProposal[](1);
        batch[0] = MarketTypes.ClientDealProposal(_proposal(_existing(id), provider), PLACEHOLDER_SIGNATURE);
        (int256 exitCode, MarketTypes.PublishStorageDealsReturn memory ret) = MarketAPI.publishStorageDeals(
            MarketTypes.PublishStorageDealsParams(batch)
        );
        Errors.revertOnError(exitCode);
        return ret.ids[0];
    }

    /// Follows a published deal: Active once a sector holds it, Ended once the market removed it
    /// (completed, terminated or timed out: exit 32). Other actor errors revert NonZeroExitCode.
    /// (DealHealth.check tells more — faulty sectors too — by asking the provider's miner.)
    function updateStatus(bytes32 id) external returns (Status) {
        (Status status, uint64 dealId, ) = dealOf(id);
        if (status != Status.Published && status != Status.Active) return status;
        (int256 exitCode, MarketTypes.GetDealActivationReturn memory activation) = MarketAPI.getDealActivation(dealId);
        if (exitCode == DealHealth.EX_DEAL_EXPIRED) {
            status = Status.Ended;
        } else {
            Errors.revertOnError(exitCode);
            // MarketAPI reads the −1 of "not activated" as 0 (its readInt64 drops the sign).
            if (CommonTypes.ChainEpoch.unwrap(activation.activated) > 0) status = Status.Active;
        }
        _setStatus(id, status);
        return status;
    }

    /// The kit's ids: the piece CID's hash, so a piece is requested once.
    function _newRequestId(DealRequest memory r) internal view override returns (bytes32 id) {
        id = keccak256(r.pieceCid);
        (Status status, , ) = dealOf(id);
        if (status != Status.None) revert PieceAlreadyRequested(id);
    }

    // ---------------------------------------------------------------- MarketAPI reads

    function getBalance(bytes calldata addr) external view returns (int256, MarketTypes.GetBalanceReturn memory) {
        return MarketAPI.getBalance(CommonTypes.FilAddress(addr));
    }

    function getDealDataCommitment(uint64 dealId) external view returns (int256, MarketTypes.GetDealDataCommitmentReturn memory) {
        return MarketAPI.getDealDataCommitment(dealId);
    }

    function getDealClient(uint64 dealId) external view returns (int256, uint64) {
        return MarketAPI.getDealClient(dealId);
    }

    function getDealProvider(uint64 dealId) external view returns (int256, uint64) {
        return MarketAPI.getDealProvider(dealId);
    }

    function getDealLabel(uint64 dealId) external view returns (int256, CommonTypes.DealLabel memory) {
        return MarketAPI.getDealLabel(dealId);
    }

    function getDealTerm(uint64 dealId) external view returns (int256, MarketTypes.GetDealTermReturn memory) {
        return MarketAPI.getDealTerm(dealId);
    }

    function getDealTotalPrice(uint64 dealId) external view returns (int256, CommonTypes.BigInt memory) {
        return MarketAPI.getDealTotalPrice(dealId);
    }

    function getDealClientCollateral(uint64 dealId) external view returns (int256, CommonTypes.BigInt memory) {
        return MarketAPI.getDealClientCollateral(dealId);
    }

    function getDealProviderCollateral(uint64 dealId) external view returns (int256, CommonTypes.BigInt memory) {
        return MarketAPI.getDealProviderCollateral(dealId);
    }

    function getDealVerified(uint64 dealId) external view returns (int256, bool) {
        return MarketAPI.getDealVerified(dealId);
    }

    function getDealActivation(uint64 dealId) external view returns (int256, MarketTypes.GetDealActivationReturn memory) {
        return MarketAPI.getDealActivation(dealId);
    }

    /// The sector holding the deal (GetDealSector, which MarketAPI does not wrap): 33 while not activated.
    function getDealSector(uint64 dealId) external view returns (int256, uint64) {
        return DealHealth.dealSector(dealId);
    }

    /// Whether the sector holding the deal has `status` (FIP-0112: Dead 0, Active 1, Faulty 2), as
    /// a contract learns it on chain: GetDealSector, then the provider's GenerateSectorLocation and
    /// ValidateSectorStatus. exitCode is the market's when it cannot name the sector (33 while
    /// not activated, 32 once it forgot the deal: completed or terminated).
    function dealSectorIs(uint64 dealId, DealHealth.SectorStatus status) external view returns (int256 exitCode, bool matches) {
        (exitCode, ) = DealHealth.dealSector(dealId);
        if (exitCode != 0) return (exitCode, false);
        return (0, DealHealth.hasStatus(DealHealth.locate(dealId), status));
    }
}

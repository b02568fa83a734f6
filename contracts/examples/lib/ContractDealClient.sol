// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

// Usage: inherit, and call `_requestDeal` when your contract wants a piece stored.
//
//     contract MyArchive is ContractDealClient {
//         function store(DealRequest calldata r) external payable {
//             _fundEscrow(msg.value);              // the client pays storage from market escrow
//             bytes32 id = _requestDeal(r);        // emits DealProposalCreate: Boost picks it up
//         }
//         function _acceptProvider(bytes32, uint64 provider) internal view override returns (bool) {
//             return provider != banned;           // optional: who may take the deal
//         }
//         function _onDealPublished(bytes32 id, uint64 dealId, uint64 provider) internal override {
//             // remember dealId; follow it later with DealHealth.check(dealId)
//         }
//     }
//
// A storage provider running Boost (or hardhat-fevm's simulated provider) sees DealProposalCreate,
// reads getDealProposal(id), puts itself in as provider and publishes. The market then asks this
// contract to authenticate the proposal and tells it the deal id; both callbacks land in
// handle_filecoin_method below.

import {MarketAPI} from "filecoin-solidity-api/contracts/v0.8/MarketAPI.sol";
import {PrecompilesAPI} from "filecoin-solidity-api/contracts/v0.8/PrecompilesAPI.sol";
import {AccountTypes} from "filecoin-solidity-api/contracts/v0.8/types/AccountTypes.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {MarketTypes} from "filecoin-solidity-api/contracts/v0.8/types/MarketTypes.sol";
import {AccountCBOR} from "filecoin-solidity-api/contracts/v0.8/cbor/AccountCbor.sol";
import {MarketCBOR} from "filecoin-solidity-api/contracts/v0.8/cbor/MarketCbor.sol";
import {BigInts} from "filecoin-solidity-api/contracts/v0.8/utils/BigInts.sol";
import {Errors} from "filecoin-solidity-api/contracts/v0.8/utils/Errors.sol";
import {FilAddresses} from "filecoin-solidity-api/contracts/v0.8/utils/FilAddresses.sol";
import {Misc} from "filecoin-solidity-api/contracts/v0.8/utils/Misc.sol";

/// The Boost contract-deal flow (fevm-hardhat-kit's DealClient), once, for contracts that make
/// storage deals. Requests are identified by an id; several requests for the same piece (replicas,
/// renewals) coexist, and the market's callbacks are matched to an open request by the proposal's
/// terms, the provider aside.
abstract contract ContractDealClient {
    using AccountCBOR for bytes;
    using MarketCBOR for bytes;
    using MarketCBOR for MarketTypes.DealProposal;

    uint64 internal constant AUTHENTICATE_MESSAGE = 2643134072;
    uint64 internal constant MARKET_NOTIFY_DEAL = 4186741094;
    uint64 internal constant DATACAP_RECEIVER_HOOK = 3726118371;
    address internal constant MARKET = 0xff00000000000000000000000000000000000005;
    address internal constant DATACAP = 0xfF00000000000000000000000000000000000007;

    /// Deal id 0 is a valid id on chain, so "no deal yet" is told by the status, not the id.
    /// The base sets None, Requested and Published; contracts that follow their deals may move
    /// them on to Active and Ended (`_setStatus`).
    enum Status {
        None,
        Requested,
        Published,
        Active,
        Ended
    }

    /// A deal proposal without its provider: any provider may take it.
    struct DealRequest {
        /// Binary v1 piece CID (39 bytes, `0x0181e20392202…`), without the 0x00 multibase prefix.
        bytes pieceCid;
        /// Padded piece size: a power of two ≥ 128.
        uint64 pieceSize;
        bool verifiedDeal;
        string label;
        int64 startEpoch;
        int64 endEpoch;
        uint256 storagePricePerEpoch;
        uint256 providerCollateral;
        uint256 clientCollateral;
    }

    struct Deal {
        Status status;
        uint64 dealId;
        uint64 provider;
    }

    mapping(bytes32 => DealRequest) private requests;
    mapping(bytes32 => Deal) private deals_;
    /// Open (requested, unpublished) request ids by the hash of their terms.
    mapping(bytes32 => bytes32[]) private openByTerms;
    uint256 private requestCount;

    /// The fevm-hardhat-kit event a deal engine (Boost) watches for new requests.
    event DealProposalCreate(bytes32 indexed id, uint64 size, bool indexed verified, uint256 price);
    event DealPublished(bytes32 indexed id, uint64 dealId, uint64 provider);
    /// The kit's event for DataCap minted to (or sent back to) the contract: it can then make verified deals.
    event ReceivedDataCap(string received);

    error DuplicateRequest(bytes32 id);
    error NoSuchRequest(bytes32 id);
    error RequestNotOpen(bytes32 id);
    error NotFromMarket(address caller);
    /// MarketNotifyDeal for terms no open request has (the hash of those terms).
    error UnrequestedDeal(bytes32 terms);
    error UnhandledMethod(uint64 method);

    // ---------------------------------------------------------------- what deal engines read

    function getDealRequest(bytes32 id) public view returns (DealRequest memory) {
        return requests[_existing(id)];
    }

    /// The request as DealProposal CBOR with this contract as client and the placeholder provider
    /// f00, which the provider that takes the deal replaces with its own address.
    function getDealProposal(bytes32 id) public view returns (bytes memory) {
        return _proposal(_existing(id), 0).serializeDealProposal();
    }

    /// Boost's ExtraParamsV1 CBOR (where to fetch the data); none by default.
    function getExtraParams(bytes32) public view virtual returns (bytes memory) {
        return "";
    }

    /// (status, deal id, provider) of a request.
    function dealOf(bytes32 id) public view returns (Status, uint64, uint64) {
        Deal storage d = deals_[id];
        return (d.status, d.dealId, d.provider);
    }

    // ---------------------------------------------------------------- for contracts built on this

    /// Records a request and announces it (DealProposalCreate); returns its id.
    function _requestDeal(DealRequest memory r) internal returns (bytes32 id) {
        id = _newRequestId(r);
        if (deals_[id].status != Status.None) revert DuplicateRequest(id);
        requests[id] = r;
        deals_[id].status = Status.Requested;
        openByTerms[requestTerms(requests[id])].push(id);
        emit DealProposalCreate(id, r.pieceSize, r.verifiedDeal, r.storagePricePerEpoch);
    }

    /// A fresh id per request, so requests for one piece coexist. Override for another scheme
    /// (DealClient uses keccak256(pieceCid): one request per piece).
    function _newRequestId(DealRequest memory) internal virtual returns (bytes32) {
        return bytes32(++requestCount);
    }

    /// Withdraws an open request: providers can no longer publish it, and its id is free again.
    function _cancelRequest(bytes32 id) internal {
        if (deals_[id].status != Status.Requested) revert RequestNotOpen(id);
        closeOpen(requestTerms(requests[id]), id);
        delete requests[id];
        delete deals_[id];
    }

    /// Deposits `amount` of this contract's FIL into its market escrow, which pays for its deals.
    function _fundEscrow(uint256 amount) internal {
        (int256 exitCode, ) = MarketAPI.addBalance(FilAddresses.fromEthAddress(address(this)), amount);
        Errors.revertOnError(exitCode);
    }

    /// Whether `provider` (a miner's actor id) may take request `id`; asked for each proposal.
    function _acceptProvider(bytes32, uint64) internal view virtual returns (bool) {
        return true;
    }

    /// Called once a provider published request `id` as deal `dealId`. Reverting aborts the publish.
    function _onDealPublished(bytes32 id, uint64 dealId, uint64 provider) internal virtual {}

    /// `id`, or NoSuchRequest when no request has it.
    function _existing(bytes32 id) internal view returns (bytes32) {
        if (deals_[id].status == Status.None) revert NoSuchRequest(id);
        return id;
    }

    function _setStatus(bytes32 id, Status status) internal {
        deals_[id].status = status;
    }

    /// The request as a DealProposal with `provider` (0: the placeholder f00).
    function _proposal(bytes32 id, uint64 provider) internal view returns (MarketTypes.DealProposal memory p) {
        DealRequest storage r = requests[id];
        p.piece_cid = CommonTypes.Cid(r.pieceCid);
        p.piece_size = r.pieceSize;
        p.verified_deal = r.verifiedDeal;
        p.client = FilAddresses.fromEthAddress(address(this));
        p.provider = FilAddresses.fromActorID(provider);
        p.label = CommonTypes.DealLabel(bytes(r.label), true);
        p.start_epoch = CommonTypes.ChainEpoch.wrap(r.startEpoch);
        p.end_epoch = CommonTypes.ChainEpoch.wrap(r.endEpoch);
        p.storage_price_per_epoch = BigInts.fromUint256(r.storagePricePerEpoch);
        p.provider_collateral = BigInts.fromUint256(r.providerCollateral);
        p.client_collateral = BigInts.fromUint256(r.clientCollateral);
    }

    // ---------------------------------------------------------------- the market's callbacks

    function handle_filecoin_method(uint64 method, uint64, bytes memory params) public virtual returns (uint32, uint64, bytes memory) {
        if (method == DATACAP_RECEIVER_HOOK && msg.sender == DATACAP) {
            emit ReceivedDataCap("DataCap Received!");
            return (0, Misc.NONE_CODEC, "");
        }
        if (msg.sender != MARKET) revert NotFromMarket(msg.sender);
        if (method == AUTHENTICATE_MESSAGE) {
            AccountTypes.AuthenticateMessageParams memory auth = params.deserializeAuthenticateMessageParams();
            (bool found, ) = matchRequest(auth.message.deserializeDealProposal());
            return (0, Misc.CBOR_CODEC, found ? bytes(hex"f5") : bytes(hex"f4"));
        }
        if (method == MARKET_NOTIFY_DEAL) {
            // Reverting here makes the market abort the whole publish.
            MarketTypes.MarketDealNotifyParams memory notice = params.deserializeMarketDealNotifyParams();
            MarketTypes.DealProposal memory proposal = notice.dealProposal.deserializeDealProposal();
            (bool found, bytes32 id) = matchRequest(proposal);
            if (!found) revert UnrequestedDeal(id);
            uint64 provider = PrecompilesAPI.resolveAddress(proposal.provider);
            closeOpen(requestTerms(requests[id]), id);
            deals_[id] = Deal(Status.Published, notice.dealId, provider);
            emit DealPublished(id, notice.dealId, provider);
            _onDealPublished(id, notice.dealId, provider);
            return (0, Misc.NONE_CODEC, "");
        }
        revert UnhandledMethod(method);
    }

    // ---------------------------------------------------------------- matching

    /// The open request whose terms are `p`'s (provider aside) and that accepts `p`'s provider:
    /// (true, its id); otherwise (false, the terms' hash).
    function matchRequest(MarketTypes.DealProposal memory p) private view returns (bool, bytes32) {
        (bool wellFormed, bytes32 terms) = proposalTerms(p);
        if (!wellFormed || PrecompilesAPI.resolveAddress(p.client) != PrecompilesAPI.resolveEthAddress(address(this))) return (false, terms);
        uint64 provider = PrecompilesAPI.resolveAddress(p.provider);
        bytes32[] storage open = openByTerms[terms];
        for (uint256 i = 0; i < open.length; i++) {
            if (_acceptProvider(open[i], provider)) return (true, open[i]);
        }
        return (false, terms);
    }

    function requestTerms(DealRequest storage r) private view returns (bytes32) {
        return termsHash(r.pieceCid, r.pieceSize, r.verifiedDeal, bytes(r.label), r.startEpoch, r.endEpoch, r.storagePricePerEpoch, r.providerCollateral, r.clientCollateral);
    }

    /// The terms' hash; false for a proposal no request can have (a bytes label, a negative or
    /// oversized amount).
    function proposalTerms(MarketTypes.DealProposal memory p) private view returns (bool, bytes32) {
        (uint256 price, bool priceOk) = toAmount(p.storage_price_per_epoch);
        (uint256 providerCollateral, bool providerOk) = toAmount(p.provider_collateral);
        (uint256 clientCollateral, bool clientOk) = toAmount(p.client_collateral);
        bytes32 terms = termsHash(
            p.piece_cid.data,
            p.piece_size,
            p.verified_deal,
            p.label.data,
            CommonTypes.ChainEpoch.unwrap(p.start_epoch),
            CommonTypes.ChainEpoch.unwrap(p.end_epoch),
            price,
            providerCollateral,
            clientCollateral
        );
        return (p.label.isString && priceOk && providerOk && clientOk, terms);
    }

    function termsHash(
        bytes memory pieceCid,
        uint64 pieceSize,
        bool verified,
        bytes memory label,
        int64 startEpoch,
        int64 endEpoch,
        uint256 price,
        uint256 providerCollateral,
        uint256 clientCollateral
    ) private pure returns (bytes32) {
        return keccak256(abi.encode(keccak256(pieceCid), pieceSize, verified, keccak256(label), startEpoch, endEpoch, price, providerCollateral, clientCollateral));
    }

    function toAmount(CommonTypes.BigInt memory a) private view returns (uint256, bool) {
        (uint256 value, bool overflowed) = BigInts.toUint256(a);
        return (value, !a.neg && !overflowed);
    }

    function closeOpen(bytes32 terms, bytes32 id) private {
        bytes32[] storage open = openByTerms[terms];
        for (uint256 i = 0; i < open.length; i++) {
            if (open[i] == id) {
                open[i] = open[open.length - 1];
                open.pop();
                return;
            }
        }
    }
}

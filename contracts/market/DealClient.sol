// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

import {MarketAPI} from "filecoin-solidity-api/contracts/v0.8/MarketAPI.sol";
import {PrecompilesAPI} from "filecoin-solidity-api/contracts/v0.8/PrecompilesAPI.sol";
import {AccountTypes} from "filecoin-solidity-api/contracts/v0.8/types/AccountTypes.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {MarketTypes} from "filecoin-solidity-api/contracts/v0.8/types/MarketTypes.sol";
import {AccountCBOR} from "filecoin-solidity-api/contracts/v0.8/cbor/AccountCbor.sol";
import {BytesCBOR} from "filecoin-solidity-api/contracts/v0.8/cbor/BytesCbor.sol";
import {MarketCBOR} from "filecoin-solidity-api/contracts/v0.8/cbor/MarketCbor.sol";
import {Actor} from "filecoin-solidity-api/contracts/v0.8/utils/Actor.sol";
import {CBORDecoder} from "filecoin-solidity-api/contracts/v0.8/utils/CborDecode.sol";
import {CBOR} from "solidity-cborutils/contracts/CBOR.sol";
import {BigInts} from "filecoin-solidity-api/contracts/v0.8/utils/BigInts.sol";
import {Errors} from "filecoin-solidity-api/contracts/v0.8/utils/Errors.sol";
import {FilAddresses} from "filecoin-solidity-api/contracts/v0.8/utils/FilAddresses.sol";
import {Misc} from "filecoin-solidity-api/contracts/v0.8/utils/Misc.sol";

/// A storage deal client (after fevm-hardhat-kit's DealClient, on filecoin-solidity-api 1.1.3).
/// The owner requests a deal for a piece; a storage provider publishes it — or this contract
/// publishes it itself when it is a control address of the provider — and the market asks the
/// contract to authenticate the proposal (AuthenticateMessage: accepted only if it is exactly the
/// requested deal) and then tells it the deal id (MarketNotifyDeal). Every market getter is
/// exposed as MarketAPI answers it: (exit code, value), never reverting on an actor error.
contract DealClient {
    using AccountCBOR for bytes;
    using BytesCBOR for bytes;
    using MarketCBOR for bytes;
    using MarketCBOR for uint64;
    using MarketCBOR for MarketTypes.DealProposal;
    using CBOR for CBOR.CBORBuffer;

    uint64 constant AUTHENTICATE_MESSAGE = 2643134072;
    uint64 constant MARKET_NOTIFY_DEAL = 4186741094;
    uint64 constant DATACAP_RECEIVER_HOOK = 3726118371;
    address constant DATACAP = 0xfF00000000000000000000000000000000000007;
    /// Exported by the market since nv22 but not wrapped by MarketAPI.
    uint256 constant GET_DEAL_SECTOR = 2611213344;
    /// FIP-0112 methods exported by the miner (not wrapped by MinerAPI 1.1.3).
    uint256 constant GENERATE_SECTOR_LOCATION = 1321604665;
    uint256 constant VALIDATE_SECTOR_STATUS = 3092458564;
    address constant MARKET = 0xff00000000000000000000000000000000000005;
    /// What a contract client signs with: the market insists on a typed signature (BLS, `de ad`) but
    /// only the contract's AuthenticateMessage judges it.
    bytes constant PLACEHOLDER_SIGNATURE = hex"02dead";
    /// Deal id 0 is a valid id on chain, so "no deal yet" is told by the status, not the id.
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

    address public immutable owner;
    mapping(bytes32 => DealRequest) private requests;
    /// By request id = keccak256(pieceCid).
    mapping(bytes32 => Deal) public deals;

    /// The fevm-hardhat-kit event a deal engine watches for new requests.
    event DealProposalCreate(bytes32 indexed id, uint64 size, bool indexed verified, uint256 price);
    event DealPublished(bytes32 indexed id, uint64 dealId, uint64 provider);
    /// The kit's event for DataCap minted to (or sent back to) the contract: it can then make verified deals.
    event ReceivedDataCap(string received);

    error NotOwner(address caller);
    error PieceAlreadyRequested(bytes32 id);
    error NoSuchRequest(bytes32 id);
    error NotFromMarket(address caller);
    error UnrequestedDeal(bytes32 id);
    error UnhandledMethod(uint64 method);

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    /// Records a request and announces it; returns its id (keccak256 of the piece CID). One request per piece.
    function makeDealProposal(DealRequest calldata request) external onlyOwner returns (bytes32 id) {
        id = keccak256(request.pieceCid);
        if (deals[id].status != Status.None) revert PieceAlreadyRequested(id);
        requests[id] = request;
        deals[id].status = Status.Requested;
        emit DealProposalCreate(id, request.pieceSize, request.verifiedDeal, request.storagePricePerEpoch);
    }

    function getDealRequest(bytes32 id) external view returns (DealRequest memory) {
        return requests[existing(id)];
    }

    /// The request as DealProposal CBOR with this contract as client and the placeholder provider
    /// f00, which the provider that takes the deal replaces with its own address.
    function getDealProposal(bytes32 id) external view returns (bytes memory) {
        return proposalFor(existing(id), 0).serializeDealProposal();
    }

    /// Deposits the attached FIL into this contract's market escrow (anyone may fund it).
    function addBalance() external payable {
        (int256 exitCode, ) = MarketAPI.addBalance(FilAddresses.fromEthAddress(address(this)), msg.value);
        Errors.revertOnError(exitCode);
    }

    /// Publishes a requested deal with `provider`, which must list this contract as a control
    /// address. The market calls back AuthenticateMessage and MarketNotifyDeal during the call.
    function publishDeal(bytes32 id, uint64 provider) external onlyOwner returns (uint64 dealId) {
        MarketTypes.ClientDealProposal[] memory batch = new MarketTypes.ClientDealProposal[](1);
        batch[0] = MarketTypes.ClientDealProposal(proposalFor(existing(id), provider), PLACEHOLDER_SIGNATURE);
        (int256 exitCode, MarketTypes.PublishStorageDealsReturn memory ret) = MarketAPI.publishStorageDeals(
            MarketTypes.PublishStorageDealsParams(batch)
        );
        Errors.revertOnError(exitCode);
        return ret.ids[0];
    }

    /// Follows a published deal: Active once a sector holds it, Ended once the market removed it
    /// (completed, terminated or timed out: exit 32). Other actor errors revert NonZeroExitCode.
    function updateStatus(bytes32 id) external returns (Status) {
        Deal storage deal = deals[id];
        if (deal.status != Status.Published && deal.status != Status.Active) return deal.status;
        (int256 exitCode, MarketTypes.GetDealActivationReturn memory activation) = MarketAPI.getDealActivation(deal.dealId);
        if (exitCode == 32) {
            deal.status = Status.Ended;
        } else {
            Errors.revertOnError(exitCode);
            // MarketAPI reads the −1 of "not activated" as 0 (its readInt64 drops the sign).
            if (CommonTypes.ChainEpoch.unwrap(activation.activated) > 0) deal.status = Status.Active;
        }
        return deal.status;
    }

    function handle_filecoin_method(uint64 method, uint64, bytes memory params) external returns (uint32, uint64, bytes memory) {
        if (method == DATACAP_RECEIVER_HOOK && msg.sender == DATACAP) {
            emit ReceivedDataCap("DataCap Received!");
            return (0, Misc.NONE_CODEC, "");
        }
        if (msg.sender != MARKET) revert NotFromMarket(msg.sender);
        if (method == AUTHENTICATE_MESSAGE) {
            AccountTypes.AuthenticateMessageParams memory auth = params.deserializeAuthenticateMessageParams();
            bool mine = isRequested(auth.message.deserializeDealProposal());
            return (0, Misc.CBOR_CODEC, mine ? bytes(hex"f5") : bytes(hex"f4"));
        }
        if (method == MARKET_NOTIFY_DEAL) {
            // Reverting here makes the market abort the whole publish.
            MarketTypes.MarketDealNotifyParams memory notice = params.deserializeMarketDealNotifyParams();
            MarketTypes.DealProposal memory proposal = notice.dealProposal.deserializeDealProposal();
            bytes32 id = keccak256(proposal.piece_cid.data);
            if (!isRequested(proposal)) revert UnrequestedDeal(id);
            uint64 provider = PrecompilesAPI.resolveAddress(proposal.provider);
            deals[id] = Deal(Status.Published, notice.dealId, provider);
            emit DealPublished(id, notice.dealId, provider);
            return (0, Misc.NONE_CODEC, "");
        }
        revert UnhandledMethod(method);
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

    /// The sector holding the deal, through the library's Actor call (33 while not activated).
    function getDealSector(uint64 dealId) external view returns (int256 exitCode, uint64 sector) {
        return dealSector(dealId);
    }

    function dealSector(uint64 dealId) private view returns (int256 exitCode, uint64 sector) {
        bytes memory data;
        (exitCode, data) = Actor.callByIDReadOnly(MarketTypes.ActorID, GET_DEAL_SECTOR, Misc.CBOR_CODEC, dealId.serializeDealID());
        if (exitCode == 0) sector = data.deserializeUint64();
    }

    /// FIP-0112 sector status codes (ValidateSectorStatus): Dead 0, Active 1, Faulty 2.
    enum SectorStatus {
        Dead,
        Active,
        Faulty
    }

    /// Whether the sector holding the deal has `status`, as a contract learns it on chain: the
    /// market's GetDealSector, then the provider's GenerateSectorLocation and ValidateSectorStatus
    /// at that location. exitCode is the first failing call's (33 while the deal is not
    /// activated; the market forgets a terminated or completed deal).
    function dealSectorIs(uint64 dealId, SectorStatus status) external view returns (int256 exitCode, bool matches) {
        uint64 sector;
        (exitCode, sector) = dealSector(dealId);
        if (exitCode != 0) return (exitCode, false);
        uint64 provider;
        (exitCode, provider) = MarketAPI.getDealProvider(dealId);
        if (exitCode != 0) return (exitCode, false);
        bytes memory ret;
        CBOR.CBORBuffer memory buf = CBOR.create(16);
        buf.startFixedArray(1);
        buf.writeUInt64(sector);
        (exitCode, ret) = Actor.callByIDReadOnly(CommonTypes.FilActorId.wrap(provider), GENERATE_SECTOR_LOCATION, Misc.CBOR_CODEC, buf.data());
        if (exitCode != 0) return (exitCode, false);
        // [status, h'CBOR [deadline, partition]']: the location goes back as ValidateSectorStatus's aux data.
        (, uint256 at) = CBORDecoder.readFixedArray(ret, 0);
        (, at) = CBORDecoder.readUInt8(ret, at);
        (bytes memory location, ) = CBORDecoder.readBytes(ret, at);
        buf = CBOR.create(32 + location.length);
        buf.startFixedArray(3);
        buf.writeUInt64(sector);
        buf.writeUInt64(uint64(status));
        buf.writeBytes(location);
        (exitCode, ret) = Actor.callByIDReadOnly(CommonTypes.FilActorId.wrap(provider), VALIDATE_SECTOR_STATUS, Misc.CBOR_CODEC, buf.data());
        if (exitCode != 0) return (exitCode, false);
        (matches, ) = CBORDecoder.readBool(ret, 0);
    }

    // ---------------------------------------------------------------- helpers

    function existing(bytes32 id) private view returns (bytes32) {
        if (deals[id].status == Status.None) revert NoSuchRequest(id);
        return id;
    }

    function proposalFor(bytes32 id, uint64 provider) private view returns (MarketTypes.DealProposal memory p) {
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

    /// Whether `p` is, provider aside, a requested and not yet published deal of this contract.
    function isRequested(MarketTypes.DealProposal memory p) private view returns (bool) {
        bytes32 id = keccak256(p.piece_cid.data);
        if (deals[id].status != Status.Requested) return false;
        DealRequest storage r = requests[id];
        if (PrecompilesAPI.resolveAddress(p.client) != PrecompilesAPI.resolveEthAddress(address(this))) return false;
        if (p.piece_size != r.pieceSize || p.verified_deal != r.verifiedDeal) return false;
        if (!p.label.isString || keccak256(p.label.data) != keccak256(bytes(r.label))) return false;
        if (CommonTypes.ChainEpoch.unwrap(p.start_epoch) != r.startEpoch || CommonTypes.ChainEpoch.unwrap(p.end_epoch) != r.endEpoch) return false;
        return
            equals(p.storage_price_per_epoch, r.storagePricePerEpoch) &&
            equals(p.provider_collateral, r.providerCollateral) &&
            equals(p.client_collateral, r.clientCollateral);
    }

    function equals(CommonTypes.BigInt memory a, uint256 b) private view returns (bool) {
        if (a.neg) return false;
        (uint256 value, bool overflowed) = BigInts.toUint256(a);
        return !overflowed && value == b;
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

// Usage:
//
//     worker = new ReplicationWorker(owner /* you, or a DAO timelock */, reputation /* or address(0) */, minScore, startDelay, failureCooldown)
//     send FIL to the worker                       // pays every deal's escrow
//     id = worker.addDataset(terms, 3, renewWindow, faultGrace)   // three deals, three providers
//     worker.check(id)                             // anyone, e.g. a keeper once a day: repairs, renews
//     worker.slotsOf(id) → request ids; worker.dealOf(requestId) → (status, deal id, provider)

import {MarketAPI} from "filecoin-solidity-api/contracts/v0.8/MarketAPI.sol";
import {MarketTypes} from "filecoin-solidity-api/contracts/v0.8/types/MarketTypes.sol";
import {BigInts} from "filecoin-solidity-api/contracts/v0.8/utils/BigInts.sol";
import {FilAddresses} from "filecoin-solidity-api/contracts/v0.8/utils/FilAddresses.sol";
import {ContractDealClient} from "./lib/ContractDealClient.sol";
import {DealHealth} from "./lib/DealHealth.sol";
import {ProviderReputation} from "./ProviderReputation.sol";

/// Keeps each dataset (a piece and its deal terms) stored by `replicas` DISTINCT storage providers,
/// and repairs itself.
///
/// Each replica has a slot. A slot holds the deal request of its current copy and, once that
/// copy nears its end, the request of its renewal. Requests carry no provider (f00): any provider
/// may take them, the Boost contract-deal way, and AuthenticateMessage (`_acceptProvider`) turns
/// away a provider that already holds another copy of the dataset, failed one recently, or
/// scores below `minScore` at the reputation contract.
///
/// `check(datasetId)` is permissionless: anyone (a keeper, the data owner, a provider looking for
/// work) walks the copies with DealHealth — the chain's own market and miner state, no oracle —
/// and the worker proposes a replacement for a copy that
/// - stayed faulty for the dataset's `faultGrace` epochs (a fault is often a missed Window PoSt
///   the provider recovers from in the next proving period; repairing at once would pay twice
///   for a blip, while waiting too long risks the data: the chain terminates a sector after 42
///   days of faults. 0 repairs at once);
/// - was terminated, or timed out unsealed (not sealed by its start epoch);
/// - found no provider by its start epoch;
/// - reached its end (its renewal takes over, or a new deal is made);
/// and proposes the renewal of a copy within `renewWindow` epochs of its end.
/// Deals are paid from the worker's FIL balance (send FIL to it), deposited into its market
/// escrow as requests are made. A provider that fails a copy is barred from the dataset for
/// `failureCooldown` epochs, so repeated faults cost it business rather than costing the worker
/// more deals.
contract ReplicationWorker is ContractDealClient {
    /// Bounds the gas of `check` and of AuthenticateMessage, which both walk every slot.
    uint8 public constant MAX_REPLICAS = 8;

    /// Why a copy was proposed (or failed). None: the copy is fine.
    enum Reason {
        None,
        Initial,
        Unclaimed,
        Missed,
        Faulty,
        Terminated,
        Expired,
        Renewal
    }

    /// A dataset's deal terms, without epochs: each request starts `startDelay` after it is made.
    struct Terms {
        bytes pieceCid;
        uint64 pieceSize;
        bool verifiedDeal;
        string label;
        int64 duration;
        uint256 storagePricePerEpoch;
        uint256 providerCollateral;
        uint256 clientCollateral;
    }

    struct Dataset {
        Terms terms;
        uint8 replicas;
        int64 renewWindow;
        int64 faultGrace;
    }

    /// One replica's place: its current copy's request and, near that copy's end, its renewal's.
    struct Slot {
        bytes32 current;
        bytes32 renewal;
    }

    /// What the worker remembers of each request it made.
    struct Copy {
        uint256 dataset;
        uint8 slot;
        int64 startEpoch;
        int64 endEpoch;
        /// Epoch a fault was first seen, 0 while healthy.
        int64 faultySince;
        /// Seen active or faulty: it was sealed (so removal before its end is a termination).
        bool wasSealed;
        /// Escrow this request needs (total price + client collateral).
        uint256 cost;
    }

    address public immutable owner;
    /// Optional (address 0: none). Told of every copy checked, consulted on every provider.
    ProviderReputation public immutable reputation;
    /// Providers scoring below it are refused. With few providers a strict minimum can leave a
    /// copy unclaimed (it is proposed afresh at each start epoch until someone qualifies).
    int256 public immutable minScore;
    /// Epochs between a request and its deal's start: the time a provider has to seal.
    int64 public immutable startDelay;
    int64 public immutable failureCooldown;

    uint256 public datasetCount;
    mapping(uint256 => Dataset) private datasets;
    mapping(uint256 => Slot[]) private slots;
    mapping(bytes32 => Copy) public copies;
    /// Per dataset: until which epoch a provider that failed a copy is refused.
    mapping(uint256 => mapping(uint64 => int64)) public failedUntil;
    /// Escrow promised to requests not published yet (the market locks it only at publication).
    uint256 public reservedEscrow;

    event DatasetAdded(uint256 indexed datasetId, bytes pieceCid, uint8 replicas);
    event CopyProposed(uint256 indexed datasetId, uint8 slot, bytes32 requestId, Reason reason);
    event CopyFailed(uint256 indexed datasetId, uint8 slot, uint64 dealId, uint64 provider, Reason reason);
    event CopyRenewed(uint256 indexed datasetId, uint8 slot, bytes32 requestId);

    error NotOwner(address caller);
    error InvalidReplicaCount(uint8 replicas, uint8 max);
    /// The renew window must leave a renewal time to be sealed (more than `startDelay`) and be
    /// shorter than a deal.
    error InvalidRenewWindow(int64 renewWindow, int64 duration);
    error UnknownDataset(uint256 datasetId);
    /// The worker's FIL balance cannot cover the escrow a new request needs.
    error InsufficientFunds(uint256 needed, uint256 available);

    /// `owner_` adds datasets: an account, or a DAO's timelock (as in `npm run demo`).
    constructor(address owner_, ProviderReputation reputation_, int256 minScore_, int64 startDelay_, int64 failureCooldown_) {
        owner = owner_;
        reputation = reputation_;
        minScore = minScore_;
        startDelay = startDelay_;
        failureCooldown = failureCooldown_;
    }

    /// FIL to pay for deals.
    receive() external payable {}

    /// Stores a new dataset `replicas` times: requests that many deals at once.
    function addDataset(Terms calldata terms, uint8 replicas, int64 renewWindow, int64 faultGrace) external returns (uint256 datasetId) {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        if (replicas == 0 || replicas > MAX_REPLICAS) revert InvalidReplicaCount(replicas, MAX_REPLICAS);
        if (renewWindow <= startDelay || renewWindow >= terms.duration) revert InvalidRenewWindow(renewWindow, terms.duration);
        datasetId = datasetCount++;
        datasets[datasetId] = Dataset(terms, replicas, renewWindow, faultGrace);
        emit DatasetAdded(datasetId, terms.pieceCid, replicas);
        for (uint8 i = 0; i < replicas; i++) slots[datasetId].push(Slot(propose(datasetId, i, Reason.Initial), 0));
    }

    /// Walks the dataset's copies and repairs what needs it. Anyone may call it; it acts only on
    /// what the chain shows. Returns how many requests it made.
    function check(uint256 datasetId) external returns (uint256 proposed) {
        Slot[] storage all = slots[known(datasetId)];
        for (uint8 i = 0; i < all.length; i++) proposed += checkSlot(datasetId, i, all[i]);
    }

    function checkSlot(uint256 datasetId, uint8 i, Slot storage slot) private returns (uint256) {
        Reason why = inspect(slot.current);
        if (why != Reason.None) {
            // A pending renewal is already a copy for this slot: it takes over.
            if (slot.renewal != 0) {
                emit CopyRenewed(datasetId, i, slot.renewal);
                (slot.current, slot.renewal) = (slot.renewal, 0);
                return 0;
            }
            slot.current = propose(datasetId, i, why);
            return 1;
        }
        if (slot.renewal == 0) {
            if (int256(block.number) + datasets[datasetId].renewWindow < copies[slot.current].endEpoch) return 0;
            slot.renewal = propose(datasetId, i, Reason.Renewal);
            return 1;
        }
        if (inspect(slot.renewal) == Reason.None) return 0;
        slot.renewal = propose(datasetId, i, Reason.Renewal);
        return 1;
    }

    /// Why request `id`'s copy must be replaced, or None. Reports the deal to the reputation
    /// contract and bars a provider that failed it.
    function inspect(bytes32 id) private returns (Reason) {
        Copy storage c = copies[id];
        (Status status, uint64 dealId, uint64 provider) = dealOf(id);
        int256 now_ = int256(block.number);
        if (status == Status.Requested) {
            // Once its start epoch has come no provider can take it: make a fresh one.
            if (now_ < c.startEpoch) return Reason.None;
            _cancelRequest(id);
            reservedEscrow -= c.cost;
            return Reason.Unclaimed;
        }
        report(dealId);
        if (now_ >= c.endEpoch) return Reason.Expired;
        DealHealth.Health health = DealHealth.check(dealId);
        if (health == DealHealth.Health.Active) {
            (c.wasSealed, c.faultySince) = (true, 0);
            return Reason.None;
        }
        if (health == DealHealth.Health.Pending) {
            return now_ > c.startEpoch ? failed(c, dealId, provider, Reason.Missed) : Reason.None;
        }
        if (health == DealHealth.Health.Faulty) {
            c.wasSealed = true;
            if (c.faultySince == 0) c.faultySince = int64(now_);
            if (now_ - c.faultySince < datasets[c.dataset].faultGrace) return Reason.None;
            return failed(c, dealId, provider, Reason.Faulty);
        }
        // Terminated, or gone before its end: terminated if it was sealed, timed out if not.
        bool terminated = health == DealHealth.Health.Terminated || c.wasSealed;
        return failed(c, dealId, provider, terminated ? Reason.Terminated : Reason.Missed);
    }

    /// The failed deal itself is left alone: a faulty one may still recover and its provider's
    /// collateral answers for it; the worker just stops counting it as a copy.
    function failed(Copy storage c, uint64 dealId, uint64 provider, Reason why) private returns (Reason) {
        failedUntil[c.dataset][provider] = int64(int256(block.number)) + failureCooldown;
        emit CopyFailed(c.dataset, c.slot, dealId, provider, why);
        return why;
    }

    /// Tells the reputation contract to read the deal's outcome. Never blocks a repair: the
    /// reputation contract may not count this worker's deals, or have nothing new to learn.
    function report(uint64 dealId) private {
        if (address(reputation) == address(0)) return;
        try reputation.record(dealId) {} catch {}
    }

    // ---------------------------------------------------------------- requests

    function propose(uint256 datasetId, uint8 i, Reason why) private returns (bytes32 id) {
        Terms storage t = datasets[datasetId].terms;
        int64 start = int64(int256(block.number)) + startDelay;
        uint256 cost = t.storagePricePerEpoch * uint256(int256(t.duration)) + t.clientCollateral;
        reserve(cost);
        id = _requestDeal(
            DealRequest(t.pieceCid, t.pieceSize, t.verifiedDeal, t.label, start, start + t.duration, t.storagePricePerEpoch, t.providerCollateral, t.clientCollateral)
        );
        copies[id] = Copy(datasetId, i, start, start + t.duration, 0, false, cost);
        emit CopyProposed(datasetId, i, id, why);
    }

    /// Tops up the market escrow so that it covers this request on top of every request still
    /// waiting for a provider, from the worker's FIL balance.
    function reserve(uint256 cost) private {
        (int256 exitCode, MarketTypes.GetBalanceReturn memory escrow) = MarketAPI.getBalance(FilAddresses.fromEthAddress(address(this)));
        uint256 free = 0;
        if (exitCode == 0) {
            (uint256 balance, ) = BigInts.toUint256(escrow.balance);
            (uint256 locked, ) = BigInts.toUint256(escrow.locked);
            free = balance - locked;
        }
        reservedEscrow += cost;
        if (free >= reservedEscrow) return;
        uint256 missing = reservedEscrow - free;
        if (address(this).balance < missing) revert InsufficientFunds(missing, address(this).balance);
        _fundEscrow(missing);
    }

    function _acceptProvider(bytes32 id, uint64 provider) internal view override returns (bool) {
        Copy storage c = copies[id];
        if (failedUntil[c.dataset][provider] > int256(block.number)) return false;
        Slot[] storage all = slots[c.dataset];
        // A renewal may stay with the provider of the copy it renews: skip the request's own slot.
        for (uint8 i = 0; i < all.length; i++) {
            if (i != c.slot && (holds(all[i].current, provider) || holds(all[i].renewal, provider))) return false;
        }
        return address(reputation) == address(0) || reputation.isAcceptable(provider, minScore);
    }

    /// The market locked the deal's escrow. The reputation contract learns of the deal now, while
    /// the market has it: a deal that is never sealed is removed before anyone could look.
    function _onDealPublished(bytes32 id, uint64 dealId, uint64) internal override {
        reservedEscrow -= copies[id].cost;
        report(dealId);
    }

    function holds(bytes32 id, uint64 provider) private view returns (bool) {
        if (id == 0) return false;
        (Status status, , uint64 holder) = dealOf(id);
        return status != Status.Requested && holder == provider;
    }

    // ---------------------------------------------------------------- views

    /// Each slot's request ids (a request's deal terms: `getDealRequest(id)`; its deal: `dealOf(id)`).
    function slotsOf(uint256 datasetId) external view returns (Slot[] memory) {
        return slots[known(datasetId)];
    }

    function known(uint256 datasetId) private view returns (uint256) {
        if (datasetId >= datasetCount) revert UnknownDataset(datasetId);
        return datasetId;
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ContractDealClient} from "./lib/ContractDealClient.sol";
import {DealHealth} from "./lib/DealHealth.sol";

/// Keeps datasets stored for as long as their endowment lasts: each dataset is one piece, stored
/// by one deal at a time, term after term. Anyone may call `renew` (a keeper, a bot, a donor):
/// inside the renewal window before the current deal ends it requests the next term, starting
/// where the current one ends; after a failure (the deal terminated, or gone from the market) it
/// requests a new deal at once. Each term is paid from the dataset's endowment, which anyone can
/// top up; when the endowment cannot pay the next term the dataset stops, with an event.
///
/// Failures are read from the chain (DealHealth: market and miner state), so this works the same
/// on mainnet as in a test, with no oracle. A Faulty deal is not replaced: its provider may
/// recover the sector, and if the fault lasts too long the chain terminates the sector, which
/// makes the deal renewable.
///
/// Money: a term's storage fee goes into this contract's market escrow when the term is
/// requested. What a terminated deal had not yet paid goes back to that escrow, unlocked; this
/// example leaves it there (a production version would withdraw it with
/// MarketAPI.withdrawBalance and credit the dataset).
contract PerpetualStorage is ContractDealClient {
    /// What to store and on which terms; fixed for the dataset's life.
    struct Terms {
        /// Binary v1 piece CID (0x0181e20392202…).
        bytes pieceCid;
        /// Padded piece size: a power of two ≥ 128.
        uint64 pieceSize;
        string label;
        /// Epochs per deal, within the market's bounds MIN_TERM..MAX_TERM.
        uint32 term;
        uint256 storagePricePerEpoch;
        /// What the provider locks per deal (on mainnet at least the market's minimum).
        uint256 providerCollateral;
    }

    struct Dataset {
        Terms terms;
        /// FIL left for future terms.
        uint256 endowment;
        /// The newest deal request and its epochs.
        bytes32 current;
        int64 currentStart;
        int64 currentEnd;
        /// Set once the endowment could not pay a term: no more renewals.
        bool stopped;
    }

    /// The market's shortest and longest deals: 180 and 1,278 days of 30-second epochs.
    uint32 public constant MIN_TERM = 518_400;
    uint32 public constant MAX_TERM = 3_680_640;
    /// Renewal opens a week (20,160 epochs) before the current deal ends.
    int64 public constant RENEWAL_WINDOW = 20_160;
    /// A day between a request and its deal's start: the provider's time to fetch and seal.
    int64 public constant START_LEAD = 2_880;

    Dataset[] private datasets;

    event DatasetCreated(uint256 indexed datasetId, bytes pieceCid, uint32 term, uint256 storagePricePerEpoch);
    event Endowed(uint256 indexed datasetId, address indexed donor, uint256 amount);
    event TermRequested(uint256 indexed datasetId, bytes32 indexed requestId, int64 startEpoch, int64 endEpoch);
    event EndowmentExhausted(uint256 indexed datasetId, uint256 termFee, uint256 endowment);

    error NoSuchDataset(uint256 datasetId);
    error DatasetStopped(uint256 datasetId);
    error TermOutOfRange(uint32 term);
    error EndowmentTooSmall(uint256 termFee, uint256 sent);
    /// The current deal is still alive (pending, active, or faulty and recoverable), or the current
    /// request may still be published: nothing to do before epoch `opensAt`.
    error NotRenewableYet(uint256 datasetId, int64 opensAt);

    /// Registers a dataset with the value sent as its endowment, and requests its first term.
    function createDataset(Terms calldata terms) external payable returns (uint256 datasetId) {
        if (terms.term < MIN_TERM || terms.term > MAX_TERM) revert TermOutOfRange(terms.term);
        uint256 fee = terms.storagePricePerEpoch * terms.term;
        if (msg.value < fee) revert EndowmentTooSmall(fee, msg.value);
        datasetId = datasets.length;
        Dataset storage d = datasets.push();
        d.terms = terms;
        d.endowment = msg.value;
        emit DatasetCreated(datasetId, terms.pieceCid, terms.term, terms.storagePricePerEpoch);
        requestTerm(datasetId, d, epoch() + START_LEAD, false);
    }

    /// Adds the value sent to the dataset's endowment.
    function endow(uint256 datasetId) external payable {
        live(datasetId).endowment += msg.value;
        emit Endowed(datasetId, msg.sender, msg.value);
    }

    /// Requests the dataset's next deal when it is due; anyone may call it.
    /// - The current request was never published and its start epoch has passed: it is withdrawn
    ///   and requested again from now (its fee, still unlocked in escrow, pays for the new one).
    /// - The current deal is terminated or gone: a new deal starts as soon as possible.
    /// - Otherwise, from RENEWAL_WINDOW epochs before the current deal's end: the next deal
    ///   starts where the current one ends.
    /// Reverts NotRenewableYet before that; stops the dataset when the endowment is short.
    function renew(uint256 datasetId) external {
        Dataset storage d = live(datasetId);
        int64 now_ = epoch();
        (Status status, uint64 dealId, ) = dealOf(d.current);
        if (status == Status.Requested) {
            if (now_ < d.currentStart) revert NotRenewableYet(datasetId, d.currentStart);
            _cancelRequest(d.current);
            return requestTerm(datasetId, d, now_ + START_LEAD, true);
        }
        DealHealth.Health health = DealHealth.check(dealId);
        if (health == DealHealth.Health.Terminated || health == DealHealth.Health.Ended) {
            return requestTerm(datasetId, d, now_ + START_LEAD, false);
        }
        int64 opensAt = d.currentEnd - RENEWAL_WINDOW;
        if (now_ < opensAt) revert NotRenewableYet(datasetId, opensAt);
        requestTerm(datasetId, d, d.currentEnd > now_ + START_LEAD ? d.currentEnd : now_ + START_LEAD, false);
    }

    function dataset(uint256 datasetId) external view returns (Dataset memory) {
        return datasets[exists(datasetId)];
    }

    function datasetCount() external view returns (uint256) {
        return datasets.length;
    }

    /// Pays (unless `prepaid`) and requests a deal of one term from `start`; stops the dataset
    /// instead when its endowment cannot pay.
    function requestTerm(uint256 datasetId, Dataset storage d, int64 start, bool prepaid) private {
        Terms storage t = d.terms;
        uint256 fee = t.storagePricePerEpoch * t.term;
        if (!prepaid) {
            if (d.endowment < fee) {
                d.stopped = true;
                emit EndowmentExhausted(datasetId, fee, d.endowment);
                return;
            }
            d.endowment -= fee;
            // The market refuses an AddBalance of nothing; free terms need no escrow.
            if (fee > 0) _fundEscrow(fee);
        }
        int64 end = start + int64(uint64(t.term));
        d.current = _requestDeal(
            DealRequest({
                pieceCid: t.pieceCid,
                pieceSize: t.pieceSize,
                verifiedDeal: false,
                label: t.label,
                startEpoch: start,
                endEpoch: end,
                storagePricePerEpoch: t.storagePricePerEpoch,
                providerCollateral: t.providerCollateral,
                clientCollateral: 0
            })
        );
        d.currentStart = start;
        d.currentEnd = end;
        emit TermRequested(datasetId, d.current, start, end);
    }

    function live(uint256 datasetId) private view returns (Dataset storage d) {
        d = datasets[exists(datasetId)];
        if (d.stopped) revert DatasetStopped(datasetId);
    }

    function exists(uint256 datasetId) private view returns (uint256) {
        if (datasetId >= datasets.length) revert NoSuchDataset(datasetId);
        return datasetId;
    }

    /// block.number is the Filecoin epoch.
    function epoch() private view returns (int64) {
        return int64(uint64(block.number));
    }
}

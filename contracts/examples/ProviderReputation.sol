// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

// Usage:
//
//     reputation.registerClient(myDealClient, true)    // admin: whose deals count
//     reputation.record(dealId)                        // anyone, when a deal is published, sealed, ended
//     reputation.isAcceptable(provider, minScore)      // e.g. in a client's AuthenticateMessage
//     (provider, score) = reputation.best(candidates)

import {MarketAPI} from "filecoin-solidity-api/contracts/v0.8/MarketAPI.sol";
import {PrecompilesAPI} from "filecoin-solidity-api/contracts/v0.8/PrecompilesAPI.sol";
import {MarketTypes} from "filecoin-solidity-api/contracts/v0.8/types/MarketTypes.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {DealHealth} from "./lib/DealHealth.sol";

/// Scores storage providers (miner actor ids) from what their deals did, as the chain shows it:
/// activated (the market only lets a deal activate by its start epoch, so every activation is on
/// time), faulted, terminated early, missed activation, completed. Other contracts pick providers
/// with `scoreOf`, `isAcceptable(provider, minScore)` and `best(candidates)`.
///
/// Why it is hard to game cheaply:
/// - Nobody reports an outcome: `record(dealId)` READS it on chain (market + the miner's sector
///   status, through DealHealth). Anyone may call it — the ReplicationWorker does on every check,
///   a watchdog may too — and calling it can only reveal a fact sooner, never forge one.
/// - Only deals whose client is a REGISTERED client contract count, and only the admin (a DAO's
///   timelock, say) registers clients. A provider cannot pad its score with deals it makes with
///   itself: a registered client's AuthenticateMessage accepts only proposals it requested, so
///   the provider cannot put deals in a registered client's name.
/// - Each deal counts each outcome at most once (one fault per deal, however many episodes), so
///   calling `record` often neither helps nor hurts anyone.
/// What it cannot see: the market removes a deal at once when its sector is terminated, exactly
/// as it removes a completed or timed-out one. So a deal seen gone BEFORE its end counts as
/// terminated if it was seen sealed and as missed otherwise, and one first seen gone AFTER its
/// end counts as completed if it was seen sealed, as nothing otherwise. Record a deal when it is
/// published and again once sealed (the ReplicationWorker does both); a provider that terminates
/// in the last days before the end escapes the penalty unless someone records in between —
/// which every watchdog (and every competitor) has reason to do.
contract ProviderReputation {
    /// What a call to `record` newly learnt about a deal.
    enum Outcome {
        None,
        Activated,
        Faulted,
        Terminated,
        Missed,
        Completed
    }

    struct Counts {
        uint32 activated;
        uint32 faulted;
        uint32 terminated;
        uint32 missed;
        uint32 completed;
    }

    /// A deal as first seen (its provider and term must be read while the market still has it).
    struct DealRecord {
        uint64 provider;
        int64 endEpoch;
        int64 startEpoch;
        bool activated;
        bool faulted;
        /// Its final outcome is counted; nothing more is learnt from it.
        bool closed;
    }

    /// Points per outcome. Failing costs more than succeeding earns, so a provider cannot buy
    /// back a termination with one more activation.
    int256 public constant ACTIVATED_POINTS = 2;
    int256 public constant COMPLETED_POINTS = 3;
    int256 public constant FAULTED_POINTS = -3;
    int256 public constant MISSED_POINTS = -4;
    int256 public constant TERMINATED_POINTS = -6;

    address public immutable admin;
    /// Registered client contracts, by actor id (what the market names a deal's client with).
    mapping(uint64 => bool) public isClient;
    mapping(uint64 => Counts) private counts;
    mapping(uint64 => DealRecord) public deals;

    event ClientRegistered(address indexed client, uint64 actorId, bool registered);
    event OutcomeRecorded(uint64 indexed provider, uint64 indexed dealId, Outcome outcome);

    error NotAdmin(address caller);
    error NotAContract(address client);
    /// The market does not know the deal (17) or no longer has it (32) and it was never recorded.
    error DealNotFound(uint64 dealId, int256 exitCode);
    error ClientNotRegistered(uint64 dealId, uint64 client);
    error NoCandidates();

    constructor() {
        admin = msg.sender;
    }

    /// Counts (or stops counting) the deals of `client`, a deal client contract.
    function registerClient(address client, bool registered) external {
        if (msg.sender != admin) revert NotAdmin(msg.sender);
        if (client.code.length == 0) revert NotAContract(client);
        uint64 actorId = PrecompilesAPI.resolveEthAddress(client);
        isClient[actorId] = registered;
        emit ClientRegistered(client, actorId, registered);
    }

    /// Reads deal `dealId`'s health on chain and counts what is new. The first call must come
    /// while the market still has the deal (published, active or faulty).
    function record(uint64 dealId) external returns (Outcome outcome) {
        DealRecord storage d = deals[dealId];
        if (d.provider == 0) firstSight(dealId, d);
        if (d.closed) return Outcome.None;
        outcome = learn(d, DealHealth.check(dealId));
        if (outcome != Outcome.None) emit OutcomeRecorded(d.provider, dealId, outcome);
    }

    function firstSight(uint64 dealId, DealRecord storage d) private {
        (int256 exitCode, uint64 client) = MarketAPI.getDealClient(dealId);
        if (exitCode != 0) revert DealNotFound(dealId, exitCode);
        if (!isClient[client]) revert ClientNotRegistered(dealId, client);
        (, uint64 provider) = MarketAPI.getDealProvider(dealId);
        (, MarketTypes.GetDealTermReturn memory term) = MarketAPI.getDealTerm(dealId);
        int64 start = CommonTypes.ChainEpoch.unwrap(term.start);
        d.provider = provider;
        d.startEpoch = start;
        d.endEpoch = start + CommonTypes.ChainEpoch.unwrap(term.duration);
    }

    /// The state machine of one deal: activated (once) → faulted (once) → one final outcome.
    function learn(DealRecord storage d, DealHealth.Health health) private returns (Outcome) {
        Counts storage c = counts[d.provider];
        if (health == DealHealth.Health.Pending) {
            // Not sealed by its start epoch: the market can no longer activate it.
            if (int256(block.number) <= d.startEpoch) return Outcome.None;
            return close(d, c, Outcome.Missed);
        }
        if (health == DealHealth.Health.Terminated) return close(d, c, Outcome.Terminated);
        if (health == DealHealth.Health.Ended) {
            // Removed before its end: terminated if it was sealed, timed out if not.
            if (int256(block.number) < d.endEpoch) return close(d, c, d.activated ? Outcome.Terminated : Outcome.Missed);
            return d.activated ? close(d, c, Outcome.Completed) : close(d, c, Outcome.None);
        }
        // Active or Faulty: it was sealed.
        if (!d.activated) {
            d.activated = true;
            c.activated++;
            if (health == DealHealth.Health.Active) return Outcome.Activated;
        }
        if (health == DealHealth.Health.Faulty && !d.faulted) {
            d.faulted = true;
            c.faulted++;
            return Outcome.Faulted;
        }
        return Outcome.None;
    }

    function close(DealRecord storage d, Counts storage c, Outcome outcome) private returns (Outcome) {
        d.closed = true;
        if (outcome == Outcome.Terminated) c.terminated++;
        else if (outcome == Outcome.Missed) c.missed++;
        else if (outcome == Outcome.Completed) c.completed++;
        return outcome;
    }

    // ---------------------------------------------------------------- for other contracts

    function countsOf(uint64 provider) external view returns (Counts memory) {
        return counts[provider];
    }

    /// A provider never recorded scores 0.
    function scoreOf(uint64 provider) public view returns (int256) {
        Counts storage c = counts[provider];
        return
            ACTIVATED_POINTS * int256(uint256(c.activated)) +
            COMPLETED_POINTS * int256(uint256(c.completed)) +
            FAULTED_POINTS * int256(uint256(c.faulted)) +
            MISSED_POINTS * int256(uint256(c.missed)) +
            TERMINATED_POINTS * int256(uint256(c.terminated));
    }

    function isAcceptable(uint64 provider, int256 minScore) external view returns (bool) {
        return scoreOf(provider) >= minScore;
    }

    /// The best scored of `candidates` (the first of equals).
    function best(uint64[] calldata candidates) external view returns (uint64 provider, int256 score) {
        if (candidates.length == 0) revert NoCandidates();
        provider = candidates[0];
        score = scoreOf(provider);
        for (uint256 i = 1; i < candidates.length; i++) {
            int256 s = scoreOf(candidates[i]);
            if (s > score) (provider, score) = (candidates[i], s);
        }
    }
}

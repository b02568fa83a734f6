// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

// Usage:
//
//     bounty.list{value: reward}(pieceCid, pieceSize, deadlineEpoch)   // anyone: "store this piece"
//     ... a storage provider makes a deal for the piece and seals it ...
//     bounty.claim(dealId)            // anyone: pays the deal's provider, once
//     bounty.refund(pieceCid)         // anyone, after the deadline if nobody claimed: back to the lister
//
// The contract trusts nobody's word: a claim is paid only when the chain shows the deal is for the
// listed piece (market GetDealDataCommitment) and is proven right now, in a sector its provider
// keeps proving (DealHealth: market GetDealActivation and GetDealSector, miner FIP-0112 status).
// Unlike fevm-hardhat-kit's DealRewarder, which sends its reward twice per claim, the bounty is
// marked paid before the single payment goes out, so it pays exactly once.
//
// A starting point: a stricter bounty could also require a minimum deal duration (MarketAPI
// getDealTerm) or pay in instalments while DealHealth keeps answering Active.

import {MarketAPI} from "filecoin-solidity-api/contracts/v0.8/MarketAPI.sol";
import {MinerAPI} from "filecoin-solidity-api/contracts/v0.8/MinerAPI.sol";
import {SendAPI} from "filecoin-solidity-api/contracts/v0.8/SendAPI.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {MarketTypes} from "filecoin-solidity-api/contracts/v0.8/types/MarketTypes.sol";
import {MinerTypes} from "filecoin-solidity-api/contracts/v0.8/types/MinerTypes.sol";
import {Errors} from "filecoin-solidity-api/contracts/v0.8/utils/Errors.sol";
import {DealHealth} from "./lib/DealHealth.sol";

/// FIL rewards for storing listed pieces: the first proven deal for a piece takes its reward.
contract StorageBounty {
    enum Status {
        None,
        Open,
        Paid,
        Refunded
    }

    struct Bounty {
        Status status;
        address lister;
        uint256 reward;
        /// Padded piece size the deal must have.
        uint64 pieceSize;
        /// Last epoch a claim is accepted; after it the lister may take the reward back.
        uint64 deadline;
        /// The deal that was paid.
        uint64 dealId;
    }

    /// By keccak256 of the binary piece CID.
    mapping(bytes32 => Bounty) public bounties;

    event BountyListed(bytes32 indexed piece, bytes pieceCid, uint64 pieceSize, uint256 reward, uint64 deadline);
    event BountyPaid(bytes32 indexed piece, uint64 dealId, uint64 provider, bytes payee, uint256 reward);
    event BountyRefunded(bytes32 indexed piece, address lister, uint256 reward);

    error NoReward();
    error DeadlinePassed(uint64 deadline);
    error AlreadyListed(bytes32 piece);
    error NoBountyForPiece(uint64 dealId, bytes32 piece);
    error BountyNotOpen(bytes32 piece, Status status);
    error WrongPieceSize(uint64 dealId, uint64 size, uint64 listed);
    error DealNotProven(uint64 dealId, DealHealth.Health health);
    error BountyExpired(bytes32 piece, uint64 deadline);
    error NotExpired(bytes32 piece, uint64 deadline);
    error PaymentFailed(bytes payee, int256 exitCode);
    error RefundFailed(address lister);

    /// Lists a piece (binary v1 piece CID, as DealClient takes it) with the attached FIL as its
    /// reward, claimable up to epoch `deadline`. One open bounty per piece.
    function list(bytes calldata pieceCid, uint64 pieceSize, uint64 deadline) external payable returns (bytes32 piece) {
        if (msg.value == 0) revert NoReward();
        if (deadline < block.number) revert DeadlinePassed(deadline);
        piece = keccak256(pieceCid);
        if (bounties[piece].status == Status.Open) revert AlreadyListed(piece);
        bounties[piece] = Bounty(Status.Open, msg.sender, msg.value, pieceSize, deadline, 0);
        emit BountyListed(piece, pieceCid, pieceSize, msg.value, deadline);
    }

    /// Pays the bounty of the deal's piece to the deal's provider, if the deal is proven now.
    /// Anyone may call it; the reward goes to the provider whoever calls.
    function claim(uint64 dealId) external {
        DealHealth.Health health = DealHealth.check(dealId);
        if (health != DealHealth.Health.Active) revert DealNotProven(dealId, health);
        (int256 exitCode, MarketTypes.GetDealDataCommitmentReturn memory commitment) = MarketAPI.getDealDataCommitment(dealId);
        Errors.revertOnError(exitCode);
        bytes32 piece = keccak256(cidBytes(commitment.data));
        Bounty storage b = bounties[piece];
        if (b.status == Status.None) revert NoBountyForPiece(dealId, piece);
        if (b.status != Status.Open) revert BountyNotOpen(piece, b.status);
        if (commitment.size != b.pieceSize) revert WrongPieceSize(dealId, commitment.size, b.pieceSize);
        if (block.number > b.deadline) revert BountyExpired(piece, b.deadline);
        uint64 provider;
        (exitCode, provider) = MarketAPI.getDealProvider(dealId);
        Errors.revertOnError(exitCode);

        // Effects before the payment: this bounty can never pay again.
        b.status = Status.Paid;
        b.dealId = dealId;
        CommonTypes.FilAddress memory to = payee(provider);
        exitCode = SendAPI.send(to, b.reward);
        if (exitCode != 0) revert PaymentFailed(to.data, exitCode);
        emit BountyPaid(piece, dealId, provider, to.data, b.reward);
    }

    /// After the deadline, an unclaimed reward goes back to whoever listed it (anyone may call).
    function refund(bytes calldata pieceCid) external {
        bytes32 piece = keccak256(pieceCid);
        Bounty storage b = bounties[piece];
        if (b.status != Status.Open) revert BountyNotOpen(piece, b.status);
        if (block.number <= b.deadline) revert NotExpired(piece, b.deadline);
        b.status = Status.Refunded;
        (bool sent, ) = payable(b.lister).call{value: b.reward}("");
        if (!sent) revert RefundFailed(b.lister);
        emit BountyRefunded(piece, b.lister, b.reward);
    }

    /// Who receives a miner's earnings (FIP-0029): its beneficiary while the beneficiary's term
    /// runs (not expired, quota not used up), otherwise its owner — where WithdrawBalance would send them.
    function payee(uint64 provider) internal view returns (CommonTypes.FilAddress memory) {
        CommonTypes.FilActorId miner = CommonTypes.FilActorId.wrap(provider);
        (int256 exitCode, MinerTypes.GetBeneficiaryReturn memory beneficiary) = MinerAPI.getBeneficiary(miner);
        Errors.revertOnError(exitCode);
        MinerTypes.BeneficiaryTerm memory term = beneficiary.active.term;
        bool live = CommonTypes.ChainEpoch.unwrap(term.expiration) > int64(uint64(block.number));
        if (live && magnitude(term.used_quota.val) < magnitude(term.quota.val)) return beneficiary.active.beneficiary;
        MinerTypes.GetOwnerReturn memory owner;
        (exitCode, owner) = MinerAPI.getOwner(miner);
        Errors.revertOnError(exitCode);
        return owner.owner;
    }

    /// A token amount's big-endian magnitude (quotas are never negative); beyond 256 bits, the maximum.
    /// (BigInts.toUint256 burns all the gas it is given on the empty magnitude of a zero quota.)
    function magnitude(bytes memory val) internal pure returns (uint256 n) {
        if (val.length > 32) return type(uint256).max;
        for (uint256 i = 0; i < val.length; i++) n = (n << 8) | uint8(val[i]);
    }

    /// MarketAPI's GetDealDataCommitment keeps the CID's 0x00 multibase prefix (its readBytes
    /// reads the tag-42 byte string whole); a binary CID itself never starts with 0x00.
    function cidBytes(bytes memory data) internal pure returns (bytes memory) {
        if (data.length == 0 || data[0] != 0x00) return data;
        bytes memory cid = new bytes(data.length - 1);
        for (uint256 i = 0; i < cid.length; i++) cid[i] = data[i + 1];
        return cid;
    }
}

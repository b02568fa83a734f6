// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ContractDealClient} from "./lib/ContractDealClient.sol";

/// The DataDAO's deal client: the pieces the DAO voted to store are requested here, and paid for
/// with the FIL the DataDAOTimelock (the treasury) sends along. Only the timelock may call
/// storePiece, so every deal this contract makes went through a proposal, a vote and the
/// timelock's delay. A storage provider (Boost, or hardhat-fevm's simulated provider) takes the
/// request as for any contract deal client.
contract DataDAOVault is ContractDealClient {
    /// What a proposal asks the DAO to store; the deal's epochs are set when it is executed.
    struct Piece {
        /// Binary v1 piece CID (0x0181e20392202…).
        bytes pieceCid;
        /// Padded piece size: a power of two ≥ 128.
        uint64 pieceSize;
        bool verifiedDeal;
        string label;
        /// Deal duration in epochs: 518,400 (180 days) to 3,680,640 (1,278 days), the market's bounds.
        uint32 termEpochs;
        uint256 storagePricePerEpoch;
        uint256 providerCollateral;
    }

    /// A day between the execution and the deal's start: the provider's time to fetch and seal.
    /// The start is set at execution, not in the proposal, because a queued proposal may be
    /// executed any time after the timelock's delay and a start epoch fixed at proposal time could
    /// already be past by then.
    int64 public constant START_LEAD = 2_880;

    address public immutable timelock;

    error NotTimelock(address caller);
    /// storePiece must carry exactly the deal's storage fee (price × term).
    error WrongPayment(uint256 expected, uint256 sent);

    constructor(address timelock_) {
        timelock = timelock_;
    }

    /// Requests a deal for `piece`, starting START_LEAD epochs from now, and moves its storage fee
    /// (the value sent) into this contract's market escrow. Returns the request id
    /// (DealProposalCreate carries it too).
    function storePiece(Piece calldata piece) external payable returns (bytes32 id) {
        if (msg.sender != timelock) revert NotTimelock(msg.sender);
        uint256 fee = piece.storagePricePerEpoch * piece.termEpochs;
        if (msg.value != fee) revert WrongPayment(fee, msg.value);
        // The market refuses an AddBalance of nothing; a free deal needs no escrow.
        if (fee > 0) _fundEscrow(fee);
        int64 start = int64(uint64(block.number)) + START_LEAD;
        id = _requestDeal(
            DealRequest({
                pieceCid: piece.pieceCid,
                pieceSize: piece.pieceSize,
                verifiedDeal: piece.verifiedDeal,
                label: piece.label,
                startEpoch: start,
                endEpoch: start + int64(uint64(piece.termEpochs)),
                storagePricePerEpoch: piece.storagePricePerEpoch,
                providerCollateral: piece.providerCollateral,
                clientCollateral: 0
            })
        );
    }
}

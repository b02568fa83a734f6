// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

// Usage:
//
//     import {DealHealth} from "./lib/DealHealth.sol";
//
//     DealHealth.Health h = DealHealth.check(dealId);
//     if (h == DealHealth.Health.Faulty || h == DealHealth.Health.Terminated) { /* repair: propose again */ }
//
// `check` reads the chain only (market and miner actors), so it answers on Calibration or mainnet
// exactly as in a test: no oracle, no off-chain watcher. It costs several actor calls; a contract
// that polls one deal often can `locate` its sector once and then re-check it cheaply with
// `hasStatus` (FIP-0112's split: GenerateSectorLocation searches, ValidateSectorStatus only looks).

import {MarketAPI} from "filecoin-solidity-api/contracts/v0.8/MarketAPI.sol";
import {CommonTypes} from "filecoin-solidity-api/contracts/v0.8/types/CommonTypes.sol";
import {MarketTypes} from "filecoin-solidity-api/contracts/v0.8/types/MarketTypes.sol";
import {BytesCBOR} from "filecoin-solidity-api/contracts/v0.8/cbor/BytesCbor.sol";
import {MarketCBOR} from "filecoin-solidity-api/contracts/v0.8/cbor/MarketCbor.sol";
import {CBORDecoder} from "filecoin-solidity-api/contracts/v0.8/utils/CborDecode.sol";
import {Actor} from "filecoin-solidity-api/contracts/v0.8/utils/Actor.sol";
import {Misc} from "filecoin-solidity-api/contracts/v0.8/utils/Misc.sol";
import {CBOR} from "solidity-cborutils/contracts/CBOR.sol";

/// How a storage deal is doing, from the market's and its provider's own state.
library DealHealth {
    using CBOR for CBOR.CBORBuffer;
    using BytesCBOR for bytes;
    using MarketCBOR for uint64;

    enum Health {
        /// Published, not yet in a proven sector.
        Pending,
        /// In a sector the provider keeps proving.
        Active,
        /// Its sector is declared (or detected) faulty: the data may be lost unless recovered.
        Faulty,
        /// Its sector is dead while the market still holds the deal, or the market reports a slash
        /// epoch (deals slashed before the market removed terminated deals at once). Current
        /// actors remove a terminated sector's deals synchronously: those read as Ended.
        Terminated,
        /// The market no longer holds it (exit 32): completed, terminated and cleaned up, or timed
        /// out before activation.
        Ended
    }

    /// The miner's SectorStatusCode (builtin-actors `actors/miner/src/types.rs`).
    enum SectorStatus {
        Dead,
        Active,
        Faulty
    }

    /// Where a deal's sector lives: the provider (miner actor id), the sector number, and the
    /// miner's opaque location (CBOR `[deadline, partition]`) that ValidateSectorStatus takes.
    struct Sector {
        uint64 provider;
        uint64 number;
        SectorStatus status;
        bytes location;
    }

    /// Market GetDealSector: exported since nv22, not wrapped by MarketAPI.
    uint256 private constant GET_DEAL_SECTOR = 2611213344;
    uint256 private constant GENERATE_SECTOR_LOCATION = 1321604665;
    uint256 private constant VALIDATE_SECTOR_STATUS = 3092458564;
    /// The market's "deal expired" code: the deal is gone (completed, terminated, timed out).
    int256 internal constant EX_DEAL_EXPIRED = 32;

    /// A market or miner read failed with something other than "the deal is gone" (17: no such
    /// deal id, 33: not activated where activation was expected, …).
    error DealUnreadable(uint64 dealId, int256 exitCode);
    error SectorUnreadable(uint64 provider, uint64 sector, int256 exitCode);

    /// The deal's health now. Reverts DealUnreadable for a deal id the market never handed out.
    function check(uint64 dealId) internal view returns (Health) {
        (int256 exitCode, MarketTypes.GetDealActivationReturn memory activation) = MarketAPI.getDealActivation(dealId);
        if (exitCode == EX_DEAL_EXPIRED) return Health.Ended;
        if (exitCode != 0) revert DealUnreadable(dealId, exitCode);
        // The market answers −1 for "not yet"; MarketAPI's readInt64 drops the sign and reads 0.
        // No deal is activated or slashed at epoch 0, so ≤ 0 means "not yet".
        if (CommonTypes.ChainEpoch.unwrap(activation.terminated) > 0) return Health.Terminated;
        if (CommonTypes.ChainEpoch.unwrap(activation.activated) <= 0) return Health.Pending;
        SectorStatus status = locate(dealId).status;
        if (status == SectorStatus.Active) return Health.Active;
        if (status == SectorStatus.Faulty) return Health.Faulty;
        return Health.Terminated;
    }

    /// The activated deal's sector and its status now (GetDealProvider, GetDealSector, then the
    /// miner's GenerateSectorLocation). Reverts DealUnreadable while the deal is not activated (33).
    function locate(uint64 dealId) internal view returns (Sector memory s) {
        int256 exitCode;
        (exitCode, s.provider) = MarketAPI.getDealProvider(dealId);
        if (exitCode != 0) revert DealUnreadable(dealId, exitCode);
        (exitCode, s.number) = dealSector(dealId);
        if (exitCode != 0) revert DealUnreadable(dealId, exitCode);

        (exitCode, s.status, s.location) = generateSectorLocation(s.provider, s.number);
        if (exitCode != 0) revert SectorUnreadable(s.provider, s.number, exitCode);
    }

    /// Market GetDealSector: (0, the sector holding the deal), or the market's exit code (33 while
    /// not activated, 32 once removed, 17 for an unknown id).
    function dealSector(uint64 dealId) internal view returns (int256 exitCode, uint64 sector) {
        bytes memory ret;
        (exitCode, ret) = Actor.callByIDReadOnly(MarketTypes.ActorID, GET_DEAL_SECTOR, Misc.CBOR_CODEC, dealId.serializeDealID());
        if (exitCode == 0) sector = ret.deserializeUint64();
    }

    /// Whether the sector still has `status` at the location `locate` gave (ValidateSectorStatus).
    /// Reverts SectorUnreadable with 17 when the sector is no longer there (moved by compaction:
    /// `locate` it again).
    function hasStatus(Sector memory s, SectorStatus status) internal view returns (bool) {
        (int256 exitCode, bool valid) = validateSectorStatus(s.provider, s.number, status, s.location);
        if (exitCode != 0) revert SectorUnreadable(s.provider, s.number, exitCode);
        return valid;
    }

    /// The miner's GenerateSectorLocation: (0, status, CBOR [deadline, partition]) or its exit code.
    /// It searches every deadline: on chain, call it once and keep the location.
    function generateSectorLocation(uint64 provider, uint64 sector) internal view returns (int256 exitCode, SectorStatus status, bytes memory location) {
        CBOR.CBORBuffer memory buf = CBOR.create(16);
        buf.startFixedArray(1);
        buf.writeUInt64(sector);
        bytes memory ret;
        (exitCode, ret) = Actor.callNonSingletonByIDReadOnly(CommonTypes.FilActorId.wrap(provider), GENERATE_SECTOR_LOCATION, Misc.CBOR_CODEC, buf.data());
        if (exitCode != 0) return (exitCode, status, location);
        // GenerateSectorLocationReturn [status, h'aux_data'].
        (, uint256 at) = CBORDecoder.readFixedArray(ret, 0);
        uint8 code;
        (code, at) = CBORDecoder.readUInt8(ret, at);
        status = SectorStatus(code);
        (location, ) = CBORDecoder.readBytes(ret, at);
    }

    /// The miner's ValidateSectorStatus: (0, whether the sector at `location` has `status`) or its
    /// exit code (17: not at that location, 16: a malformed location).
    function validateSectorStatus(uint64 provider, uint64 sector, SectorStatus status, bytes memory location) internal view returns (int256 exitCode, bool valid) {
        CBOR.CBORBuffer memory buf = CBOR.create(32 + location.length);
        buf.startFixedArray(3);
        buf.writeUInt64(sector);
        buf.writeUInt64(uint64(status));
        buf.writeBytes(location);
        bytes memory ret;
        (exitCode, ret) = Actor.callNonSingletonByIDReadOnly(CommonTypes.FilActorId.wrap(provider), VALIDATE_SECTOR_STATUS, Misc.CBOR_CODEC, buf.data());
        if (exitCode == 0) valid = ret.deserializeBool();
    }
}

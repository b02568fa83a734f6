// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

/// A data client that wants to know where its data landed (FIP-0109): it accepts the miner's
/// SectorContentChanged notifications, records the sector, and then asks the miner about that
/// sector's status (FIP-0112) through call_actor_id.
contract SectorNotifee {
    uint64 constant SECTOR_CONTENT_CHANGED = 2034386435;
    uint64 constant GENERATE_SECTOR_LOCATION = 1321604665;
    uint64 constant VALIDATE_SECTOR_STATUS = 3092458564;
    address constant CALL_ACTOR_ID = 0xfe00000000000000000000000000000000000005;

    uint64 public notifications;
    uint64 public lastMiner;
    uint64 public lastSector;
    bytes public lastParams;
    bool public reject;

    function setReject(bool r) external {
        reject = r;
    }

    /// Params `[[sector, minimum_commitment_epoch, [[cid, size, payload]]]]`: one sector with one
    /// piece is all this client expects, and it answers `[[accepted]]`.
    function handle_filecoin_method(uint64 method, uint64, bytes calldata params) external returns (uint32, uint64, bytes memory) {
        require(method == SECTOR_CONTENT_CHANGED, "unexpected method");
        notifications++;
        lastParams = params;
        lastMiner = uint64(uint160(msg.sender)) & 0xffffffffffffffff;
        (lastSector, ) = readUint(params, 2);
        return (0, 0x51, reject ? bytes(hex"8181f4") : bytes(hex"8181f5"));
    }

    /// GenerateSectorLocation then ValidateSectorStatus(Active) on the recorded sector: (status, valid).
    /// Read-only sends (flag 1); call it with eth_call.
    function checkSector() external returns (uint8 status, bool active) {
        bytes memory ret = callMiner(GENERATE_SECTOR_LOCATION, abi.encodePacked(hex"81", cborUint(lastSector)));
        // [status, h'location']: 0x82, status (< 24), byte string header and the location CBOR.
        status = uint8(ret[1]);
        uint256 len = uint8(ret[2]) - 0x40;
        bytes memory location = new bytes(len);
        for (uint256 i = 0; i < len; i++) location[i] = ret[3 + i];
        bytes memory check = abi.encodePacked(hex"83", cborUint(lastSector), hex"01", bytes1(uint8(0x40 + len)), location);
        active = callMiner(VALIDATE_SECTOR_STATUS, check)[0] == 0xf5;
    }

    function callMiner(uint64 method, bytes memory params) internal returns (bytes memory) {
        (bool ok, bytes memory out) = CALL_ACTOR_ID.delegatecall(abi.encode(method, uint256(0), uint64(1), uint64(0x51), params, lastMiner));
        require(ok, "call_actor_id failed");
        (int256 exit, , bytes memory data) = abi.decode(out, (int256, uint64, bytes));
        require(exit == 0, "miner call failed");
        return data;
    }

    function cborUint(uint64 v) internal pure returns (bytes memory) {
        if (v < 24) return abi.encodePacked(uint8(v));
        if (v < 256) return abi.encodePacked(uint8(0x18), uint8(v));
        if (v < 65536) return abi.encodePacked(uint8(0x19), uint16(v));
        return abi.encodePacked(uint8(0x1a), uint32(v));
    }

    function readUint(bytes calldata b, uint256 at) internal pure returns (uint64 v, uint256 next) {
        uint8 h = uint8(b[at]);
        if (h < 24) return (h, at + 1);
        if (h == 0x18) return (uint8(b[at + 1]), at + 2);
        if (h == 0x19) return (uint64(uint16(bytes2(b[at + 1:at + 3]))), at + 3);
        return (uint64(uint32(bytes4(b[at + 1:at + 5]))), at + 5);
    }
}

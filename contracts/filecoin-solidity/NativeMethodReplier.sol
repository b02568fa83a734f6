// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

/// A contract that native actors (and call_actor) reach through handle_filecoin_method: it answers
/// every Filecoin method >= 1024 with the reply it was built with, so a test can make the callee
/// return any (exit code, codec, data) triple the FEVM lets through.
contract NativeMethodReplier {
    uint32 private immutable exitCode;
    uint64 private immutable codec;
    bytes private reply;

    constructor(uint32 exitCode_, uint64 codec_, bytes memory reply_) {
        exitCode = exitCode_;
        codec = codec_;
        reply = reply_;
    }

    function handle_filecoin_method(uint64, uint64, bytes calldata) external payable returns (uint32, uint64, bytes memory) {
        return (exitCode, codec, reply);
    }
}

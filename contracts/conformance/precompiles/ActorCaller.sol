// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Calls native actors the way filecoin-solidity does: DELEGATECALL to call_actor (0xfe..03,
/// target by address bytes) or call_actor_id (0xfe..05, target by actor id), then decodes
/// `(int256 exitCode, uint64 codec, bytes data)`.
contract ActorCaller {
    address constant CALL_ACTOR = 0xfe00000000000000000000000000000000000003;
    address constant CALL_ACTOR_ID = 0xfe00000000000000000000000000000000000005;

    struct Outcome {
        bool success;
        int256 exitCode;
        uint64 codec;
        bytes data;
    }

    Outcome public last;

    function callActor(uint64 method, uint256 value, uint64 flags, uint64 codec, bytes memory params, bytes memory filAddress)
        public
        payable
        returns (Outcome memory)
    {
        return run(CALL_ACTOR, abi.encode(method, value, flags, codec, params, filAddress));
    }

    function callActorId(uint64 method, uint256 value, uint64 flags, uint64 codec, bytes memory params, uint64 actorId)
        public
        payable
        returns (Outcome memory)
    {
        return run(CALL_ACTOR_ID, abi.encode(method, value, flags, codec, params, actorId));
    }

    /// The same request from a read-only frame: this contract STATICCALLs itself first.
    function callActorReadOnly(uint64 method, uint256 value, uint64 codec, bytes memory params, bytes memory filAddress)
        external
        view
        returns (Outcome memory)
    {
        bytes memory request = abi.encode(method, value, uint64(0), codec, params, filAddress);
        (bool ok, bytes memory ret) = address(this).staticcall(abi.encodeCall(this.delegateRaw, (CALL_ACTOR, request)));
        require(ok, "static self-call failed");
        return abi.decode(ret, (Outcome));
    }

    /// Raw precompile input, e.g. hand-built ABI with odd offsets or garbage.
    function delegateRaw(address precompile, bytes memory input) public returns (Outcome memory outcome) {
        (bool success, bytes memory ret) = precompile.delegatecall(input);
        outcome.success = success;
        if (success && ret.length >= 128) (outcome.exitCode, outcome.codec, outcome.data) = abi.decode(ret, (int256, uint64, bytes));
        else outcome.data = ret;
    }

    function run(address precompile, bytes memory input) private returns (Outcome memory outcome) {
        outcome = delegateRaw(precompile, input);
        last = outcome;
    }

    receive() external payable {}
}

/// A contract native actors call into: InvokeEVM runs its functions, methods >= 1024 arrive at
/// handle_filecoin_method. It remembers the last call so a test can see what arrived.
contract NativeReceiver {
    address public lastSender;
    uint256 public lastValue;
    uint64 public lastMethod;
    uint64 public lastCodec;
    bytes public lastParams;

    function ping(uint256 x) external payable returns (uint256) {
        lastSender = msg.sender;
        lastValue = msg.value;
        return x + 1;
    }

    function refuse() external pure {
        revert("refused");
    }

    function handle_filecoin_method(uint64 method, uint64 codec, bytes calldata params)
        external
        payable
        returns (uint32 exitCode, uint64 retCodec, bytes memory ret)
    {
        lastSender = msg.sender;
        lastValue = msg.value;
        lastMethod = method;
        lastCodec = codec;
        lastParams = params;
        // CBOR unsigned integer 42.
        return (0, 0x51, hex"182a");
    }
}

/// Pays `filAddress` from its constructor: call_actor works while the contract is being built.
contract PaysOnConstruction {
    constructor(bytes memory filAddress) payable {
        bytes memory request = abi.encode(uint64(0), msg.value, uint64(0), uint64(0), bytes(""), filAddress);
        (bool ok, bytes memory ret) = address(0xfe00000000000000000000000000000000000003).delegatecall(request);
        require(ok, "call_actor failed");
        (int256 exitCode, , ) = abi.decode(ret, (int256, uint64, bytes));
        require(exitCode == 0, "the send failed");
    }
}

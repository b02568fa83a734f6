// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A contract created by another; remembers its creator.
contract Spawned {
    address public immutable creator;

    constructor() {
        creator = msg.sender;
    }
}

/// Creates contracts when a native send runs it: InvokeEVM calls spawn/spawn2, methods >= 1024
/// arrive at handle_filecoin_method, which creates one too.
contract Spawner {
    address public last;

    function spawn() external returns (address) {
        last = address(new Spawned());
        return last;
    }

    function spawn2(bytes32 salt) external returns (address) {
        last = address(new Spawned{salt: salt}());
        return last;
    }

    function handle_filecoin_method(uint64, uint64, bytes calldata) external returns (uint32, uint64, bytes memory) {
        last = address(new Spawned());
        return (0, 0, "");
    }
}

/// Three generations in one deployment: its constructor creates a Middle, whose constructor
/// creates a Spawned. The EAM numbers them in that order.
contract Grandparent {
    Middle public immutable child;

    constructor() {
        child = new Middle();
    }
}

contract Middle {
    Spawned public immutable child;

    constructor() {
        child = new Spawned();
    }
}

/** Solidity contracts the provider tests deploy, compiled once per run (see compile.ts). */
import { compile, type CompiledContract } from "./compile";

const SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// The calls hardhat/console.sol makes (same address, selectors, ABI encoding and assembly
/// STATICCALL), without its thousand overloads that take solcjs seconds to compile.
library console {
    address constant CONSOLE = 0x000000000000000000636F6e736F6c652e6c6f67;

    function log(string memory s) internal view { send(abi.encodeWithSignature("log(string)", s)); }
    function log(string memory s, uint256 v) internal view { send(abi.encodeWithSignature("log(string,uint256)", s, v)); }

    function send(bytes memory payload) private view {
        address console_ = CONSOLE;
        assembly { pop(staticcall(gas(), console_, add(payload, 32), mload(payload), 0, 0)) }
    }
}

contract Counter {
    uint256 public count;
    event Incremented(address indexed by, uint256 indexed newCount, string note);
    event Noted(uint256 value);
    error TooBig(uint256 value);

    function inc() external {
        count += 1;
        emit Incremented(msg.sender, count, "inc");
    }

    function add(uint256 x) external {
        if (x > 100) revert TooBig(x);
        require(x != 0, "zero");
        count += x;
        emit Incremented(msg.sender, count, "add");
    }

    function note(uint256 v) external { emit Noted(v); }

    function divide(uint256 a, uint256 b) external pure returns (uint256) { return a / b; }

    function speak(string calldata words) external returns (uint256) {
        console.log(words, count);
        count += 1;
        return count;
    }

    function failLoudly(string calldata words) external view {
        console.log(words);
        revert("after logging");
    }

    function when() external view returns (uint256 number, uint256 timestamp) { return (block.number, block.timestamp); }

    receive() external payable {}
}

contract Burner {
    uint256[] private sink;

    function burn(uint256 rounds) external {
        for (uint256 i = 0; i < rounds; i++) sink.push(i);
    }
}

contract Relay {
    /// Forwards all but 1/64 of its gas to Burner (EIP-150) and fails when that was not enough.
    function relay(address burner, uint256 rounds) external {
        (bool ok, ) = burner.call(abi.encodeWithSignature("burn(uint256)", rounds));
        require(ok, "inner call ran out of gas");
    }
}
`;

export function fixtures(): Record<"Counter" | "Burner" | "Relay", CompiledContract> {
  return compile(SOURCE) as Record<"Counter" | "Burner" | "Relay", CompiledContract>;
}

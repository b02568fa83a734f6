// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Test fixture: a counter exercising the revert kinds, events and payable paths that
/// hardhat-chai-matchers decode (Error(string), custom errors, Panic codes, empty reverts).
contract Counter {
    uint256 public count;
    address public immutable owner;
    uint256[] public history;

    event Incremented(address indexed by, uint256 indexed newCount, string note);
    event Deposited(address indexed from, uint256 amount, uint256 balance);
    event Withdrawn(address indexed to, uint256 amount);

    error TooLarge(uint256 requested, uint256 limit);
    error NotOwner(address caller);

    uint256 public constant MAX_STEP = 100;

    constructor(uint256 initial) {
        count = initial;
        owner = msg.sender;
    }

    function increment(string calldata note) external {
        count += 1;
        history.push(count);
        emit Incremented(msg.sender, count, note);
    }

    function incrementBy(uint256 step) external {
        require(step > 0, "Counter: step must be positive");
        if (step > MAX_STEP) revert TooLarge(step, MAX_STEP);
        count += step;
        history.push(count);
        emit Incremented(msg.sender, count, "");
    }

    function reset() external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        count = 0;
    }

    function requirePositive(uint256 value) external pure returns (uint256) {
        require(value > 0, "Counter: value must be positive");
        return value;
    }

    function failWithoutReason() external {
        count += 1;
        revert();
    }

    // Panic 0x11 for a value that overflows the count.
    function addToCount(uint256 value) external {
        count += value;
    }

    // Panic 0x12: division by zero.
    function divide(uint256 numerator, uint256 denominator) external pure returns (uint256) {
        return numerator / denominator;
    }

    // Panic 0x32: array index out of bounds.
    function historyAt(uint256 index) external view returns (uint256) {
        return history[index];
    }

    // Panic 0x01: failed assert.
    function assertCountIs(uint256 expected) external view {
        assert(count == expected);
    }

    function deposit() external payable {
        emit Deposited(msg.sender, msg.value, address(this).balance);
    }

    receive() external payable {
        emit Deposited(msg.sender, msg.value, address(this).balance);
    }

    /// Splits the sent value evenly between two recipients (for changeEtherBalances).
    function split(address payable first, address payable second) external payable {
        uint256 half = msg.value / 2;
        first.transfer(half);
        second.transfer(msg.value - half);
    }

    function withdraw(uint256 amount) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        payable(msg.sender).transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }
}

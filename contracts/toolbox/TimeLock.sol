// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Test fixture: holds the deposit until a release time (the classic Hardhat "Lock" pattern).
contract TimeLock {
    uint256 public immutable releaseTime;
    address payable public immutable beneficiary;

    event Released(uint256 amount, uint256 when);

    error TooEarly(uint256 nowTimestamp, uint256 releaseTime);
    error NotBeneficiary(address caller);
    error ReleaseTimeNotInFuture(uint256 releaseTime);

    constructor(uint256 releaseTime_) payable {
        if (releaseTime_ <= block.timestamp) revert ReleaseTimeNotInFuture(releaseTime_);
        releaseTime = releaseTime_;
        beneficiary = payable(msg.sender);
    }

    function release() external {
        if (block.timestamp < releaseTime) revert TooEarly(block.timestamp, releaseTime);
        if (msg.sender != beneficiary) revert NotBeneficiary(msg.sender);
        uint256 amount = address(this).balance;
        emit Released(amount, block.timestamp);
        beneficiary.transfer(amount);
    }
}

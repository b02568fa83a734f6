// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Test fixture: a token whose transfers cost more once the sender has delegated its votes
/// (each transfer then appends a vote checkpoint), as in ERC20Votes. A transfer's gas estimated
/// before `delegate` is mined is therefore too low for it afterwards.
contract VotingToken {
    mapping(address => uint256) public balanceOf;
    mapping(address => address) public delegates;
    mapping(address => uint256[]) public checkpoints;

    constructor(uint256 supply) {
        balanceOf[msg.sender] = supply;
    }

    function delegate(address delegatee) external {
        delegates[msg.sender] = delegatee;
    }

    function transfer(address to, uint256 value) external {
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        address delegatee = delegates[msg.sender];
        if (delegatee != address(0)) {
            uint256[] storage votes = checkpoints[delegatee];
            votes.push(block.number);
            votes.push(balanceOf[msg.sender]);
        }
    }

    function checkpointCount(address account) external view returns (uint256) {
        return checkpoints[account].length;
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A vault written the way real projects write them (owner, deposits, a time lock, events,
/// custom errors), for the large generated test suite of `npm run bench`.
contract BenchVault {
    error NotOwner(address caller);
    error Locked(uint256 unlockTime, uint256 now_);
    error InsufficientBalance(address account, uint256 balance, uint256 wanted);
    error ZeroAmount();

    event Deposited(address indexed account, uint256 amount);
    event Withdrawn(address indexed account, uint256 amount);
    event Transferred(address indexed from, address indexed to, uint256 amount);
    event UnlockTimeChanged(uint256 unlockTime);

    address public immutable owner;
    uint256 public unlockTime;
    uint256 public totalDeposits;
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public depositCount;

    constructor(uint256 unlockTime_) {
        owner = msg.sender;
        unlockTime = unlockTime_;
    }

    function deposit() external payable {
        if (msg.value == 0) revert ZeroAmount();
        balanceOf[msg.sender] += msg.value;
        depositCount[msg.sender] += 1;
        totalDeposits += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function transfer(address to, uint256 amount) external {
        uint256 balance = balanceOf[msg.sender];
        if (balance < amount) revert InsufficientBalance(msg.sender, balance, amount);
        balanceOf[msg.sender] = balance - amount;
        balanceOf[to] += amount;
        emit Transferred(msg.sender, to, amount);
    }

    function withdraw(uint256 amount) external {
        if (block.timestamp < unlockTime) revert Locked(unlockTime, block.timestamp);
        uint256 balance = balanceOf[msg.sender];
        if (balance < amount) revert InsufficientBalance(msg.sender, balance, amount);
        balanceOf[msg.sender] = balance - amount;
        totalDeposits -= amount;
        emit Withdrawn(msg.sender, amount);
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "send failed");
    }

    function setUnlockTime(uint256 unlockTime_) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        unlockTime = unlockTime_;
        emit UnlockTimeChanged(unlockTime_);
    }
}

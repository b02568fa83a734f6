// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Makes the calls under test (FEVM spec §2.4) and reports what the EVM gave back.
contract CallProbe {
    /// First slot, so that MarkerSetter.setMarker run by DELEGATECALL writes here.
    uint256 public marker;

    function callTo(address target, bytes calldata data, uint256 value) external payable returns (bool ok, bytes memory ret) {
        (ok, ret) = target.call{value: value}(data);
    }

    function callWithGas(address target, bytes calldata data, uint256 value, uint256 gasLimit)
        external
        payable
        returns (bool ok, bytes memory ret)
    {
        (ok, ret) = target.call{value: value, gas: gasLimit}(data);
    }

    function staticcallTo(address target, bytes calldata data) external view returns (bool ok, bytes memory ret) {
        (ok, ret) = target.staticcall(data);
    }

    function delegatecallTo(address target, bytes calldata data) external returns (bool ok, bytes memory ret) {
        (ok, ret) = target.delegatecall(data);
    }

    /// Solidity's transfer: CALL with gas 0 and value (Ethereum's 2300-gas stipend).
    function transferTo(address payable target, uint256 value) external {
        target.transfer(value);
    }

    /// Solidity's send: same CALL as transfer, the failure returned instead of reverting.
    function sendTo(address payable target, uint256 value) external returns (bool) {
        return target.send(value);
    }

    /// Tries to send value from inside a read-only (STATICCALL) frame.
    function sendValueWhileStatic(address target) external view returns (bool ok) {
        (ok, ) = address(this).staticcall(abi.encodeCall(this.callTo, (target, "", 1)));
    }

    receive() external payable {}
}

/// Reports who it runs as, who called it and with how much; receiving FIL writes storage.
contract CallRecorder {
    uint256 public received;

    function record() external payable returns (address self, address sender, uint256 value) {
        return (address(this), msg.sender, msg.value);
    }

    function fail() external pure {
        revert("recorder refused");
    }

    /// Costs far more than Ethereum's 2300-gas stipend.
    receive() external payable {
        received += 1;
    }
}

/// Code borrowed by DELEGATECALL: writes the caller's first storage slot.
contract MarkerSetter {
    uint256 public marker;

    function setMarker(uint256 value) external {
        marker = value;
    }
}

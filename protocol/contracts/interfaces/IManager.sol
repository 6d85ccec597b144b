// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice What the Controller needs from a registered manager contract.
interface IManager {
    function setController(address _controller) external;
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The RoundsManager views the other managers read (spec §5).
interface IRoundsManager {
    function currentRound() external view returns (uint256);

    function currentRoundInitialized() external view returns (bool);

    function currentRoundLocked() external view returns (bool);

    function blockHashForRound(uint256 _round) external view returns (bytes32);
}

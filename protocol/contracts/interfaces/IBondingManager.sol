// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The BondingManager calls of the RoundsManager, Minter and TicketBroker.
interface IBondingManager {
    function updateTranscoderWithFees(address _transcoder, uint256 _fees, uint256 _round) external;

    function setCurrentRoundTotalActiveStake() external;

    function getTotalBonded() external view returns (uint256);

    function getTranscoderPoolSize() external view returns (uint256);

    function isActiveTranscoder(address _transcoder) external view returns (bool);
}

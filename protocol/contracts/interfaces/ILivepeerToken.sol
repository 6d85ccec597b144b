// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The LPT calls the protocol contracts make (ERC-20 plus role-gated mint and burn, spec §3.6).
interface ILivepeerToken {
    function totalSupply() external view returns (uint256);

    function balanceOf(address _account) external view returns (uint256);

    function transfer(address _to, uint256 _amount) external returns (bool);

    function transferFrom(address _from, address _to, uint256 _amount) external returns (bool);

    function mint(address _to, uint256 _amount) external;

    function burn(uint256 _amount) external;
}

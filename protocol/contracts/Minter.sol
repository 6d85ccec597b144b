// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Manager} from "./libraries/Manager.sol";
import {MathUtilsV2} from "./libraries/MathUtilsV2.sol";
import {IMinter} from "./interfaces/IMinter.sol";
import {ILivepeerToken} from "./interfaces/ILivepeerToken.sol";
import {IBondingManager} from "./interfaces/IBondingManager.sol";

/**
 * @title Minter
 * @notice Per-round inflation and LPT minting, and custodian of all bonded LPT and all ETH
 * (broadcaster deposits and reserves, unwithdrawn fees). Spec §2.5, §4.3, §7.
 * @dev Percentages use MathUtilsV2 (1e9). `inflation` moves only in `setCurrentRewardTokens`, towards
 * `targetBondingRate`, once per round. The global supply is `LPT.totalSupply()` (no L1 part on a devnet).
 */
contract Minter is Manager, IMinter {
    /// @notice Per-round inflation in parts per billion of the global supply.
    uint256 public inflation;
    /// @notice Step by which `inflation` moves each round.
    uint256 public inflationChange;
    /// @notice Bonding rate (1e9) the inflation steers towards.
    uint256 public targetBondingRate;
    /// @notice Tokens mintable in the current round.
    uint256 public currentMintableTokens;
    /// @notice Tokens minted so far in the current round.
    uint256 public currentMintedTokens;

    event SetCurrentRewardTokens(uint256 currentMintableTokens, uint256 currentInflation);

    modifier onlyBondingManager() {
        require(msg.sender == contractAt(BONDING_MANAGER_ID), "msg.sender not BondingManager");
        _;
    }

    modifier onlyRoundsManager() {
        require(msg.sender == contractAt(ROUNDS_MANAGER_ID), "msg.sender not RoundsManager");
        _;
    }

    modifier onlyBondingManagerOrJobsManager() {
        require(
            msg.sender == contractAt(BONDING_MANAGER_ID) || msg.sender == contractAt(JOBS_MANAGER_ID),
            "msg.sender not BondingManager or JobsManager"
        );
        _;
    }

    modifier onlyMinterOrJobsManager() {
        require(
            msg.sender == address(this) || msg.sender == contractAt(JOBS_MANAGER_ID),
            "msg.sender not Minter or JobsManager"
        );
        _;
    }

    /**
     * @notice One-time setup: Controller, starting inflation and the two steering parameters (all 1e9).
     * Emits SetController and the ParameterUpdate events their setters emit.
     */
    function initialize(
        address _controller,
        uint256 _inflation,
        uint256 _inflationChange,
        uint256 _targetBondingRate
    ) external {
        initializeManager(_controller);
        require(MathUtilsV2.validPerc(_inflation), "_inflation is invalid percentage");
        inflation = _inflation;
        setTargetBondingRateInternal(_targetBondingRate);
        setInflationChangeInternal(_inflationChange);
    }

    function setTargetBondingRate(uint256 _targetBondingRate) external onlyControllerOwner {
        setTargetBondingRateInternal(_targetBondingRate);
    }

    function setInflationChange(uint256 _inflationChange) external onlyControllerOwner {
        setInflationChangeInternal(_inflationChange);
    }

    /**
     * @notice Mints `currentMintableTokens × (_fracNum / _fracDenom)` (1e9 fraction, two truncations)
     * to the Minter and returns it. Only the BondingManager, from `reward()`.
     */
    function createReward(
        uint256 _fracNum,
        uint256 _fracDenom
    ) external onlyBondingManager whenSystemNotPaused returns (uint256) {
        uint256 mintAmount = MathUtilsV2.percOf(currentMintableTokens, _fracNum, _fracDenom);
        currentMintedTokens += mintAmount;
        require(currentMintedTokens <= currentMintableTokens, "minted tokens cannot exceed mintable tokens");
        livepeerToken().mint(address(this), mintAmount);
        return mintAmount;
    }

    /// @notice Sends LPT held by the Minter (stake withdrawals, treasury cut, finder fees).
    function trustedTransferTokens(address _to, uint256 _amount) external onlyBondingManager whenSystemNotPaused {
        livepeerToken().transfer(_to, _amount);
    }

    /// @notice Burns LPT held by the Minter (slashing).
    function trustedBurnTokens(uint256 _amount) external onlyBondingManager whenSystemNotPaused {
        livepeerToken().burn(_amount);
    }

    /// @notice Sends ETH held by the Minter (fee withdrawals, broadcaster withdrawals).
    function trustedWithdrawETH(
        address payable _to,
        uint256 _amount
    ) external onlyBondingManagerOrJobsManager whenSystemNotPaused {
        (bool ok, ) = _to.call{value: _amount}("");
        require(ok, "ETH transfer failed");
    }

    /// @notice Receives ETH from the TicketBroker (registered as "JobsManager").
    function depositETH() external payable onlyMinterOrJobsManager whenSystemNotPaused returns (bool) {
        return true;
    }

    /**
     * @notice Steps inflation towards the target bonding rate and sets the round's mintable tokens.
     * Only the RoundsManager, from `initializeRound()`, after the BondingManager rolled its active stake.
     */
    function setCurrentRewardTokens() external onlyRoundsManager whenSystemNotPaused {
        uint256 globalSupply = getGlobalTotalSupply();
        uint256 bondingRate = 0;
        if (globalSupply > 0) {
            bondingRate = MathUtilsV2.percPoints(bondingManager().getTotalBonded(), globalSupply);
        }
        if (bondingRate < targetBondingRate) {
            inflation += inflationChange;
        } else if (bondingRate > targetBondingRate) {
            inflation = inflationChange > inflation ? 0 : inflation - inflationChange;
        }

        currentMintableTokens = MathUtilsV2.percOf(globalSupply, inflation);
        currentMintedTokens = 0;

        emit SetCurrentRewardTokens(currentMintableTokens, inflation);
    }

    /// @notice The supply inflation is computed on: `LPT.totalSupply()` on the devnet.
    function getGlobalTotalSupply() public view returns (uint256) {
        return livepeerToken().totalSupply();
    }

    function setTargetBondingRateInternal(uint256 _targetBondingRate) private {
        require(MathUtilsV2.validPerc(_targetBondingRate), "_targetBondingRate is invalid percentage");
        targetBondingRate = _targetBondingRate;
        emit ParameterUpdate("targetBondingRate");
    }

    function setInflationChangeInternal(uint256 _inflationChange) private {
        require(MathUtilsV2.validPerc(_inflationChange), "_inflationChange is invalid percentage");
        inflationChange = _inflationChange;
        emit ParameterUpdate("inflationChange");
    }

    function livepeerToken() private view returns (ILivepeerToken) {
        return ILivepeerToken(contractAt(LIVEPEER_TOKEN_ID));
    }

    function bondingManager() private view returns (IBondingManager) {
        return IBondingManager(contractAt(BONDING_MANAGER_ID));
    }
}

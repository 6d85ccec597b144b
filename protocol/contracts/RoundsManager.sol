// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Manager} from "./libraries/Manager.sol";
import {MathUtils} from "./libraries/MathUtils.sol";
import {IRoundsManager} from "./interfaces/IRoundsManager.sol";
import {IBondingManager} from "./interfaces/IBondingManager.sol";
import {IMinter} from "./interfaces/IMinter.sol";

/**
 * @title RoundsManager
 * @notice Rounds of `roundLength` blocks counted on `block.number`, the lock window at the end of each
 * round, and round initialization (spec §4.2, §11.1, §11.2).
 * @dev `currentRound = lastRoundLengthUpdateRound + (blockNum − lastRoundLengthUpdateStartBlock) / roundLength`.
 * The first round length sets `lastRoundLengthUpdateRound = block.number / roundLength`, so round
 * numbers are `block.number / roundLength` until the length changes, as on mainnet.
 */
contract RoundsManager is Manager, IRoundsManager {
    /// @notice Round length in blocks.
    uint256 public roundLength;
    /// @notice Lock window at the end of a round, as a fraction of `roundLength` (1e6).
    uint256 public roundLockAmount;
    /// @notice Last round for which `initializeRound()` ran.
    uint256 public lastInitializedRound;
    /// @notice Round in which `roundLength` last changed.
    uint256 public lastRoundLengthUpdateRound;
    /// @notice Start block of that round.
    uint256 public lastRoundLengthUpdateStartBlock;
    /// @notice Round in which a LIP took effect (set once per LIP by the owner).
    mapping(uint256 => uint256) public lipUpgradeRound;

    mapping(uint256 => bytes32) private roundBlockHashes;

    event NewRound(uint256 indexed round, bytes32 blockHash);

    /// @notice One-time setup; emits SetController, ParameterUpdate("roundLength"), ParameterUpdate("roundLockAmount").
    function initialize(address _controller, uint256 _roundLength, uint256 _roundLockAmount) external {
        initializeManager(_controller);
        setRoundLengthInternal(_roundLength);
        setRoundLockAmountInternal(_roundLockAmount);
    }

    function setRoundLength(uint256 _roundLength) external onlyControllerOwner {
        setRoundLengthInternal(_roundLength);
    }

    function setRoundLockAmount(uint256 _roundLockAmount) external onlyControllerOwner {
        setRoundLockAmountInternal(_roundLockAmount);
    }

    function setLIPUpgradeRound(uint256 _lip, uint256 _round) external onlyControllerOwner {
        require(lipUpgradeRound[_lip] == 0, "LIP upgrade round already set");
        lipUpgradeRound[_lip] = _round;
    }

    /**
     * @notice Initializes the current round: stores the previous block's hash for it, rolls the
     * BondingManager's active stake, sets the Minter's mintable tokens, then emits NewRound.
     * Event order: [BM ParameterUpdate("treasuryRewardCutRate")] → Minter SetCurrentRewardTokens → NewRound.
     */
    function initializeRound() external whenSystemNotPaused {
        uint256 round = currentRound();
        require(lastInitializedRound < round, "round already initialized");

        lastInitializedRound = round;
        bytes32 roundBlockHash = blockHash(blockNum() - 1);
        roundBlockHashes[round] = roundBlockHash;

        IBondingManager(contractAt(BONDING_MANAGER_ID)).setCurrentRoundTotalActiveStake();
        IMinter(contractAt(MINTER_ID)).setCurrentRewardTokens();

        emit NewRound(round, roundBlockHash);
    }

    /// @notice The block number rounds are counted on (`block.number`; on Arbitrum the L1 number).
    function blockNum() public view returns (uint256) {
        return block.number;
    }

    /// @notice Hash of one of the last 256 blocks.
    function blockHash(uint256 _block) public view returns (bytes32) {
        uint256 currentBlock = blockNum();
        require(_block < currentBlock, "can only retrieve past block hashes");
        require(currentBlock < 256 || _block >= currentBlock - 256, "can only retrieve hashes for last 256 blocks");
        return blockhash(_block);
    }

    /// @notice Block hash stored when `_round` was initialized (zero if it never was).
    function blockHashForRound(uint256 _round) external view returns (bytes32) {
        return roundBlockHashes[_round];
    }

    function currentRound() public view returns (uint256) {
        return lastRoundLengthUpdateRound + (blockNum() - lastRoundLengthUpdateStartBlock) / roundLength;
    }

    function currentRoundStartBlock() public view returns (uint256) {
        return lastRoundLengthUpdateStartBlock + (currentRound() - lastRoundLengthUpdateRound) * roundLength;
    }

    function currentRoundInitialized() external view returns (bool) {
        return lastInitializedRound == currentRound();
    }

    /// @notice True in the last `roundLockAmount` fraction of the round (transcoder params frozen).
    function currentRoundLocked() external view returns (bool) {
        return blockNum() - currentRoundStartBlock() >= roundLength - MathUtils.percOf(roundLength, roundLockAmount);
    }

    function setRoundLengthInternal(uint256 _roundLength) private {
        require(_roundLength > 0, "round length cannot be 0");
        if (roundLength == 0) {
            // First length: with both anchors at 0 the current round is blockNum / _roundLength.
            roundLength = _roundLength;
            lastRoundLengthUpdateRound = currentRound();
            lastRoundLengthUpdateStartBlock = currentRoundStartBlock();
        } else {
            // Later changes keep the current round and its start block under the old length.
            lastRoundLengthUpdateRound = currentRound();
            lastRoundLengthUpdateStartBlock = currentRoundStartBlock();
            roundLength = _roundLength;
        }
        emit ParameterUpdate("roundLength");
    }

    function setRoundLockAmountInternal(uint256 _roundLockAmount) private {
        require(MathUtils.validPerc(_roundLockAmount), "round lock amount must be a valid percentage");
        roundLockAmount = _roundLockAmount;
        emit ParameterUpdate("roundLockAmount");
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Manager} from "./libraries/Manager.sol";
import {MathUtils} from "./libraries/MathUtils.sol";
import {PreciseMathUtils} from "./libraries/PreciseMathUtils.sol";
import {SortedDoublyLL} from "./libraries/SortedDoublyLL.sol";
import {EarningsPool} from "./libraries/EarningsPool.sol";
import {IBondingManager} from "./interfaces/IBondingManager.sol";
import {ILivepeerToken} from "./interfaces/ILivepeerToken.sol";
import {IMinter} from "./interfaces/IMinter.sol";
import {IRoundsManager} from "./interfaces/IRoundsManager.sol";

/**
 * @title BondingManager
 * @notice Bonding, delegation, unbonding locks, the stake-sorted transcoder pool (next round's active
 * set), inflationary rewards with the treasury cut, fees from winning tickets, LIP-36 earnings
 * claiming, slashing and LIP-118 reward callers. Spec §3.1, §4.1, §5, §8–§11.
 * @dev Event emission order reproduces the live contract, including the zero-valued auto-claim
 * `EarningsClaimed` that opens bond/unbond/rebond/withdrawFees/transferBond. BondingVotes
 * checkpoints are not implemented (`checkpointBondingState` is a no-op).
 */
contract BondingManager is Manager, IBondingManager {
    using SortedDoublyLL for SortedDoublyLL.Data;
    using EarningsPool for EarningsPool.Data;

    uint256 private constant MAX_FUTURE_ROUND = type(uint256).max;

    struct Transcoder {
        uint256 lastRewardRound; // last round the transcoder called reward
        uint256 rewardCut; // share of rewards kept by the transcoder (1e6)
        uint256 feeShare; // share of fees passed to delegators (1e6)
        mapping(uint256 => EarningsPool.Data) earningsPoolPerRound;
        uint256 lastActiveStakeUpdateRound; // round whose pool holds the latest active stake
        uint256 activationRound;
        uint256 deactivationRound;
        uint256 activeCumulativeRewards; // cumulativeRewards as of the round's reward call
        uint256 cumulativeRewards; // unclaimed rewards of the transcoder's own reward stake plus commission
        uint256 cumulativeFees; // unclaimed fees of the transcoder's own reward stake plus commission
        uint256 lastFeeRound;
    }

    enum TranscoderStatus {
        NotRegistered,
        Registered
    }

    struct UnbondingLock {
        uint256 amount;
        uint256 withdrawRound;
    }

    struct Delegator {
        uint256 bondedAmount;
        uint256 fees;
        address delegateAddress;
        uint256 delegatedAmount; // stake delegated to this address (its transcoder total stake)
        uint256 startRound;
        uint256 lastClaimRound;
        uint256 nextUnbondingLockId;
        mapping(uint256 => UnbondingLock) unbondingLocks;
    }

    enum DelegatorStatus {
        Pending,
        Bonded,
        Unbonded
    }

    /// @notice Rounds between unbonding and withdrawal.
    uint64 public unbondingPeriod;
    /// @notice Active stake of the current round (rolled from `nextRoundTotalActiveStake` at round start).
    uint256 public currentRoundTotalActiveStake;
    /// @notice Sum of the pool members' stake: next round's active stake.
    uint256 public nextRoundTotalActiveStake;
    /// @notice Share of minted rewards routed to the treasury (1e27).
    uint256 public treasuryRewardCutRate;
    /// @notice Cut rate that takes effect at the next `initializeRound`.
    uint256 public nextRoundTreasuryRewardCutRate;
    /// @notice Treasury LPT balance at which the cut stops (0 = no ceiling).
    uint256 public treasuryBalanceCeiling;
    /// @notice LIP-118: address allowed to call reward on behalf of a transcoder (0 = unset).
    mapping(address => address) public transcoderToRewardCaller;

    mapping(address => Delegator) private delegators;
    mapping(address => Transcoder) private transcoders;
    SortedDoublyLL.Data private transcoderPool;

    event TranscoderUpdate(address indexed transcoder, uint256 rewardCut, uint256 feeShare);
    event TranscoderActivated(address indexed transcoder, uint256 activationRound);
    event TranscoderDeactivated(address indexed transcoder, uint256 deactivationRound);
    event TranscoderSlashed(address indexed transcoder, address finder, uint256 penalty, uint256 finderReward);
    event Reward(address indexed transcoder, uint256 amount);
    event TreasuryReward(address indexed transcoder, address treasury, uint256 amount);
    event Bond(
        address indexed newDelegate,
        address indexed oldDelegate,
        address indexed delegator,
        uint256 additionalAmount,
        uint256 bondedAmount
    );
    event Unbond(
        address indexed delegate,
        address indexed delegator,
        uint256 unbondingLockId,
        uint256 amount,
        uint256 withdrawRound
    );
    event Rebond(address indexed delegate, address indexed delegator, uint256 unbondingLockId, uint256 amount);
    event TransferBond(
        address indexed oldDelegator,
        address indexed newDelegator,
        uint256 oldUnbondingLockId,
        uint256 newUnbondingLockId,
        uint256 amount
    );
    event WithdrawStake(address indexed delegator, uint256 unbondingLockId, uint256 amount, uint256 withdrawRound);
    event WithdrawFees(address indexed delegator, address recipient, uint256 amount);
    event EarningsClaimed(
        address indexed delegate,
        address indexed delegator,
        uint256 rewards,
        uint256 fees,
        uint256 startRound,
        uint256 endRound
    );
    event RewardCallerSet(address indexed transcoder, address indexed rewardCaller);

    modifier onlyTicketBroker() {
        require(msg.sender == contractAt(TICKET_BROKER_ID), "caller must be TicketBroker");
        _;
    }

    modifier onlyRoundsManager() {
        require(msg.sender == contractAt(ROUNDS_MANAGER_ID), "caller must be RoundsManager");
        _;
    }

    modifier onlyVerifier() {
        require(msg.sender == contractAt(VERIFIER_ID), "caller must be Verifier");
        _;
    }

    modifier currentRoundInitialized() {
        require(roundsManager().currentRoundInitialized(), "current round is not initialized");
        _;
    }

    // =================================================================== setup and owner setters

    /**
     * @notice One-time setup. Emits SetController and the ParameterUpdate events of the setters
     * ("unbondingPeriod", "numActiveTranscoders", "nextRoundTreasuryRewardCutRate",
     * "treasuryBalanceCeiling"). The cut rate takes effect at the first `initializeRound`.
     */
    function initialize(
        address _controller,
        uint64 _unbondingPeriod,
        uint256 _numActiveTranscoders,
        uint256 _treasuryRewardCutRate,
        uint256 _treasuryBalanceCeiling
    ) external {
        initializeManager(_controller);
        setUnbondingPeriodInternal(_unbondingPeriod);
        setNumActiveTranscodersInternal(_numActiveTranscoders);
        setTreasuryRewardCutRateInternal(_treasuryRewardCutRate);
        setTreasuryBalanceCeilingInternal(_treasuryBalanceCeiling);
    }

    function setUnbondingPeriod(uint64 _unbondingPeriod) external onlyControllerOwner {
        setUnbondingPeriodInternal(_unbondingPeriod);
    }

    /// @notice Raises the pool's maximum size (it can never shrink).
    function setNumActiveTranscoders(uint256 _numActiveTranscoders) external onlyControllerOwner {
        setNumActiveTranscodersInternal(_numActiveTranscoders);
    }

    /// @notice Sets the treasury cut for the next round (emits "nextRoundTreasuryRewardCutRate").
    function setTreasuryRewardCutRate(uint256 _cutRate) external onlyControllerOwner {
        setTreasuryRewardCutRateInternal(_cutRate);
    }

    function setTreasuryBalanceCeiling(uint256 _ceiling) external onlyControllerOwner {
        setTreasuryBalanceCeilingInternal(_ceiling);
    }

    // ====================================================================== transcoders

    function transcoder(uint256 _rewardCut, uint256 _feeShare) external {
        transcoderWithHint(_rewardCut, _feeShare, address(0), address(0));
    }

    /**
     * @notice Sets the caller's reward cut and fee share (1e6) and, if it is not in the pool, tries to
     * join it for the next round. Not while the round is locked; an active transcoder must have called
     * reward in the current round first.
     */
    function transcoderWithHint(
        uint256 _rewardCut,
        uint256 _feeShare,
        address _newPosPrev,
        address _newPosNext
    ) public whenSystemNotPaused currentRoundInitialized {
        IRoundsManager rm = roundsManager();
        require(!rm.currentRoundLocked(), "can't update transcoder params, current round is locked");
        require(MathUtils.validPerc(_rewardCut), "invalid rewardCut percentage");
        require(MathUtils.validPerc(_feeShare), "invalid feeShare percentage");
        require(isRegisteredTranscoder(msg.sender), "transcoder must be registered");

        Transcoder storage t = transcoders[msg.sender];
        uint256 round = rm.currentRound();
        require(
            !isActiveTranscoder(msg.sender) || t.lastRewardRound == round,
            "caller can't be active or must have already called reward for the current round"
        );

        t.rewardCut = _rewardCut;
        t.feeShare = _feeShare;

        if (!transcoderPool.contains(msg.sender)) {
            tryToJoinActiveSet(msg.sender, delegators[msg.sender].delegatedAmount, round + 1, _newPosPrev, _newPosNext);
        }

        emit TranscoderUpdate(msg.sender, _rewardCut, _feeShare);
    }

    // ========================================================================== bonding

    function bond(uint256 _amount, address _to) external {
        bondForWithHint(_amount, msg.sender, _to, address(0), address(0), address(0), address(0));
    }

    function bondWithHint(
        uint256 _amount,
        address _to,
        address _oldDelegateNewPosPrev,
        address _oldDelegateNewPosNext,
        address _currDelegateNewPosPrev,
        address _currDelegateNewPosNext
    ) external {
        bondForWithHint(
            _amount,
            msg.sender,
            _to,
            _oldDelegateNewPosPrev,
            _oldDelegateNewPosNext,
            _currDelegateNewPosPrev,
            _currDelegateNewPosNext
        );
    }

    /**
     * @notice Bonds `_amount` LPT (pulled from the caller) for `_owner` towards `_to`, moving the owner's
     * existing bond along when the delegate changes. A third party may add to an existing delegation
     * or start a new one towards someone other than the owner, never redirect it (spec §4.1).
     * Events: [EarningsClaimed] → [old delegate/pool changes] → [TranscoderDeactivated, TranscoderActivated]
     * → LPT Transfer + Approval → Bond.
     */
    function bondForWithHint(
        uint256 _amount,
        address _owner,
        address _to,
        address _oldDelegateNewPosPrev,
        address _oldDelegateNewPosNext,
        address _currDelegateNewPosPrev,
        address _currDelegateNewPosNext
    ) public whenSystemNotPaused currentRoundInitialized {
        authorizeClaimEarnings(_owner);
        autoClaimEarnings(_owner);

        Delegator storage del = delegators[_owner];
        uint256 round = currentRound();
        address currentDelegate = del.delegateAddress;
        uint256 currentBondedAmount = del.bondedAmount;
        uint256 delegationAmount = _amount;

        requireThirdPartyBondAllowed(_owner, _to, currentDelegate);

        if (delegatorStatus(_owner) == DelegatorStatus.Unbonded) {
            // New bond: the delegation starts next round.
            del.startRound = round + 1;
        } else if (currentBondedAmount > 0 && currentDelegate != _to) {
            require(!isRegisteredTranscoder(_owner), "registered transcoders can't delegate towards other addresses");
            // Changing delegate: the whole existing bond moves along, effective next round.
            del.startRound = round + 1;
            delegationAmount += currentBondedAmount;
            decreaseTotalStake(currentDelegate, currentBondedAmount, _oldDelegateNewPosPrev, _oldDelegateNewPosNext);
        }

        ensureInitializedCumulativeFactorsPool(_to, round);

        require(delegationAmount > 0, "delegation amount must be greater than 0");
        del.delegateAddress = _to;
        del.bondedAmount = currentBondedAmount + _amount;

        increaseTotalStake(_to, delegationAmount, _currDelegateNewPosPrev, _currDelegateNewPosNext);

        if (_amount > 0) {
            livepeerToken().transferFrom(msg.sender, address(minter()), _amount);
        }

        emit Bond(_to, currentDelegate, _owner, _amount, del.bondedAmount);
    }

    function unbond(uint256 _amount) external {
        unbondWithHint(_amount, address(0), address(0));
    }

    /**
     * @notice Moves `_amount` of the caller's bond into a new unbonding lock withdrawable after
     * `unbondingPeriod` rounds. A full unbond clears the delegate and, for a transcoder in the pool,
     * resigns it (TranscoderDeactivated effective next round).
     */
    function unbondWithHint(
        uint256 _amount,
        address _newPosPrev,
        address _newPosNext
    ) public whenSystemNotPaused currentRoundInitialized {
        autoClaimEarnings(msg.sender);
        require(delegatorStatus(msg.sender) == DelegatorStatus.Bonded, "caller must be bonded");

        Delegator storage del = delegators[msg.sender];
        require(_amount > 0, "unbond amount must be greater than 0");
        require(_amount <= del.bondedAmount, "amount is greater than bonded amount");

        address currentDelegate = del.delegateAddress;
        uint256 withdrawRound = currentRound() + unbondingPeriod;
        uint256 lockId = del.nextUnbondingLockId;

        del.unbondingLocks[lockId] = UnbondingLock({amount: _amount, withdrawRound: withdrawRound});
        del.nextUnbondingLockId = lockId + 1;
        del.bondedAmount -= _amount;

        if (del.bondedAmount == 0) {
            del.delegateAddress = address(0);
            del.startRound = 0;
            if (transcoderPool.contains(msg.sender)) {
                resignTranscoder(msg.sender);
            }
        }

        // After a resignation this only lowers the delegate's delegatedAmount.
        decreaseTotalStake(currentDelegate, _amount, _newPosPrev, _newPosNext);

        emit Unbond(currentDelegate, msg.sender, lockId, _amount, withdrawRound);
    }

    function rebond(uint256 _unbondingLockId) external {
        rebondWithHint(_unbondingLockId, address(0), address(0));
    }

    /// @notice Returns an unbonding lock's tokens to the caller's current delegate (caller Bonded or Pending).
    function rebondWithHint(
        uint256 _unbondingLockId,
        address _newPosPrev,
        address _newPosNext
    ) public whenSystemNotPaused currentRoundInitialized {
        autoClaimEarnings(msg.sender);
        require(delegatorStatus(msg.sender) != DelegatorStatus.Unbonded, "caller must be bonded");
        processRebond(msg.sender, _unbondingLockId, _newPosPrev, _newPosNext);
    }

    function rebondFromUnbonded(address _to, uint256 _unbondingLockId) external {
        rebondFromUnbondedWithHint(_to, _unbondingLockId, address(0), address(0));
    }

    /// @notice Bonds an unbonding lock's tokens towards `_to` for an Unbonded caller (Pending from next round).
    function rebondFromUnbondedWithHint(
        address _to,
        uint256 _unbondingLockId,
        address _newPosPrev,
        address _newPosNext
    ) public whenSystemNotPaused currentRoundInitialized {
        autoClaimEarnings(msg.sender);
        require(delegatorStatus(msg.sender) == DelegatorStatus.Unbonded, "caller must be unbonded");

        uint256 round = currentRound();
        ensureInitializedCumulativeFactorsPool(_to, round);
        delegators[msg.sender].startRound = round + 1;
        delegators[msg.sender].delegateAddress = _to;
        processRebond(msg.sender, _unbondingLockId, _newPosPrev, _newPosNext);
    }

    /**
     * @notice Gives `_amount` of the caller's bond to `_delegator`: unbonds it (Unbond), moves the lock
     * (TransferBond), claims for the receiver, then rebonds it for the receiver (Rebond) towards the
     * receiver's delegate, or the caller's delegate if the receiver has none.
     */
    function transferBond(
        address _delegator,
        uint256 _amount,
        address _oldDelegateNewPosPrev,
        address _oldDelegateNewPosNext,
        address _newDelegateNewPosPrev,
        address _newDelegateNewPosNext
    ) external whenSystemNotPaused currentRoundInitialized {
        autoClaimEarnings(msg.sender);
        Delegator storage oldDel = delegators[msg.sender];
        Delegator storage newDel = delegators[_delegator];
        // A full unbond clears the caller's delegate: remember it first.
        address oldDelDelegate = oldDel.delegateAddress;

        unbondWithHint(_amount, _oldDelegateNewPosPrev, _oldDelegateNewPosNext);

        uint256 oldLockId = oldDel.nextUnbondingLockId - 1;
        uint256 withdrawRound = oldDel.unbondingLocks[oldLockId].withdrawRound;
        delete oldDel.unbondingLocks[oldLockId];

        uint256 newLockId = newDel.nextUnbondingLockId;
        newDel.unbondingLocks[newLockId] = UnbondingLock({amount: _amount, withdrawRound: withdrawRound});
        newDel.nextUnbondingLockId = newLockId + 1;

        emit TransferBond(msg.sender, _delegator, oldLockId, newLockId, _amount);

        autoClaimEarnings(_delegator);

        if (newDel.delegateAddress == address(0) && newDel.bondedAmount == 0) {
            require(oldDelDelegate != _delegator, "INVALID_DELEGATOR");
            require(_delegator != address(0), "INVALID_DELEGATOR");
            newDel.delegateAddress = oldDelDelegate;
        }
        if (delegatorStatus(_delegator) == DelegatorStatus.Unbonded) {
            newDel.startRound = currentRound() + 1;
        }

        processRebond(_delegator, newLockId, _newDelegateNewPosPrev, _newDelegateNewPosNext);
    }

    /// @notice Pays out an unbonding lock once its withdraw round is reached (LPT from the Minter).
    function withdrawStake(uint256 _unbondingLockId) external whenSystemNotPaused currentRoundInitialized {
        Delegator storage del = delegators[msg.sender];
        UnbondingLock storage lock = del.unbondingLocks[_unbondingLockId];

        require(isValidUnbondingLock(msg.sender, _unbondingLockId), "invalid unbonding lock ID");
        require(
            lock.withdrawRound <= currentRound(),
            "withdraw round must be before or equal to the current round"
        );

        uint256 amount = lock.amount;
        uint256 withdrawRound = lock.withdrawRound;
        delete del.unbondingLocks[_unbondingLockId];

        minter().trustedTransferTokens(msg.sender, amount);

        emit WithdrawStake(msg.sender, _unbondingLockId, amount, withdrawRound);
    }

    /// @notice Sends `_amount` of the caller's claimed fees (ETH held by the Minter) to `_recipient`.
    function withdrawFees(
        address payable _recipient,
        uint256 _amount
    ) external whenSystemNotPaused currentRoundInitialized {
        autoClaimEarnings(msg.sender);
        require(_recipient != address(0), "invalid recipient");
        uint256 fees = delegators[msg.sender].fees;
        require(fees >= _amount, "insufficient fees to withdraw");
        delegators[msg.sender].fees = fees - _amount;

        minter().trustedWithdrawETH(_recipient, _amount);

        emit WithdrawFees(msg.sender, _recipient, _amount);
    }

    /// @notice Claims earnings up to the current round. `_endRound` is ignored.
    function claimEarnings(uint256 _endRound) external whenSystemNotPaused currentRoundInitialized {
        _endRound;
        autoClaimEarnings(msg.sender);
    }

    /// @notice BondingVotes checkpoint. BondingVotes is not part of the devnet, so this does nothing
    /// (kept for ABI compatibility, selector 0xd52bd62b).
    function checkpointBondingState(address _account) external pure {
        _account;
    }

    // =========================================================================== rewards

    function reward() external {
        rewardWithHint(address(0), address(0));
    }

    /**
     * @notice Mints the caller's share of the round's inflation once per round (active transcoders only).
     * Events: [ParameterUpdate("nextRoundTreasuryRewardCutRate")] → LPT Transfer + Mint →
     * [LPT Transfer + TreasuryReward] → [TranscoderDeactivated, TranscoderActivated] → Reward.
     */
    function rewardWithHint(address _newPosPrev, address _newPosNext) public whenSystemNotPaused currentRoundInitialized {
        require(isActiveTranscoder(msg.sender), "caller must be an active transcoder");
        rewardFor(msg.sender, _newPosPrev, _newPosNext);
    }

    /// @notice LIP-118: lets `_rewardCaller` call reward for the caller (zero unsets).
    function setRewardCaller(address _rewardCaller) external whenSystemNotPaused {
        transcoderToRewardCaller[msg.sender] = _rewardCaller;
        emit RewardCallerSet(msg.sender, _rewardCaller);
    }

    function rewardForTranscoder(address _transcoder) external {
        rewardForTranscoderWithHint(_transcoder, address(0), address(0));
    }

    /// @notice LIP-118: reward for `_transcoder`, called by its reward caller. Same path as `reward()`.
    function rewardForTranscoderWithHint(
        address _transcoder,
        address _newPosPrev,
        address _newPosNext
    ) public whenSystemNotPaused currentRoundInitialized {
        require(transcoderToRewardCaller[_transcoder] == msg.sender, "caller must be the transcoder's reward caller");
        require(isActiveTranscoder(_transcoder), "transcoder must be active");
        rewardFor(_transcoder, _newPosPrev, _newPosNext);
    }

    /**
     * @notice Credits `_fees` (ETH already in the Minter) to `_transcoder`'s earnings pool for the
     * CURRENT round (LIP-36; `_round` is ignored). Only the TicketBroker.
     */
    function updateTranscoderWithFees(
        address _transcoder,
        uint256 _fees,
        uint256 _round
    ) external whenSystemNotPaused onlyTicketBroker {
        _round;
        require(isRegisteredTranscoder(_transcoder), "transcoder must be registered");

        uint256 round = currentRound();
        Transcoder storage t = transcoders[_transcoder];
        EarningsPool.Data storage pool = t.earningsPoolPerRound[round];
        EarningsPool.Data memory prev = latestCumulativeFactorsPool(t, round - 1);
        uint256 lastRewardRound = t.lastRewardRound;
        uint256 activeCumulativeRewards = t.activeCumulativeRewards;

        if (round > lastRewardRound) {
            // No reward yet this round: the pool's commission and stake are not set, and
            // cumulativeRewards is what reward() would make active.
            pool.setCommission(t.rewardCut, t.feeShare);
            uint256 lastUpdateRound = t.lastActiveStakeUpdateRound;
            if (lastUpdateRound < round) {
                pool.setStake(t.earningsPoolPerRound[lastUpdateRound].totalStake);
            }
            activeCumulativeRewards = t.cumulativeRewards;
        }

        uint256 totalStake = pool.totalStake;
        if (prev.cumulativeRewardFactor == 0 && lastRewardRound == round) {
            prev.cumulativeRewardFactor = estimatePrevRewardFactor(pool, totalStake);
        }

        uint256 delegatorsFees = MathUtils.percOf(_fees, pool.transcoderFeeShare);
        uint256 transcoderCommissionFees = _fees - delegatorsFees;
        uint256 transcoderRewardStakeFees = PreciseMathUtils.percOf(delegatorsFees, activeCumulativeRewards, totalStake);
        t.cumulativeFees += transcoderRewardStakeFees + transcoderCommissionFees;

        pool.updateCumulativeFeeFactor(prev, delegatorsFees);
        t.lastFeeRound = round;
    }

    /**
     * @notice Slashes `_slashAmount` (1e6) of the transcoder's bond, resigning it from the pool; the
     * finder gets `_finderFee` (1e6) of the penalty in LPT and the rest is burned. Only the Verifier
     * registered in the Controller (none on Arbitrum: slashing is off).
     */
    function slashTranscoder(
        address _transcoder,
        address _finder,
        uint256 _slashAmount,
        uint256 _finderFee
    ) external whenSystemNotPaused onlyVerifier {
        autoClaimEarnings(_transcoder);
        Delegator storage del = delegators[_transcoder];

        if (del.bondedAmount == 0) {
            emit TranscoderSlashed(_transcoder, _finder, 0, 0);
            return;
        }

        uint256 penalty = MathUtils.percOf(del.bondedAmount, _slashAmount);
        if (transcoderPool.contains(_transcoder)) {
            resignTranscoder(_transcoder);
        }
        del.bondedAmount -= penalty;
        if (delegatorStatus(_transcoder) == DelegatorStatus.Bonded) {
            delegators[del.delegateAddress].delegatedAmount -= penalty;
        }

        IMinter mtr = minter();
        if (_finder != address(0)) {
            uint256 finderAmount = MathUtils.percOf(penalty, _finderFee);
            mtr.trustedTransferTokens(_finder, finderAmount);
            mtr.trustedBurnTokens(penalty - finderAmount);
            emit TranscoderSlashed(_transcoder, _finder, penalty, finderAmount);
        } else {
            mtr.trustedBurnTokens(penalty);
            emit TranscoderSlashed(_transcoder, address(0), penalty, 0);
        }
    }

    /**
     * @notice Called by the RoundsManager in `initializeRound`: locks in the round's active stake and
     * applies a pending treasury cut rate (emits ParameterUpdate("treasuryRewardCutRate") if it changed).
     */
    function setCurrentRoundTotalActiveStake() external onlyRoundsManager {
        currentRoundTotalActiveStake = nextRoundTotalActiveStake;
        if (nextRoundTreasuryRewardCutRate != treasuryRewardCutRate) {
            treasuryRewardCutRate = nextRoundTreasuryRewardCutRate;
            emit ParameterUpdate("treasuryRewardCutRate");
        }
    }

    // ============================================================================= views

    /// @notice Stake including unclaimed rewards, as of the current round (`_endRound` is ignored).
    function pendingStake(address _delegator, uint256 _endRound) external view returns (uint256) {
        _endRound;
        (uint256 stake, ) = pendingStakeAndFees(_delegator, currentRound());
        return stake;
    }

    /// @notice Fees including unclaimed fees, as of the current round (`_endRound` is ignored).
    function pendingFees(address _delegator, uint256 _endRound) external view returns (uint256) {
        _endRound;
        (, uint256 fees) = pendingStakeAndFees(_delegator, currentRound());
        return fees;
    }

    function transcoderTotalStake(address _transcoder) public view returns (uint256) {
        return delegators[_transcoder].delegatedAmount;
    }

    function transcoderStatus(address _transcoder) external view returns (TranscoderStatus) {
        return isRegisteredTranscoder(_transcoder) ? TranscoderStatus.Registered : TranscoderStatus.NotRegistered;
    }

    function delegatorStatus(address _delegator) public view returns (DelegatorStatus) {
        Delegator storage del = delegators[_delegator];
        if (del.bondedAmount == 0) return DelegatorStatus.Unbonded;
        if (del.startRound > currentRound()) return DelegatorStatus.Pending;
        return DelegatorStatus.Bonded;
    }

    function getTranscoder(
        address _transcoder
    )
        external
        view
        returns (
            uint256 lastRewardRound,
            uint256 rewardCut,
            uint256 feeShare,
            uint256 lastActiveStakeUpdateRound,
            uint256 activationRound,
            uint256 deactivationRound,
            uint256 activeCumulativeRewards,
            uint256 cumulativeRewards,
            uint256 cumulativeFees,
            uint256 lastFeeRound
        )
    {
        Transcoder storage t = transcoders[_transcoder];
        return (
            t.lastRewardRound,
            t.rewardCut,
            t.feeShare,
            t.lastActiveStakeUpdateRound,
            t.activationRound,
            t.deactivationRound,
            t.activeCumulativeRewards,
            t.cumulativeRewards,
            t.cumulativeFees,
            t.lastFeeRound
        );
    }

    function getTranscoderEarningsPoolForRound(
        address _transcoder,
        uint256 _round
    )
        external
        view
        returns (
            uint256 totalStake,
            uint256 transcoderRewardCut,
            uint256 transcoderFeeShare,
            uint256 cumulativeRewardFactor,
            uint256 cumulativeFeeFactor
        )
    {
        EarningsPool.Data storage pool = transcoders[_transcoder].earningsPoolPerRound[_round];
        return (
            pool.totalStake,
            pool.transcoderRewardCut,
            pool.transcoderFeeShare,
            pool.cumulativeRewardFactor,
            pool.cumulativeFeeFactor
        );
    }

    function getDelegator(
        address _delegator
    )
        external
        view
        returns (
            uint256 bondedAmount,
            uint256 fees,
            address delegateAddress,
            uint256 delegatedAmount,
            uint256 startRound,
            uint256 lastClaimRound,
            uint256 nextUnbondingLockId
        )
    {
        Delegator storage del = delegators[_delegator];
        return (
            del.bondedAmount,
            del.fees,
            del.delegateAddress,
            del.delegatedAmount,
            del.startRound,
            del.lastClaimRound,
            del.nextUnbondingLockId
        );
    }

    function getDelegatorUnbondingLock(
        address _delegator,
        uint256 _unbondingLockId
    ) external view returns (uint256 amount, uint256 withdrawRound) {
        UnbondingLock storage lock = delegators[_delegator].unbondingLocks[_unbondingLockId];
        return (lock.amount, lock.withdrawRound);
    }

    function getTranscoderPoolMaxSize() external view returns (uint256) {
        return transcoderPool.getMaxSize();
    }

    function getTranscoderPoolSize() external view returns (uint256) {
        return transcoderPool.getSize();
    }

    function getFirstTranscoderInPool() external view returns (address) {
        return transcoderPool.getFirst();
    }

    function getNextTranscoderInPool(address _transcoder) external view returns (address) {
        return transcoderPool.getNext(_transcoder);
    }

    /// @notice The current round's total active stake.
    function getTotalBonded() external view returns (uint256) {
        return currentRoundTotalActiveStake;
    }

    /// @notice True if `activationRound ≤ currentRound < deactivationRound`.
    function isActiveTranscoder(address _transcoder) public view returns (bool) {
        Transcoder storage t = transcoders[_transcoder];
        uint256 round = currentRound();
        return t.activationRound <= round && round < t.deactivationRound;
    }

    /// @notice True if self-delegated with a non-zero bond.
    function isRegisteredTranscoder(address _transcoder) public view returns (bool) {
        Delegator storage d = delegators[_transcoder];
        return d.delegateAddress == _transcoder && d.bondedAmount > 0;
    }

    function isValidUnbondingLock(address _delegator, uint256 _unbondingLockId) public view returns (bool) {
        return delegators[_delegator].unbondingLocks[_unbondingLockId].withdrawRound > 0;
    }

    // ======================================================================== internals

    function setUnbondingPeriodInternal(uint64 _unbondingPeriod) private {
        unbondingPeriod = _unbondingPeriod;
        emit ParameterUpdate("unbondingPeriod");
    }

    function setNumActiveTranscodersInternal(uint256 _numActiveTranscoders) private {
        transcoderPool.setMaxSize(_numActiveTranscoders);
        emit ParameterUpdate("numActiveTranscoders");
    }

    function setTreasuryRewardCutRateInternal(uint256 _cutRate) private {
        require(PreciseMathUtils.validPerc(_cutRate), "_cutRate is invalid precise percentage");
        nextRoundTreasuryRewardCutRate = _cutRate;
        emit ParameterUpdate("nextRoundTreasuryRewardCutRate");
    }

    function setTreasuryBalanceCeilingInternal(uint256 _ceiling) private {
        treasuryBalanceCeiling = _ceiling;
        emit ParameterUpdate("treasuryBalanceCeiling");
    }

    /// @dev A third party may trigger the owner's claim only when it cannot skip a pending reward.
    function authorizeClaimEarnings(address _owner) private view {
        if (msg.sender == _owner || msg.sender == contractAt(L2_MIGRATOR_ID)) return;
        Delegator storage del = delegators[_owner];
        address delegate = del.delegateAddress;
        uint256 round = currentRound();
        require(
            delegatorStatus(_owner) == DelegatorStatus.Unbonded ||
                !isActiveTranscoder(delegate) ||
                transcoders[delegate].lastRewardRound == round ||
                del.lastClaimRound == round,
            "ILLEGAL_CLAIM_EARNINGS"
        );
    }

    /// @dev Third-party `bondForWithHint`: no zero owner, no self-delegation, no redirect.
    function requireThirdPartyBondAllowed(address _owner, address _to, address _currentDelegate) private view {
        if (msg.sender == _owner || msg.sender == contractAt(L2_MIGRATOR_ID)) return;
        require(_owner != address(0), "INVALID_DELEGATOR");
        if (delegatorStatus(_owner) == DelegatorStatus.Unbonded) {
            require(_to != _owner, "INVALID_DELEGATE");
        } else {
            require(_currentDelegate == _to, "INVALID_DELEGATE_CHANGE");
        }
    }

    /// @dev Claims up to the current round if not yet done this round (emits EarningsClaimed).
    function autoClaimEarnings(address _delegator) private {
        uint256 round = currentRound();
        uint256 lastClaimRound = delegators[_delegator].lastClaimRound;
        if (lastClaimRound < round) {
            updateDelegatorWithEarnings(_delegator, round, lastClaimRound);
        }
    }

    /// @dev Spec §10.3: folds pending rewards and fees into the delegator, always emitting EarningsClaimed.
    function updateDelegatorWithEarnings(address _delegator, uint256 _endRound, uint256 _lastClaimRound) private {
        Delegator storage del = delegators[_delegator];
        uint256 newBonded = del.bondedAmount;
        uint256 newFees = del.fees;
        address delegate = del.delegateAddress;

        if (delegate != address(0)) {
            (newBonded, newFees) = pendingStakeAndFees(_delegator, _endRound);
            ensureInitializedCumulativeFactorsPool(delegate, _endRound);
            if (delegate == _delegator) {
                // Folded into the bond and fees above; activeCumulativeRewards is reset by the next reward.
                Transcoder storage t = transcoders[delegate];
                t.cumulativeRewards = 0;
                t.cumulativeFees = 0;
            }
        }

        emit EarningsClaimed(delegate, _delegator, newBonded - del.bondedAmount, newFees - del.fees, _lastClaimRound + 1, _endRound);

        del.lastClaimRound = _endRound;
        del.bondedAmount = newBonded;
        del.fees = newFees;
    }

    /// @dev Copies the latest earlier factors into the pool of `_round` if it has none, so a claim or a
    /// new bond in `_round` has a correct starting point.
    function ensureInitializedCumulativeFactorsPool(address _transcoder, uint256 _round) private {
        Transcoder storage t = transcoders[_transcoder];
        EarningsPool.Data storage pool = t.earningsPoolPerRound[_round];
        if (pool.cumulativeRewardFactor == 0) {
            uint256 lastRewardRound = t.lastRewardRound;
            if (lastRewardRound < _round) {
                pool.cumulativeRewardFactor = t.earningsPoolPerRound[lastRewardRound].cumulativeRewardFactor;
            }
        }
        if (pool.cumulativeFeeFactor == 0) {
            uint256 lastFeeRound = t.lastFeeRound;
            if (lastFeeRound < _round) {
                pool.cumulativeFeeFactor = t.earningsPoolPerRound[lastFeeRound].cumulativeFeeFactor;
            }
        }
    }

    /// @dev Spec §10.2. The transcoder's own accumulators are added for a self-delegated account.
    function pendingStakeAndFees(
        address _delegator,
        uint256 _endRound
    ) private view returns (uint256 stake, uint256 fees) {
        Delegator storage del = delegators[_delegator];
        address delegate = del.delegateAddress;
        Transcoder storage t = transcoders[delegate];
        stake = del.bondedAmount;
        fees = del.fees;

        uint256 lastClaimRound = del.lastClaimRound;
        if (lastClaimRound < _endRound) {
            EarningsPool.Data memory startPool = cumulativeFactorsPool(t, lastClaimRound);
            EarningsPool.Data memory endPool = latestCumulativeFactorsPool(t, _endRound);
            uint256 startCRF = EarningsPool.rewardFactorOrOne(startPool);
            uint256 endCRF = EarningsPool.rewardFactorOrOne(endPool);
            fees += PreciseMathUtils.percOf(stake, endPool.cumulativeFeeFactor - startPool.cumulativeFeeFactor, startCRF);
            stake = PreciseMathUtils.percOf(stake, endCRF, startCRF);
        }

        if (_delegator == delegate) {
            stake += t.cumulativeRewards;
            fees += t.cumulativeFees;
        }
    }

    /// @dev The factors stored for `_round`, no fallback.
    function cumulativeFactorsPool(
        Transcoder storage _t,
        uint256 _round
    ) private view returns (EarningsPool.Data memory pool) {
        pool.cumulativeRewardFactor = _t.earningsPoolPerRound[_round].cumulativeRewardFactor;
        pool.cumulativeFeeFactor = _t.earningsPoolPerRound[_round].cumulativeFeeFactor;
    }

    /// @dev The factors for `_round`, falling back to the last reward / fee round when unset there.
    function latestCumulativeFactorsPool(
        Transcoder storage _t,
        uint256 _round
    ) private view returns (EarningsPool.Data memory pool) {
        pool = cumulativeFactorsPool(_t, _round);
        uint256 lastRewardRound = _t.lastRewardRound;
        if (pool.cumulativeRewardFactor == 0 && lastRewardRound < _round) {
            pool.cumulativeRewardFactor = _t.earningsPoolPerRound[lastRewardRound].cumulativeRewardFactor;
        }
        uint256 lastFeeRound = _t.lastFeeRound;
        if (pool.cumulativeFeeFactor == 0 && lastFeeRound < _round) {
            pool.cumulativeFeeFactor = _t.earningsPoolPerRound[lastFeeRound].cumulativeFeeFactor;
        }
    }

    /**
     * @dev Spec §9 edge case: the transcoder rewarded in this round but has no CRF for the previous
     * round, so the previous CRF is recomputed from this round's: CRF[r] × S / (delegatorsRewards + S),
     * with the rewards re-derived from the Minter's mintable tokens, net of the treasury cut.
     */
    function estimatePrevRewardFactor(
        EarningsPool.Data storage _pool,
        uint256 _totalStake
    ) private view returns (uint256) {
        uint256 rewards = PreciseMathUtils.percOf(
            minter().currentMintableTokens(),
            _totalStake,
            currentRoundTotalActiveStake
        );
        rewards -= PreciseMathUtils.percOf(rewards, treasuryRewardCutRate);
        uint256 delegatorsRewards = rewards - MathUtils.percOf(rewards, _pool.transcoderRewardCut);
        return PreciseMathUtils.percOf(_pool.cumulativeRewardFactor, _totalStake, delegatorsRewards + _totalStake);
    }

    /// @dev Shared body of reward() and the LIP-118 reward-caller path (spec §8).
    function rewardFor(address _transcoder, address _newPosPrev, address _newPosNext) private {
        uint256 round = currentRound();
        Transcoder storage t = transcoders[_transcoder];
        require(t.lastRewardRound != round, "caller has already called reward for the current round");

        EarningsPool.Data storage pool = t.earningsPoolPerRound[round];
        pool.setCommission(t.rewardCut, t.feeShare);
        uint256 lastUpdateRound = t.lastActiveStakeUpdateRound;
        if (lastUpdateRound < round) {
            pool.setStake(t.earningsPoolPerRound[lastUpdateRound].totalStake);
        }

        if (treasuryBalanceCeiling > 0 && nextRoundTreasuryRewardCutRate > 0) {
            if (livepeerToken().balanceOf(treasury()) >= treasuryBalanceCeiling) {
                // The treasury is full: stop contributions from the next round on.
                setTreasuryRewardCutRateInternal(0);
            }
        }

        IMinter mtr = minter();
        uint256 totalRewardTokens = mtr.createReward(pool.totalStake, currentRoundTotalActiveStake);
        uint256 treasuryRewards = PreciseMathUtils.percOf(totalRewardTokens, treasuryRewardCutRate);
        if (treasuryRewards > 0) {
            address trsry = treasury();
            mtr.trustedTransferTokens(trsry, treasuryRewards);
            emit TreasuryReward(_transcoder, trsry, treasuryRewards);
        }

        uint256 transcoderRewards = totalRewardTokens - treasuryRewards;
        updateTranscoderWithRewards(_transcoder, transcoderRewards, round, _newPosPrev, _newPosNext);
        t.lastRewardRound = round;

        emit Reward(_transcoder, transcoderRewards);
    }

    /// @dev Splits net rewards into commission and delegator rewards, grows CRF and the stake.
    function updateTranscoderWithRewards(
        address _transcoder,
        uint256 _rewards,
        uint256 _round,
        address _newPosPrev,
        address _newPosNext
    ) private {
        Transcoder storage t = transcoders[_transcoder];
        EarningsPool.Data storage pool = t.earningsPoolPerRound[_round];
        EarningsPool.Data memory prev = cumulativeFactorsPool(t, t.lastRewardRound);

        t.activeCumulativeRewards = t.cumulativeRewards;

        uint256 commission = MathUtils.percOf(_rewards, pool.transcoderRewardCut);
        uint256 delegatorsRewards = _rewards - commission;
        uint256 rewardStakeRewards = PreciseMathUtils.percOf(delegatorsRewards, t.activeCumulativeRewards, pool.totalStake);
        t.cumulativeRewards += rewardStakeRewards + commission;

        pool.updateCumulativeRewardFactor(prev, delegatorsRewards);
        increaseTotalStake(_transcoder, _rewards, _newPosPrev, _newPosNext);
    }

    /// @dev Rebonds an unbonding lock to the delegator's current delegate.
    function processRebond(address _delegator, uint256 _unbondingLockId, address _newPosPrev, address _newPosNext) private {
        require(isValidUnbondingLock(_delegator, _unbondingLockId), "invalid unbonding lock ID");
        Delegator storage del = delegators[_delegator];
        uint256 amount = del.unbondingLocks[_unbondingLockId].amount;

        del.bondedAmount += amount;
        delete del.unbondingLocks[_unbondingLockId];

        address delegate = del.delegateAddress;
        increaseTotalStake(delegate, amount, _newPosPrev, _newPosNext);

        emit Rebond(delegate, _delegator, _unbondingLockId, amount);
    }

    /// @dev Adds stake to a delegate; a registered transcoder outside the pool tries to join it.
    function increaseTotalStake(address _delegate, uint256 _amount, address _newPosPrev, address _newPosNext) private {
        uint256 currStake = transcoderTotalStake(_delegate);
        uint256 newStake = currStake + _amount;

        if (transcoderPool.contains(_delegate)) {
            transcoderPool.updateKey(_delegate, newStake, _newPosPrev, _newPosNext);
            nextRoundTotalActiveStake += _amount;
            recordActiveStake(_delegate, currStake, newStake);
        } else if (isRegisteredTranscoder(_delegate)) {
            tryToJoinActiveSet(_delegate, newStake, currentRound() + 1, _newPosPrev, _newPosNext);
        }

        delegators[_delegate].delegatedAmount = newStake;
    }

    /// @dev Removes stake from a delegate, updating its pool position if it is in the pool.
    function decreaseTotalStake(address _delegate, uint256 _amount, address _newPosPrev, address _newPosNext) private {
        uint256 currStake = transcoderTotalStake(_delegate);
        uint256 newStake = currStake - _amount;

        if (transcoderPool.contains(_delegate)) {
            transcoderPool.updateKey(_delegate, newStake, _newPosPrev, _newPosNext);
            nextRoundTotalActiveStake -= _amount;
            recordActiveStake(_delegate, currStake, newStake);
        }

        delegators[_delegate].delegatedAmount = newStake;
    }

    /// @dev A pool member's stake changed: pin the current round's stake if not yet recorded, set next round's.
    function recordActiveStake(address _transcoder, uint256 _currStake, uint256 _newStake) private {
        Transcoder storage t = transcoders[_transcoder];
        uint256 round = currentRound();
        if (t.lastActiveStakeUpdateRound < round) {
            t.earningsPoolPerRound[round].setStake(_currStake);
        }
        t.earningsPoolPerRound[round + 1].setStake(_newStake);
        t.lastActiveStakeUpdateRound = round + 1;
    }

    /**
     * @dev Joins the pool for `_activationRound` if there is room or `_totalStake` strictly exceeds the
     * smallest member's stake, which is then evicted. Emits TranscoderDeactivated(evicted) before
     * TranscoderActivated(new), both effective `_activationRound`.
     */
    function tryToJoinActiveSet(
        address _transcoder,
        uint256 _totalStake,
        uint256 _activationRound,
        address _newPosPrev,
        address _newPosNext
    ) private {
        uint256 pendingNextRoundTotalActiveStake = nextRoundTotalActiveStake;

        if (transcoderPool.isFull()) {
            address lastTranscoder = transcoderPool.getLast();
            uint256 lastStake = transcoderTotalStake(lastTranscoder);
            if (_totalStake <= lastStake) {
                return;
            }
            transcoderPool.remove(lastTranscoder);
            transcoders[lastTranscoder].deactivationRound = _activationRound;
            pendingNextRoundTotalActiveStake -= lastStake;
            emit TranscoderDeactivated(lastTranscoder, _activationRound);
        }

        transcoderPool.insert(_transcoder, _totalStake, _newPosPrev, _newPosNext);
        pendingNextRoundTotalActiveStake += _totalStake;
        Transcoder storage t = transcoders[_transcoder];
        t.lastActiveStakeUpdateRound = _activationRound;
        t.activationRound = _activationRound;
        t.deactivationRound = MAX_FUTURE_ROUND;
        t.earningsPoolPerRound[_activationRound].setStake(_totalStake);
        nextRoundTotalActiveStake = pendingNextRoundTotalActiveStake;

        emit TranscoderActivated(_transcoder, _activationRound);
    }

    /// @dev Leaves the pool; inactive from the next round.
    function resignTranscoder(address _transcoder) private {
        transcoderPool.remove(_transcoder);
        nextRoundTotalActiveStake -= transcoderTotalStake(_transcoder);
        uint256 deactivationRound = currentRound() + 1;
        transcoders[_transcoder].deactivationRound = deactivationRound;
        emit TranscoderDeactivated(_transcoder, deactivationRound);
    }

    function currentRound() private view returns (uint256) {
        return roundsManager().currentRound();
    }

    function roundsManager() private view returns (IRoundsManager) {
        return IRoundsManager(contractAt(ROUNDS_MANAGER_ID));
    }

    function minter() private view returns (IMinter) {
        return IMinter(contractAt(MINTER_ID));
    }

    function livepeerToken() private view returns (ILivepeerToken) {
        return ILivepeerToken(contractAt(LIVEPEER_TOKEN_ID));
    }

    function treasury() private view returns (address) {
        return contractAt(TREASURY_ID);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PreciseMathUtils} from "./PreciseMathUtils.sol";

/**
 * @title EarningsPool
 * @notice A transcoder's per-round earnings pool with the LIP-36 cumulative factors (spec §8–§10).
 * `cumulativeRewardFactor` (CRF) grows multiplicatively with rewards, `cumulativeFeeFactor` (CFF)
 * additively with fees weighted by the previous CRF. Both are 27-decimal fixed point; a stored 0
 * means "not initialised" and a CRF of 0 reads as 1.0 (1e27).
 */
library EarningsPool {
    struct Data {
        uint256 totalStake; // the transcoder's active stake locked for the round
        uint256 transcoderRewardCut; // rewardCut (1e6) in force when the pool was used
        uint256 transcoderFeeShare; // feeShare (1e6) in force when the pool was used
        uint256 cumulativeRewardFactor;
        uint256 cumulativeFeeFactor;
    }

    function setCommission(Data storage _pool, uint256 _rewardCut, uint256 _feeShare) internal {
        _pool.transcoderRewardCut = _rewardCut;
        _pool.transcoderFeeShare = _feeShare;
    }

    function setStake(Data storage _pool, uint256 _stake) internal {
        _pool.totalStake = _stake;
    }

    /// @notice CRF, reading an unset (0) factor as 1.0.
    function rewardFactorOrOne(Data memory _pool) internal pure returns (uint256) {
        return _pool.cumulativeRewardFactor == 0 ? PreciseMathUtils.PERC_DIVISOR : _pool.cumulativeRewardFactor;
    }

    /// @notice CRF[r] = prevCRF + prevCRF × (rewards × 1e27 / totalStake) / 1e27.
    function updateCumulativeRewardFactor(Data storage _pool, Data memory _prev, uint256 _rewards) internal {
        uint256 prevCRF = rewardFactorOrOne(_prev);
        _pool.cumulativeRewardFactor = prevCRF + PreciseMathUtils.percOf(prevCRF, _rewards, _pool.totalStake);
    }

    /// @notice CFF[r] = (CFF[r] or, if unset, prev CFF) + prevCRF × (fees × 1e27 / totalStake) / 1e27.
    function updateCumulativeFeeFactor(Data storage _pool, Data memory _prev, uint256 _fees) internal {
        uint256 prevCRF = rewardFactorOrOne(_prev);
        uint256 base = _pool.cumulativeFeeFactor == 0 ? _prev.cumulativeFeeFactor : _pool.cumulativeFeeFactor;
        _pool.cumulativeFeeFactor = base + PreciseMathUtils.percOf(prevCRF, _fees, _pool.totalStake);
    }
}

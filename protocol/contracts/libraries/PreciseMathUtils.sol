// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title PreciseMathUtils
 * @notice Percentages with 27 decimals (PERC_DIVISOR = 1e27): cumulative reward and fee factors
 * ("1.0" = 1e27) and treasuryRewardCutRate (10% = 1e26). See spec §6.
 * @dev `percOf(a, num, den)` truncates twice (first in `percPoints`, then in the final division);
 * the order is part of the protocol's bit-exact results.
 */
library PreciseMathUtils {
    uint256 internal constant PERC_DIVISOR = 10 ** 27;

    /// @notice True if `_amount` is a valid percentage (at most 100%).
    function validPerc(uint256 _amount) internal pure returns (bool) {
        return _amount <= PERC_DIVISOR;
    }

    /// @notice `_amount * (_fracNum / _fracDenom)` through percentage points: two truncations.
    function percOf(uint256 _amount, uint256 _fracNum, uint256 _fracDenom) internal pure returns (uint256) {
        return (_amount * percPoints(_fracNum, _fracDenom)) / PERC_DIVISOR;
    }

    /// @notice `_amount * _fracNum / PERC_DIVISOR`.
    function percOf(uint256 _amount, uint256 _fracNum) internal pure returns (uint256) {
        return (_amount * _fracNum) / PERC_DIVISOR;
    }

    /// @notice `_fracNum / _fracDenom` expressed in percentage points.
    function percPoints(uint256 _fracNum, uint256 _fracDenom) internal pure returns (uint256) {
        return (_fracNum * PERC_DIVISOR) / _fracDenom;
    }
}

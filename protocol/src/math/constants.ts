/**
 * `MathUtils.PERC_DIVISOR` (1e6): `rewardCut`, `feeShare`, `roundLockAmount`, governor quorum/quota.
 *
 * @see shared/spec/protocol.md §6
 */
export const percDivisor = 1_000_000n

/**
 * `MathUtilsV2.PERC_DIVISOR` (1e9, LIP-40): only the Minter (`inflation`, `inflationChange`,
 * `targetBondingRate`, the `createReward` fraction).
 *
 * @see shared/spec/protocol.md §6
 */
export const percDivisorV2 = 1_000_000_000n

/**
 * `PreciseMathUtils.PERC_DIVISOR` (1e27): cumulative reward/fee factors (1e27 = "1.0") and
 * `treasuryRewardCutRate` (10 % = 1e26).
 *
 * @see shared/spec/protocol.md §6
 */
export const precisePercDivisor = 10n ** 27n

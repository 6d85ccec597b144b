import { precisePercDivisor } from '../math/constants.ts'
import { precisePercOf } from '../math/precisePercOf.ts'

/** Parameters for {@link nextCumulativeRewardFactor}. */
export type NextCumulativeRewardFactorParameters = {
  /** CRF of `earningsPool[T][T.lastRewardRound]` (raw; 0 is read as 1e27). */
  previousCumulativeRewardFactor: bigint
  /** The delegators' share of the reward (`splitReward().delegatorsRewards`). */
  delegatorsRewards: bigint
  /** `earningsPool[T][r].totalStake` (must not be 0). */
  totalStake: bigint
}

/** Return type of {@link nextCumulativeRewardFactor}. */
export type NextCumulativeRewardFactorReturnType = bigint

/**
 * `EarningsPoolLIP36.updateCumulativeRewardFactor`: `CRF[r] = prev + prev × (delegR × 1e27 / S) / 1e27`,
 * i.e. `CRF_prev × (1 + delegR / S)`.
 *
 * @see shared/spec/protocol.md §8, §10.1
 *
 * @example
 * nextCumulativeRewardFactor({ previousCumulativeRewardFactor: 0n, delegatorsRewards: 810n, totalStake: 4000n })
 * // 1202500000000000000000000000n (1.2025)
 */
export function nextCumulativeRewardFactor({
  previousCumulativeRewardFactor,
  delegatorsRewards,
  totalStake,
}: NextCumulativeRewardFactorParameters): NextCumulativeRewardFactorReturnType {
  const previous = previousCumulativeRewardFactor === 0n ? precisePercDivisor : previousCumulativeRewardFactor
  return previous + precisePercOf(previous, delegatorsRewards, totalStake)
}

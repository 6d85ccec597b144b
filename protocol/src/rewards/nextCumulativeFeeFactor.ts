import { precisePercDivisor } from '../math/constants.ts'
import { precisePercOf } from '../math/precisePercOf.ts'

/** Parameters for {@link nextCumulativeFeeFactor}. */
export type NextCumulativeFeeFactorParameters = {
  /** CFF already stored at `earningsPool[T][r]` (0 if none yet). */
  cumulativeFeeFactor: bigint
  /** CFF of the latest factors pool before r (`latestCumulativeFactors(r − 1)`). */
  previousCumulativeFeeFactor: bigint
  /** CRF of that pool (0 is read as 1e27), after §9's missed-reward estimate if it applied. */
  previousCumulativeRewardFactor: bigint
  /** The delegators' share of the fees (`splitFees().delegatorsFees`). */
  delegatorsFees: bigint
  /** `earningsPool[T][r].totalStake` (must not be 0). */
  totalStake: bigint
}

/** Return type of {@link nextCumulativeFeeFactor}. */
export type NextCumulativeFeeFactorReturnType = bigint

/**
 * `EarningsPoolLIP36.updateCumulativeFeeFactor`: `CFF[r] = (CFF[r] ≠ 0 ? CFF[r] : prevCFF) +
 * prevCRF × (delegF × 1e27 / S) / 1e27`. Fees are weighted by the CRF of the previous round, so
 * stake earned as reward in round r does not earn round r's fees.
 *
 * @see shared/spec/protocol.md §9
 *
 * @example
 * nextCumulativeFeeFactor({ cumulativeFeeFactor: 0n, previousCumulativeFeeFactor: 0n, previousCumulativeRewardFactor: 0n, delegatorsFees: 500n, totalStake: 4000n })
 * // 125000000000000000000000000n (0.125 ETH per unit of stake)
 */
export function nextCumulativeFeeFactor({
  cumulativeFeeFactor,
  previousCumulativeFeeFactor,
  previousCumulativeRewardFactor,
  delegatorsFees,
  totalStake,
}: NextCumulativeFeeFactorParameters): NextCumulativeFeeFactorReturnType {
  const previousCrf = previousCumulativeRewardFactor === 0n ? precisePercDivisor : previousCumulativeRewardFactor
  const base = cumulativeFeeFactor === 0n ? previousCumulativeFeeFactor : cumulativeFeeFactor
  return base + precisePercOf(previousCrf, delegatorsFees, totalStake)
}

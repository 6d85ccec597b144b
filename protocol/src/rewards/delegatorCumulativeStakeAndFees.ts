import { precisePercDivisor } from '../math/constants.ts'
import { precisePercOf } from '../math/precisePercOf.ts'
import type { CumulativeFactors } from './types.ts'

/** Parameters for {@link delegatorCumulativeStakeAndFees}. */
export type DelegatorCumulativeStakeAndFeesParameters = {
  /** Raw factors at the delegator's lastClaimRound (no fallback). */
  startFactors: CumulativeFactors
  /** Latest factors at the end round (with the lastRewardRound / lastFeeRound fallbacks). */
  endFactors: CumulativeFactors
  /** Bonded amount as of lastClaimRound. */
  stake: bigint
  /** Fees as of lastClaimRound. */
  fees: bigint
}

/** Return type of {@link delegatorCumulativeStakeAndFees}. */
export type DelegatorCumulativeStakeAndFeesReturnType = { stake: bigint; fees: bigint }

/**
 * `EarningsPoolLIP36.delegatorCumulativeStakeAndFees`: a zero CRF reads as 1e27, then
 * `stake × (endCRF × 1e27 / startCRF) / 1e27` and `fees + stake × ((endCFF − startCFF) × 1e27 / startCRF) / 1e27`.
 *
 * @see shared/spec/protocol.md §10.2
 *
 * @example
 * delegatorCumulativeStakeAndFees({
 *   startFactors: { cumulativeRewardFactor: 0n, cumulativeFeeFactor: 0n },
 *   endFactors: { cumulativeRewardFactor: 1_202_500_000_000_000_000_000_000_000n, cumulativeFeeFactor: 125_000_000_000_000_000_000_000_000n },
 *   stake: 3000n, fees: 0n,
 * }) // { stake: 3607n, fees: 375n }
 */
export function delegatorCumulativeStakeAndFees({
  startFactors,
  endFactors,
  stake,
  fees,
}: DelegatorCumulativeStakeAndFeesParameters): DelegatorCumulativeStakeAndFeesReturnType {
  const startCrf = startFactors.cumulativeRewardFactor === 0n ? precisePercDivisor : startFactors.cumulativeRewardFactor
  const endCrf = endFactors.cumulativeRewardFactor === 0n ? precisePercDivisor : endFactors.cumulativeRewardFactor
  return {
    stake: precisePercOf(stake, endCrf, startCrf),
    fees: fees + precisePercOf(stake, endFactors.cumulativeFeeFactor - startFactors.cumulativeFeeFactor, startCrf),
  }
}

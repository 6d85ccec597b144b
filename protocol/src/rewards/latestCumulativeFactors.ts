import type { CumulativeFactors, CumulativeFactorsAt } from './types.ts'

/** Parameters for {@link latestCumulativeFactors}. */
export type LatestCumulativeFactorsParameters = {
  round: bigint
  lastRewardRound: bigint
  lastFeeRound: bigint
  /** Stored factors of T's pools. */
  factorsAt: CumulativeFactorsAt
}

/** Return type of {@link latestCumulativeFactors}. */
export type LatestCumulativeFactorsReturnType = CumulativeFactors

/**
 * `BondingManager.latestCumulativeFactorsPool`: the factors stored at `round`, where a zero CRF falls
 * back to the pool at `lastRewardRound` and a zero CFF to the pool at `lastFeeRound` (only when those
 * rounds are before `round`). `ensureInitializedCumulativeFactorsPool` computes the same values and
 * stores them at `pool[T][round]` (on every claim, for the delegate, and every bond or
 * rebond-from-unbonded, for the new delegate), so a later claim can start from that round.
 *
 * @see shared/spec/protocol.md §9, §10.2
 *
 * @example
 * latestCumulativeFactors({ round: 12n, lastRewardRound: 11n, lastFeeRound: 11n, factorsAt })
 */
export function latestCumulativeFactors({
  round,
  lastRewardRound,
  lastFeeRound,
  factorsAt,
}: LatestCumulativeFactorsParameters): LatestCumulativeFactorsReturnType {
  let { cumulativeRewardFactor, cumulativeFeeFactor } = factorsAt(round)
  if (cumulativeRewardFactor === 0n && lastRewardRound < round)
    cumulativeRewardFactor = factorsAt(lastRewardRound).cumulativeRewardFactor
  if (cumulativeFeeFactor === 0n && lastFeeRound < round) cumulativeFeeFactor = factorsAt(lastFeeRound).cumulativeFeeFactor
  return { cumulativeRewardFactor, cumulativeFeeFactor }
}

import { percOf } from '../math/percOf.ts'
import { precisePercOf } from '../math/precisePercOf.ts'

/** Parameters for {@link estimatePreviousCumulativeRewardFactor}. */
export type EstimatePreviousCumulativeRewardFactorParameters = {
  /** `earningsPool[T][r].cumulativeRewardFactor`, already updated by T's reward in r. */
  cumulativeRewardFactor: bigint
  /** `earningsPool[T][r].totalStake`. */
  totalStake: bigint
  /**
   * The Minter amount the contract starts from: `currentMintableTokens` (Peerscope's contracts and
   * the current upstream BondingManager), or `currentMintableTokens + currentMintedTokens` in the
   * delta-era source.
   */
  mintableTokens: bigint
  /** `currentRoundTotalActiveStake`. */
  totalActiveStake: bigint
  /** `treasuryRewardCutRate` in force (1e27 scale). */
  treasuryRewardCutRate: bigint
  /** `earningsPool[T][r].transcoderRewardCut` (1e6 scale). */
  rewardCut: bigint
}

/** Return type of {@link estimatePreviousCumulativeRewardFactor}. */
export type EstimatePreviousCumulativeRewardFactorReturnType = bigint

/**
 * §9's edge case: fees arrive in round r after T called reward in r, but `CRF[r − 1]` is 0 (T did not
 * reward in r − 1). The contract re-derives the round's delegator reward from the Minter numbers and
 * backs it out of `CRF[r]`: `prevCRF = CRF[r] × (S × 1e27 / (delegR + S)) / 1e27`. An estimate, not an
 * exact inverse; reproduced bit for bit.
 *
 * @see shared/spec/protocol.md §9
 *
 * @example
 * estimatePreviousCumulativeRewardFactor({
 *   cumulativeRewardFactor: 1_202_500_000_000_000_000_000_000_000n, totalStake: 4000n,
 *   mintableTokens: 1000n, totalActiveStake: 4000n, treasuryRewardCutRate: 10n ** 26n, rewardCut: 100_000n,
 * }) // 999999999999999999999999999n (≈ 1.0)
 */
export function estimatePreviousCumulativeRewardFactor({
  cumulativeRewardFactor,
  totalStake,
  mintableTokens,
  totalActiveStake,
  treasuryRewardCutRate,
  rewardCut,
}: EstimatePreviousCumulativeRewardFactorParameters): EstimatePreviousCumulativeRewardFactorReturnType {
  const minted = precisePercOf(mintableTokens, totalStake, totalActiveStake)
  const rewards = minted - precisePercOf(minted, treasuryRewardCutRate)
  const delegatorsRewards = rewards - percOf(rewards, rewardCut)
  return precisePercOf(cumulativeRewardFactor, totalStake, delegatorsRewards + totalStake)
}

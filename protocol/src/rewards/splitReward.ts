import { percOf } from '../math/percOf.ts'
import { precisePercOf } from '../math/precisePercOf.ts'

/** Parameters for {@link splitReward}. */
export type SplitRewardParameters = {
  /** Everything minted for the call, as returned by `rewardTokens`. */
  rewardTokens: bigint
  /** `treasuryRewardCutRate` in force (1e27 scale; 1e26 = 10 %). */
  treasuryRewardCutRate: bigint
  /** The pool's rewardCut (1e6 scale): the share T keeps. */
  rewardCut: bigint
}

/** Return type of {@link splitReward}. */
export type SplitRewardReturnType = {
  /** Sent to the Treasury (`TreasuryReward.amount`; no event when 0). */
  treasury: bigint
  /** Net of the treasury cut: `Reward.amount`, added to T's stake. */
  transcoderRewards: bigint
  /** T's commission: `transcoderRewards × rewardCut / 1e6`. */
  transcoderCommission: bigint
  /** The rest, shared by all of T's stake through the cumulative reward factor. */
  delegatorsRewards: bigint
}

/**
 * Splits one `reward()` mint: treasury cut first (1e27 scale), then T's commission on the rest
 * (1e6 scale), then the delegators' share.
 *
 * @see shared/spec/protocol.md §8
 *
 * @example
 * splitReward({ rewardTokens: 1000n, treasuryRewardCutRate: 10n ** 26n, rewardCut: 100_000n })
 * // { treasury: 100n, transcoderRewards: 900n, transcoderCommission: 90n, delegatorsRewards: 810n }
 */
export function splitReward({
  rewardTokens,
  treasuryRewardCutRate,
  rewardCut,
}: SplitRewardParameters): SplitRewardReturnType {
  const treasury = precisePercOf(rewardTokens, treasuryRewardCutRate)
  const transcoderRewards = rewardTokens - treasury
  const transcoderCommission = percOf(transcoderRewards, rewardCut)
  return { treasury, transcoderRewards, transcoderCommission, delegatorsRewards: transcoderRewards - transcoderCommission }
}

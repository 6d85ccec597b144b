import { percOfV2 } from '../math/percOfV2.ts'

/** Parameters for {@link rewardTokens}. */
export type RewardTokensParameters = {
  /** `Minter.currentMintableTokens` for the round. */
  currentMintableTokens: bigint
  /** T's stake locked for the round (`earningsPool[T][r].totalStake`). */
  transcoderStake: bigint
  /** `currentRoundTotalActiveStake` (must not be 0). */
  totalActiveStake: bigint
}

/** Return type of {@link rewardTokens}. */
export type RewardTokensReturnType = bigint

/**
 * What `Minter.createReward(S, A)` mints for T's `reward()`, treasury cut included:
 * `currentMintableTokens × (S × 1e9 / A) / 1e9` (MathUtilsV2, truncating twice).
 *
 * @see shared/spec/protocol.md §8
 *
 * @example
 * rewardTokens({ currentMintableTokens: 1000n, transcoderStake: 1n, totalActiveStake: 3n }) // 333n
 */
export function rewardTokens({
  currentMintableTokens,
  transcoderStake,
  totalActiveStake,
}: RewardTokensParameters): RewardTokensReturnType {
  return percOfV2(currentMintableTokens, transcoderStake, totalActiveStake)
}

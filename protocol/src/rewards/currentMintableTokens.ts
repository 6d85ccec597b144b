import { percOfV2 } from '../math/percOfV2.ts'

/** Parameters for {@link currentMintableTokens}. */
export type CurrentMintableTokensParameters = {
  globalSupply: bigint
  /** The round's inflation (ppb), as returned by `nextInflation`. */
  inflation: bigint
}

/** Return type of {@link currentMintableTokens}. */
export type CurrentMintableTokensReturnType = bigint

/**
 * LPT mintable in the round: `globalSupply × inflation / 1e9` (per round, not divided by roundLength).
 * Emitted as `SetCurrentRewardTokens.currentMintableTokens`.
 *
 * @see shared/spec/protocol.md §7
 *
 * @example
 * currentMintableTokens({ globalSupply: 10n ** 24n, inflation: 560_500n }) // 5605n * 10n ** 17n
 */
export function currentMintableTokens({
  globalSupply,
  inflation,
}: CurrentMintableTokensParameters): CurrentMintableTokensReturnType {
  return percOfV2(globalSupply, inflation)
}

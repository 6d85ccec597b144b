import { percPointsV2 } from '../math/percPointsV2.ts'

/** Parameters for {@link nextInflation}. All percentages use the Minter's 1e9 scale. */
export type NextInflationParameters = {
  /** Inflation of the previous round, parts per billion per round. */
  inflation: bigint
  inflationChange: bigint
  targetBondingRate: bigint
  /** `BondingManager.getTotalBonded()`: the new round's total active stake. */
  totalBonded: bigint
  /** `LPT.totalSupply()` (+ L1 circulating supply on Arbitrum). */
  globalSupply: bigint
}

/** Return type of {@link nextInflation}. */
export type NextInflationReturnType = bigint

/**
 * The inflation `Minter.setCurrentRewardTokens()` sets at round initialisation: up by
 * `inflationChange` while the bonding rate is below target, down (floored at 0) while above.
 *
 * @see shared/spec/protocol.md §7
 *
 * @returns The new inflation (ppb per round).
 *
 * @example
 * nextInflation({ inflation: 560_500n, inflationChange: 500n, targetBondingRate: 500_000_000n, totalBonded: 40n, globalSupply: 100n })
 * // 561000n: bonding rate 40 % < 50 %
 */
export function nextInflation({
  inflation,
  inflationChange,
  targetBondingRate,
  totalBonded,
  globalSupply,
}: NextInflationParameters): NextInflationReturnType {
  const bondingRate = globalSupply === 0n ? 0n : percPointsV2(totalBonded, globalSupply)
  if (bondingRate < targetBondingRate) return inflation + inflationChange
  if (bondingRate > targetBondingRate) return inflationChange > inflation ? 0n : inflation - inflationChange
  return inflation
}

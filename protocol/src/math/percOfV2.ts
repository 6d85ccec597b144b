import { percDivisorV2 } from './constants.ts'
import { percPointsV2 } from './percPointsV2.ts'

/**
 * `MathUtilsV2.percOf` (1e9 divisor, the Minter's library). With two arguments,
 * `amount × perc / 1e9`. With three, the contract's double-truncating form
 * `amount × percPointsV2(fracNum, fracDenom) / 1e9`: keep this order for bit-identical results.
 *
 * @see shared/spec/protocol.md §6
 *
 * @example
 * percOfV2(1000n, 250_000_000n) // 250n (25 %)
 * percOfV2(10n ** 12n, 1n, 3n) // 333333333000n (1e12 × 333333333 / 1e9)
 */
export function percOfV2(amount: bigint, perc: bigint): bigint
export function percOfV2(amount: bigint, fracNum: bigint, fracDenom: bigint): bigint
export function percOfV2(amount: bigint, numOrPerc: bigint, fracDenom?: bigint): bigint {
  const perc = fracDenom === undefined ? numOrPerc : percPointsV2(numOrPerc, fracDenom)
  return (amount * perc) / percDivisorV2
}

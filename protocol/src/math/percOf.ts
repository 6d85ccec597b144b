import { percDivisor } from './constants.ts'
import { percPoints } from './percPoints.ts'

/**
 * `MathUtils.percOf` (1e6 divisor). With two arguments, `amount × perc / 1e6`. With three, the
 * contract's double-truncating form `amount × percPoints(fracNum, fracDenom) / 1e6`, which differs
 * from `amount × fracNum / fracDenom` by rounding: keep this order for bit-identical results.
 *
 * @see shared/spec/protocol.md §6
 *
 * @example
 * percOf(1000n, 250_000n) // 250n (25 %)
 * percOf(1000n, 1n, 3n) // 333n (1000 × 333333 / 1e6)
 */
export function percOf(amount: bigint, perc: bigint): bigint
export function percOf(amount: bigint, fracNum: bigint, fracDenom: bigint): bigint
export function percOf(amount: bigint, numOrPerc: bigint, fracDenom?: bigint): bigint {
  const perc = fracDenom === undefined ? numOrPerc : percPoints(numOrPerc, fracDenom)
  return (amount * perc) / percDivisor
}

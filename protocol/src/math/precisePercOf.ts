import { precisePercDivisor } from './constants.ts'
import { precisePercPoints } from './precisePercPoints.ts'

/**
 * `PreciseMathUtils.percOf` (1e27 divisor). With two arguments, `amount × perc / 1e27`. With
 * three, the contract's double-truncating form `amount × precisePercPoints(fracNum, fracDenom) / 1e27`,
 * used by every LIP-36 factor update: keep this order for bit-identical results.
 *
 * @see shared/spec/protocol.md §6
 *
 * @example
 * precisePercOf(1000n, 10n ** 26n) // 100n (10 %, the treasury cut)
 * precisePercOf(10n, 1n, 3n) // 3n
 */
export function precisePercOf(amount: bigint, perc: bigint): bigint
export function precisePercOf(amount: bigint, fracNum: bigint, fracDenom: bigint): bigint
export function precisePercOf(amount: bigint, numOrPerc: bigint, fracDenom?: bigint): bigint {
  const perc = fracDenom === undefined ? numOrPerc : precisePercPoints(numOrPerc, fracDenom)
  return (amount * perc) / precisePercDivisor
}

import { precisePercDivisor } from './constants.ts'

/**
 * `PreciseMathUtils.percPoints`: the fraction `num / den` in units of 1e-27, truncated. This is the
 * scale of cumulative reward/fee factors.
 *
 * @see shared/spec/protocol.md §6
 *
 * @param num - Numerator.
 * @param den - Denominator (must not be 0).
 * @returns `num × 1e27 / den`.
 *
 * @example
 * precisePercPoints(1n, 1n) // 10n ** 27n (the factor "1.0")
 */
export function precisePercPoints(num: bigint, den: bigint): bigint {
  return (num * precisePercDivisor) / den
}

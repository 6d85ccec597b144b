import { percDivisorV2 } from './constants.ts'

/**
 * `MathUtilsV2.percPoints` (the Minter's library): the fraction `num / den` in parts per billion
 * (1e9), truncated.
 *
 * @see shared/spec/protocol.md §6
 *
 * @param num - Numerator.
 * @param den - Denominator (must not be 0).
 * @returns `num × 1e9 / den`.
 *
 * @example
 * percPointsV2(1n, 3n) // 333333333n
 */
export function percPointsV2(num: bigint, den: bigint): bigint {
  return (num * percDivisorV2) / den
}

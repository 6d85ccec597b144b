import { percDivisor } from './constants.ts'

/**
 * `MathUtils.percPoints`: the fraction `num / den` in parts per million (1e6), truncated.
 *
 * @see shared/spec/protocol.md §6
 *
 * @param num - Numerator.
 * @param den - Denominator (must not be 0).
 * @returns `num × 1e6 / den`.
 *
 * @example
 * percPoints(1n, 3n) // 333333n
 */
export function percPoints(num: bigint, den: bigint): bigint {
  return (num * percDivisor) / den
}

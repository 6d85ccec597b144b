/**
 * `numerator / denominator` as an exact decimal string, truncated to `decimals` places, trailing
 * zeros dropped: a price per pixel from go-livepeer's pricePerUnit / pixelsPerUnit (sub-wei
 * prices are common).
 *
 * @example
 * formatWeiRatio(1n, 3n) // '0.333333333333333333'
 * formatWeiRatio(1200n, 1n) // '1200'
 */
export function formatWeiRatio(numerator: bigint, denominator: bigint, decimals = 18): string {
  if (denominator <= 0n) throw new RangeError('formatWeiRatio: denominator must be positive')
  if (numerator < 0n) throw new RangeError('formatWeiRatio: numerator must not be negative')
  const whole = numerator / denominator
  const scale = 10n ** BigInt(decimals)
  const fraction = ((numerator % denominator) * scale) / denominator
  if (fraction === 0n) return whole.toString()
  return `${whole}.${fraction.toString().padStart(decimals, '0').replace(/0+$/, '')}`
}

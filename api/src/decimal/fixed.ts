import { ApiUserError } from '../errors/base.ts'

/**
 * A plain decimal string as a fixed-point bigint with `decimals` fraction digits (extra digits are
 * truncated toward zero).
 *
 * @example
 * parseFixed('1.5', 18) // 1500000000000000000n
 */
export function parseFixed(value: string | number, decimals: number): bigint {
  const text = String(value).trim()
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new ApiUserError(`Invalid decimal ${JSON.stringify(text).slice(0, 60)}.`)
  const negative = text.startsWith('-')
  const [int = '0', frac = ''] = (negative ? text.slice(1) : text).split('.')
  const digits = BigInt(int + frac.slice(0, decimals).padEnd(decimals, '0'))
  return negative ? -digits : digits
}

/**
 * A fixed-point bigint as a plain decimal string without trailing zeros (the subgraph's BigDecimal
 * rendering): wei → LPT/ETH with `decimals` 18.
 *
 * @example
 * formatFixed(1500000000000000000n, 18) // '1.5'
 */
export function formatFixed(value: bigint, decimals: number): string {
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0')
  const int = digits.slice(0, digits.length - decimals)
  const frac = digits.slice(digits.length - decimals).replace(/0+$/, '')
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`
}

/** Wei (1e18) → LPT/ETH decimal string. */
export function formatWei(wei: bigint | string | number): string {
  return formatFixed(BigInt(wei), 18)
}

/**
 * `numerator / denominator` as a decimal string with up to `decimals` digits (null when the
 * denominator is 0).
 *
 * @example
 * formatRatio(1n, 3n) // '0.333333333333333333'
 */
export function formatRatio(numerator: bigint, denominator: bigint, decimals = 18): string | null {
  if (denominator === 0n) return null
  return formatFixed((numerator * 10n ** BigInt(decimals)) / denominator, decimals)
}

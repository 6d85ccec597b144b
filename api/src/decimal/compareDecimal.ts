/** Splits a plain decimal string into sign, integer digits and fraction digits. */
function parts(value: string): { negative: boolean; int: string; frac: string } {
  const negative = value.startsWith('-')
  const body = negative || value.startsWith('+') ? value.slice(1) : value
  const [int = '0', frac = ''] = body.split('.')
  return { negative, int: int.replace(/^0+(?=\d)/, ''), frac: frac.replace(/0+$/, '') }
}

/**
 * Compares two plain decimals (`"12.5"`, `"-3"`, numbers) exactly, as Postgres compares numeric:
 * −1, 0 or 1.
 *
 * @example
 * compareDecimal('10', '9.99') // 1
 */
export function compareDecimal(a: string | number, b: string | number): number {
  const x = parts(String(a))
  const y = parts(String(b))
  const zero = (p: { int: string; frac: string }) => /^0*$/.test(p.int) && p.frac === ''
  const xs = zero(x) ? 0 : x.negative ? -1 : 1
  const ys = zero(y) ? 0 : y.negative ? -1 : 1
  if (xs !== ys) return xs < ys ? -1 : 1
  if (xs === 0) return 0
  let magnitude = 0
  if (x.int.length !== y.int.length) magnitude = x.int.length < y.int.length ? -1 : 1
  else if (x.int !== y.int) magnitude = x.int < y.int ? -1 : 1
  else {
    const length = Math.max(x.frac.length, y.frac.length)
    const fx = x.frac.padEnd(length, '0')
    const fy = y.frac.padEnd(length, '0')
    magnitude = fx === fy ? 0 : fx < fy ? -1 : 1
  }
  return magnitude === 0 ? 0 : xs < 0 ? -magnitude : magnitude
}

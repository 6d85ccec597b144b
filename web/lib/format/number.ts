/** A BigDecimal / BigInt wire string (or number) as a JS number for display; null and junk give 0. */
export function toNumber(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0
  const number = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(number) ? number : 0
}

/** Grouped digits with at most `digits` decimals, e.g. 1234.5 → "1,234.5". */
export function formatNumber(value: string | number | null | undefined, digits = 2): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(toNumber(value))
}

/** Short form for charts and cards, e.g. 1234567 → "1.23M". */
export function formatCompact(value: string | number | null | undefined): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 }).format(toNumber(value))
}

import { toNumber } from './number.ts'

// Amounts arrive as BigDecimal strings already divided by 1e18 (spec §3.1).

function significant(value: number, maxDecimals: number): string {
  const abs = Math.abs(value)
  // NOTE: tiny fee amounts (1e-6 ETH) would round to 0 with a fixed number of decimals.
  const decimals = abs === 0 || abs >= 1 ? maxDecimals : Math.min(18, Math.max(maxDecimals, Math.ceil(-Math.log10(abs)) + 3))
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals }).format(value)
}

/** LPT amount, e.g. "1,234.56 LPT". */
export function formatLpt(value: string | number | null | undefined, { unit = true }: { unit?: boolean } = {}): string {
  const text = significant(toNumber(value), 2)
  return unit ? `${text} LPT` : text
}

/** ETH amount, e.g. "0.0123 ETH". */
export function formatEth(value: string | number | null | undefined, { unit = true }: { unit?: boolean } = {}): string {
  const text = significant(toNumber(value), 4)
  return unit ? `${text} ETH` : text
}

/** Wei per pixel (a price), e.g. "1,200 wei/px". */
export function formatWeiPerPixel(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return `${significant(toNumber(value), 3)} wei/px`
}

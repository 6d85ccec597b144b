import { toNumber } from './number.ts'

/** A fraction as a percentage, e.g. 0.1234 → "12.34%". */
export function formatPercent(fraction: string | number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined) return '—'
  const percent = toNumber(fraction) * 100
  // NOTE: compounding over many short (devnet) rounds gives absurd but real figures: keep them short.
  if (Math.abs(percent) >= 1e6) return `${new Intl.NumberFormat('en-US', { notation: 'scientific', maximumFractionDigits: 2 }).format(percent)}%`
  return `${percent.toFixed(digits)}%`
}

/** Parts per million (reward cut, fee share) as a percentage, e.g. 250000 → "25%". */
export function formatPpm(ppm: string | number, digits = 2): string {
  return `${trim((toNumber(ppm) / 10_000).toFixed(digits))}%`
}

/** The fee cut shown to people: the share of fees the orchestrator keeps, 1 − feeShare/1e6. */
export function feeCutPpm(feeShare: string | number): number {
  return 1_000_000 - toNumber(feeShare)
}

/** Parts per billion (per-round inflation) as a percentage, e.g. 500000 → "0.05%". */
export function formatPpb(ppb: string | number, digits = 4): string {
  return `${trim((toNumber(ppb) / 10_000_000).toFixed(digits))}%`
}

function trim(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

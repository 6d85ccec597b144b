/**
 * The `p`-quantile with linear interpolation between the closest ranks, as Postgres
 * `PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY x)` computes it (leaderboard-serverless's AI median,
 * nodes.md §12.3): position `p · (n − 1)` in the sorted values. Undefined for no values.
 *
 * @example
 * percentileCont([1, 2, 3, 4], 0.5) // 2.5
 * percentileCont([10, 20, 30, 40, 50], 0.9) // 46
 */
export function percentileCont(values: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentileCont: p must be in [0, 1], got ${p}`)
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const position = p * (sorted.length - 1)
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  const low = sorted[lower] as number
  return low + ((sorted[upper] as number) - low) * (position - lower)
}

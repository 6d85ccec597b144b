/** One table row of a benchmark run. */
export type BenchmarkRow = {
  orchestrator: string
  segments: string
  successRate: number
  roundTripMs: number
  uploadMs: number
  transcodeMs: number
  downloadMs: number
  /** Average round trip / segment duration (< 1 = faster than real time). */
  realtimeRatio: number
  /** Advertised price, wei per pixel. */
  pricePerPixel: number
  /** pixels × price, wei. */
  feeWei: bigint
  /** Expected value of tickets sent, wei. */
  evSentWei: bigint
  ticketsSent: number
  ticketsWon: number
  /** Leaderboard score 0..1 when a score function was given. */
  score: number | undefined
}

const gwei = (wei: bigint) => `${(Number(wei) / 1e9).toFixed(2)}`

/**
 * Renders benchmark rows as a plain-text table (no colors, fixed columns). The score column only
 * appears when rows carry a score.
 *
 * @example
 * console.log(renderBenchmarkTable(rows))
 */
export function renderBenchmarkTable(rows: readonly BenchmarkRow[]): string {
  const withScore = rows.some((row) => row.score !== undefined)
  const header = ['orchestrator', 'ok/sent', 'success', 'rtt ms', 'upload', 'transcode', 'download', 'rtt/dur', 'wei/px', 'fee gwei', 'EV sent gwei', 'tickets', 'won', ...(withScore ? ['score'] : [])]
  const lines = rows.map((row) => [
    row.orchestrator.length > 14 ? `${row.orchestrator.slice(0, 8)}…${row.orchestrator.slice(-4)}` : row.orchestrator,
    row.segments,
    `${(row.successRate * 100).toFixed(0)}%`,
    row.roundTripMs.toFixed(0),
    row.uploadMs.toFixed(0),
    row.transcodeMs.toFixed(0),
    row.downloadMs.toFixed(0),
    row.realtimeRatio.toFixed(2),
    row.pricePerPixel.toFixed(row.pricePerPixel < 10 ? 4 : 0),
    gwei(row.feeWei),
    gwei(row.evSentWei),
    String(row.ticketsSent),
    String(row.ticketsWon),
    ...(withScore ? [row.score === undefined ? '-' : row.score.toFixed(3)] : []),
  ])
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => (line[i] as string).length)))
  const format = (cells: readonly string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ')
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n')
}

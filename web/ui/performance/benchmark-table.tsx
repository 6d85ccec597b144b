import type { BenchmarkEntry } from '@/lib/definitions'
import { formatAgo, formatNumber, formatPercent, formatWeiPerPixel } from '@/lib/format'
import { AddressLink } from '@/ui/common/address-link'
import { EmptyState } from '@/ui/common/empty-state'

/** Benchmark rows: score (0–10), success rate, latency percentiles and price. */
export function BenchmarkTable({ rows, empty, showOrchestrator = true }: { rows: BenchmarkEntry[]; empty: string; showOrchestrator?: boolean }) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>
  return (
    <div className="table-wrap">
      <table data-testid="benchmark-table">
        <thead>
          <tr>
            <th className="num">#</th>
            {showOrchestrator ? <th>Orchestrator</th> : null}
            <th>Region</th>
            <th>Pipeline</th>
            <th className="num">Score</th>
            <th className="num">Success</th>
            <th className="num">p50</th>
            <th className="num">p90</th>
            <th className="num">p99</th>
            <th className="num">Price</th>
            <th className="num">Samples</th>
            <th className="num">Last</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.orchestrator}-${row.region}-${row.pipeline}-${row.model}`}>
              <td className="num">{i + 1}</td>
              {showOrchestrator ? <td><AddressLink address={row.orchestrator} kind="orchestrator" /></td> : null}
              <td>{row.region}</td>
              <td>{[row.pipeline, row.model].filter(Boolean).join(' / ') || row.jobType}</td>
              <td className="num">{row.score === null ? '—' : formatNumber(row.score * 10, 2)}</td>
              <td className="num">{formatPercent(row.successRate, 1)}</td>
              <td className="num">{formatNumber(row.latencyP50Ms, 0)} ms</td>
              <td className="num">{formatNumber(row.latencyP90Ms, 0)} ms</td>
              <td className="num">{formatNumber(row.latencyP99Ms, 0)} ms</td>
              <td className="num">{formatWeiPerPixel(row.pricePerPixel)}</td>
              <td className="num">{formatNumber(row.samples, 0)}</td>
              <td className="num">{formatAgo(row.lastSampleAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

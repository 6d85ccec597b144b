import type { ReactNode } from 'react'
import { EmptyState } from '@/ui/common/empty-state'
import { SeriesChart, type SeriesChartProps } from './series-chart'

/** A titled chart with its current value, or an empty state when there are fewer than 1 point. */
export function ChartCard({ title, value, empty, testId, ...chart }: SeriesChartProps & { title: string; value?: ReactNode; empty?: string; testId?: string }) {
  return (
    <div className="card" data-testid={testId}>
      <div className="label">{title}</div>
      {value !== undefined ? <div className="value" style={{ marginBottom: 8 }}>{value}</div> : null}
      {chart.data.length === 0 ? <EmptyState>{empty ?? 'No data yet.'}</EmptyState> : <SeriesChart {...chart} />}
      {chart.series.length > 1 && chart.data.length > 0 ? (
        // NOTE: the legend is server HTML rather than recharts' <Legend>: less client JS per chart page.
        <div className="legend">
          {chart.series.map((s) => (
            <span key={s.key}>
              <i style={{ background: s.color }} />
              {s.label}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  )
}

'use client'

import { Bar, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

/** How the y values are shown (functions cannot cross the server → client boundary). */
export type ValueFormat = 'lpt' | 'eth' | 'percent' | 'count' | 'ms'

export type Series = { key: string; label: string; color: string; kind?: 'line' | 'bar' | 'step' }

export type SeriesChartProps = {
  /** Display-ready rows: `x` plus one number (or null) per series key. */
  data: Record<string, number | string | null>[]
  series: Series[]
  format: ValueFormat
  height?: number
  /** Label of the x values in the tooltip, e.g. "Round". */
  xLabel?: string
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 })
const precise = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 })
const percent = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 })

function formatValue(value: number, format: ValueFormat, short: boolean): string {
  switch (format) {
    case 'percent':
      return `${percent.format(value * 100)}%`
    case 'lpt':
      return `${short ? compact.format(value) : precise.format(value)}${short ? '' : ' LPT'}`
    case 'eth':
      return `${short ? compact.format(value) : precise.format(value)}${short ? '' : ' ETH'}`
    case 'ms':
      return `${compact.format(value)} ms`
    default:
      return short ? compact.format(value) : precise.format(value)
  }
}

/** A line / bar / step chart of one or more series over `x` (recharts, client only). */
export function SeriesChart({ data, series, format, height = 220, xLabel = '' }: SeriesChartProps) {
  return (
    <div style={{ height }} className="chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 6, right: 8, left: 0, bottom: 0 }}>
          <XAxis dataKey="x" stroke="#8b98a9" fontSize={11} tickLine={false} minTickGap={16} />
          <YAxis stroke="#8b98a9" fontSize={11} tickLine={false} width={56} tickFormatter={(v: number) => formatValue(v, format, true)} />
          <Tooltip
            contentStyle={{ background: '#121821', border: '1px solid #243041', borderRadius: 8 }}
            labelFormatter={(label) => `${xLabel} ${String(label)}`.trim()}
            formatter={(value) => formatValue(Number(value), format, false)}
          />
          {series.map((s) =>
            s.kind === 'bar' ? (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
            ) : (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                dot={false}
                strokeWidth={2}
                type={s.kind === 'step' ? 'stepAfter' : 'monotone'}
                connectNulls
                isAnimationActive={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}

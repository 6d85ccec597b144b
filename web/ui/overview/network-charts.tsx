import Link from 'next/link'
import { getNetworkSeries, getOverview } from '@/lib/data/overview'
import { formatDate, formatEth, formatNumber, formatPercent, formatPpb, toNumber } from '@/lib/format'
import { ChartCard } from '@/ui/charts/chart-card'

export type SeriesBucket = 'round' | 'day' | 'week'

type Point = { x: string; fees: number; participation: number; inflation: number; delegators: number; orchestrators: number }

async function loadPoints(by: SeriesBucket): Promise<Point[]> {
  if (by === 'round') {
    const { rounds } = await getOverview()
    return rounds.map((r) => ({
      x: r.id,
      fees: toNumber(r.volumeETH),
      participation: toNumber(r.participationRate),
      inflation: toNumber(r.inflation) / 1e9,
      delegators: toNumber(r.delegatorsCount),
      orchestrators: toNumber(r.activeTranscoderCount),
    }))
  }
  const series = await getNetworkSeries(by)
  return series.map((p) => ({
    x: formatDate(p.date),
    fees: toNumber(p.feesETH),
    participation: toNumber(p.participationRate),
    inflation: toNumber(p.inflation) / 1e9,
    delegators: p.delegatorsCount,
    orchestrators: p.activeOrchestrators,
  }))
}

/** Fees, participation, inflation, delegators and active orchestrators over rounds, days or weeks. */
export async function NetworkCharts({ by }: { by: SeriesBucket }) {
  const points = await loadPoints(by)
  const last = points[points.length - 1]
  const xLabel = by === 'round' ? 'Round' : by === 'day' ? 'Day' : 'Week of'
  const chart = (key: keyof Omit<Point, 'x'>, color: string, kind: 'bar' | 'line' | 'step' = 'line') => ({
    data: points.map((p) => ({ x: p.x, [key]: p[key] })),
    series: [{ key, label: key, color, kind }],
    xLabel,
  })
  return (
    <>
      <div className="filters" data-testid="series-buckets">
        <span className="muted">Per</span>
        {(['round', 'day', 'week'] as const).map((bucket) => (
          <Link prefetch={false} key={bucket} href={bucket === 'round' ? '/' : `/?by=${bucket}`} className={bucket === by ? 'active' : ''} scroll={false}>
            {bucket}
          </Link>
        ))}
      </div>
      <div className="grid-2" data-testid="network-charts">
        <ChartCard title="Fees paid" value={last ? formatEth(last.fees) : undefined} format="eth" {...chart('fees', '#27d67e', 'bar')} testId="chart-fees" />
        <ChartCard title="Participation rate" value={last ? formatPercent(last.participation) : undefined} format="percent" {...chart('participation', '#4aa3ff')} testId="chart-participation" />
        <ChartCard title="Inflation per round" value={last ? formatPpb(last.inflation * 1e9) : undefined} format="percent" {...chart('inflation', '#f5a524', 'step')} testId="chart-inflation" />
        <ChartCard title="Delegators" value={last ? formatNumber(last.delegators, 0) : undefined} format="count" {...chart('delegators', '#c084fc', 'step')} testId="chart-delegators" />
        <ChartCard title="Active orchestrators" value={last ? formatNumber(last.orchestrators, 0) : undefined} format="count" {...chart('orchestrators', '#f472b6', 'step')} testId="chart-orchestrators" />
      </div>
    </>
  )
}

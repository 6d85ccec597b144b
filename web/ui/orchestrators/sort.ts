import type { OrchestratorRow } from '@/lib/data/orchestrators'
import { toNumber } from '@/lib/format'

/** Sortable columns of the orchestrator table (the URL's `sort`). */
export const sortKeys = ['stake', 'rewardCut', 'feeCut', 'calls30', 'calls90', 'fees30', 'fees90', 'yield', 'score', 'price'] as const
export type SortKey = (typeof sortKeys)[number]

const ratio = (calls: { called: number; total: number }) => (calls.total === 0 ? -1 : calls.called / calls.total)

const value: Record<SortKey, (row: OrchestratorRow) => number> = {
  stake: (row) => toNumber(row.totalStake),
  rewardCut: (row) => toNumber(row.rewardCut),
  feeCut: (row) => 1_000_000 - toNumber(row.feeShare),
  calls30: (row) => ratio(row.rewardCalls30),
  calls90: (row) => ratio(row.rewardCalls90),
  fees30: (row) => toNumber(row.thirtyDayVolumeETH),
  fees90: (row) => toNumber(row.ninetyDayVolumeETH),
  yield: (row) => (row.yield ? toNumber(row.yield.totalYield) : -1),
  score: (row) => row.benchmark?.score ?? -1,
  price: (row) => (row.benchmark?.pricePerPixel ? toNumber(row.benchmark.pricePerPixel) : Number.POSITIVE_INFINITY),
}

/** Rows ordered by a column; ties by stake. */
export function sortRows(rows: OrchestratorRow[], key: SortKey, dir: 'asc' | 'desc'): OrchestratorRow[] {
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => sign * (value[key](a) - value[key](b)) || value.stake(b) - value.stake(a))
}

export function parseSort(sort: string | undefined, dir: string | undefined): { key: SortKey; dir: 'asc' | 'desc' } {
  const key = (sortKeys as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'stake'
  return { key, dir: dir === 'asc' ? 'asc' : 'desc' }
}

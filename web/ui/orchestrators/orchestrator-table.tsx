import Link from 'next/link'
import type { OrchestratorRow } from '@/lib/data/orchestrators'
import { feeCutPpm, formatEth, formatLpt, formatNumber, formatPercent, formatPpm, formatWeiPerPixel } from '@/lib/format'
import { AddressLink } from '@/ui/common/address-link'
import type { SortKey } from './sort'

type Query = Record<string, string>

function SortHeader({ label, column, sort, query, num = true }: { label: string; column: SortKey; sort: { key: SortKey; dir: 'asc' | 'desc' }; query: Query; num?: boolean }) {
  const active = sort.key === column
  const dir = active && sort.dir === 'desc' ? 'asc' : 'desc'
  const href = `/orchestrators?${new URLSearchParams({ ...query, sort: column, dir })}`
  return (
    <th className={num ? 'num' : ''} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link prefetch={false} href={href} className={active ? 'active' : ''} scroll={false} data-testid={`sort-${column}`}>
        {label}
        {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Link>
    </th>
  )
}

const calls = ({ called, total }: { called: number; total: number }) => (total === 0 ? '—' : `${called}/${total}`)

/** The orchestrator table; headers sort through the URL, checkboxes feed the compare form. */
export function OrchestratorTable({ rows, sort, query, months }: { rows: OrchestratorRow[]; sort: { key: SortKey; dir: 'asc' | 'desc' }; query: Query; months: number }) {
  const benchmarked = rows.some((row) => row.benchmark)
  return (
    <div className="table-wrap">
      <table data-testid="orchestrator-table">
        <thead>
          <tr>
            <th aria-label="Select" />
            <th>Orchestrator</th>
            <SortHeader label="Stake" column="stake" sort={sort} query={query} />
            <SortHeader label="Reward cut" column="rewardCut" sort={sort} query={query} />
            <SortHeader label="Fee cut" column="feeCut" sort={sort} query={query} />
            <SortHeader label="Calls 30" column="calls30" sort={sort} query={query} />
            <SortHeader label="Calls 90" column="calls90" sort={sort} query={query} />
            <SortHeader label="Fees 30d" column="fees30" sort={sort} query={query} />
            <SortHeader label="Fees 90d" column="fees90" sort={sort} query={query} />
            <SortHeader label={`Yield ${months}m`} column="yield" sort={sort} query={query} />
            {benchmarked ? <SortHeader label="Score" column="score" sort={sort} query={query} /> : null}
            {benchmarked ? <SortHeader label="Price" column="price" sort={sort} query={query} /> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="orchestrator-row" data-address={row.id}>
              <td>
                <input type="checkbox" name="ids" value={row.id} aria-label={`Compare ${row.id}`} />
              </td>
              <td>
                <AddressLink address={row.id} kind="orchestrator" />{' '}
                {row.active ? <span className="badge ok">active</span> : <span className="badge">inactive</span>}
                {row.yield?.isNew ? <span className="badge warn">new</span> : null}
              </td>
              <td className="num">{formatLpt(row.totalStake)}</td>
              <td className="num">{formatPpm(row.rewardCut)}</td>
              <td className="num">{formatPpm(feeCutPpm(row.feeShare))}</td>
              <td className="num">{calls(row.rewardCalls30)}</td>
              <td className="num">{calls(row.rewardCalls90)}</td>
              <td className="num">{formatEth(row.thirtyDayVolumeETH)}</td>
              <td className="num">{formatEth(row.ninetyDayVolumeETH)}</td>
              <td className="num" data-testid="yield" title={row.yield ? `${formatLpt(row.yield.rewardsLPT)} + ${formatEth(row.yield.feesETH)}` : 'not in the active set'}>
                {row.yield ? formatPercent(row.yield.totalYield) : '—'}
              </td>
              {benchmarked ? <td className="num">{row.benchmark?.score === null || !row.benchmark ? '—' : formatNumber(row.benchmark.score * 10, 2)}</td> : null}
              {benchmarked ? <td className="num">{formatWeiPerPixel(row.benchmark?.pricePerPixel ?? null)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

import type { Metadata } from 'next'
import { getOrchestratorTable } from '@/lib/data/orchestrators'
import { formatLpt, formatPercent } from '@/lib/format'
import { EmptyState } from '@/ui/common/empty-state'
import { PageTitle } from '@/ui/common/page-title'
import { CompareForm } from '@/ui/orchestrators/compare-form'
import { OrchestratorTable } from '@/ui/orchestrators/orchestrator-table'
import { parseSort } from '@/ui/orchestrators/sort'
import { sortRows } from '@/ui/orchestrators/sort'

export const metadata: Metadata = { title: 'Orchestrators' }

const horizons = [6, 12, 24, 36, 48]

type SearchParams = { principal?: string; months?: string; sort?: string; dir?: string }

function parseForecast(params: SearchParams): { principal: string; months: number; invalid: string | null } {
  const principal = (params.principal ?? '150').trim()
  const months = Number(params.months ?? 12)
  if (!/^\d{1,12}(\.\d{1,18})?$/.test(principal) || Number(principal) <= 0) return { principal: '150', months: 12, invalid: `"${principal}" is not a positive LPT amount; showing 150 LPT.` }
  if (!horizons.includes(months)) return { principal, months: 12, invalid: `Horizon must be one of ${horizons.join(', ')} months; showing 12.` }
  return { principal, months, invalid: null }
}

export default async function OrchestratorsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams
  const { principal, months, invalid } = parseForecast(params)
  const sort = parseSort(params.sort, params.dir)
  const { rows, forecast } = await getOrchestratorTable({ principal, months })
  const query = { principal, months: String(months) }
  return (
    <>
      <PageTitle title="Orchestrators" sub={`${rows.length} registered · ${rows.filter((r) => r.active).length} active`} />
      <form className="filters card" action="/orchestrators" method="get" data-testid="yield-form">
        <label>
          Forecast for{' '}
          <input name="principal" defaultValue={principal} inputMode="decimal" size={8} aria-label="Principal in LPT" /> LPT
        </label>
        <label>
          over{' '}
          <select name="months" defaultValue={String(months)} aria-label="Horizon">
            {horizons.map((h) => (
              <option key={h} value={h}>
                {h} months
              </option>
            ))}
          </select>
        </label>
        <input type="hidden" name="sort" value={sort.key} />
        <input type="hidden" name="dir" value={sort.dir} />
        <button type="submit">Update</button>
        <span className="muted">
          {forecast.roundsCount} rounds · cumulative inflation {formatPercent(forecast.totalInflation)} · treasury cut {formatPercent(forecast.treasuryRewardCut)} ·
          yield = rewards + fees for {formatLpt(forecast.principal)}
        </span>
        {invalid ? <span className="badge warn" role="alert">{invalid}</span> : null}
      </form>
      {rows.length === 0 ? (
        <EmptyState>No orchestrator has registered yet.</EmptyState>
      ) : (
        <CompareForm>
          <OrchestratorTable rows={sortRows(rows, sort.key, sort.dir)} sort={sort} query={query} months={months} />
        </CompareForm>
      )}
    </>
  )
}

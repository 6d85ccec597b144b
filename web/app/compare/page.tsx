import type { Metadata } from 'next'
import Link from 'next/link'
import { getComparison } from '@/lib/data/orchestrators'
import { parseAddress } from '@/lib/format'
import { EmptyState } from '@/ui/common/empty-state'
import { PageTitle } from '@/ui/common/page-title'
import { CompareView } from '@/ui/compare/compare-view'

export const metadata: Metadata = { title: 'Compare orchestrators' }

type SearchParams = { ids?: string | string[]; rounds?: string; principal?: string }

/** `?ids=a,b` (the compare button) or `?ids=a&ids=b` (the form without JS). */
function parseIds(ids: string | string[] | undefined): { ids: string[]; invalid: string[] } {
  const raw = (Array.isArray(ids) ? ids : [ids ?? '']).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean)
  const valid = [...new Set(raw.map(parseAddress).filter((a): a is string => a !== null))]
  return { ids: valid, invalid: raw.filter((value) => parseAddress(value) === null) }
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams
  const { ids, invalid } = parseIds(params.ids)
  const rounds = params.rounds === '90' ? 90 : 30
  const principal = Math.max(1, Number(params.principal) || 1000)
  if (invalid.length > 0 || ids.length < 2 || ids.length > 4) {
    return (
      <>
        <PageTitle title="Compare orchestrators" />
        <EmptyState>
          {invalid.length > 0 ? `Not an address: ${invalid.join(', ')}. ` : ''}
          Pick 2 to 4 orchestrators on the <Link prefetch={false} href="/orchestrators">orchestrators page</Link> (got {ids.length}).
        </EmptyState>
      </>
    )
  }
  const data = await getComparison({ ids, rounds })
  const query = (n: number) => `/compare?${new URLSearchParams({ ids: ids.join(','), rounds: String(n), principal: String(principal) })}`
  return (
    <>
      <PageTitle title="Compare orchestrators" sub={`Last ${rounds} rounds up to round ${data.toRound}`}>
        <div className="filters">
          {[30, 90].map((n) => (
            <Link prefetch={false} key={n} href={query(n)} className={n === rounds ? 'active' : ''}>
              {n} rounds
            </Link>
          ))}
        </div>
      </PageTitle>
      {data.orchestratorComparison.length === 0 ? (
        <EmptyState>None of these addresses has orchestrator history in this range.</EmptyState>
      ) : (
        <CompareView ids={ids} comparisons={data.orchestratorComparison} transcoders={data.transcoders} benchmarks={data.benchmarkLeaderboard} principal={principal} />
      )}
    </>
  )
}

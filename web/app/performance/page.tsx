import type { Metadata } from 'next'
import Link from 'next/link'
import { getLeaderboard } from '@/lib/data/performance'
import { PageTitle } from '@/ui/common/page-title'
import { BenchmarkTable } from '@/ui/performance/benchmark-table'

export const metadata: Metadata = { title: 'Performance' }

const jobTypes = ['transcoding', 'ai', 'live']

type SearchParams = { jobType?: string; region?: string; pipeline?: string }

export default async function PerformancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams
  const jobType = jobTypes.includes(params.jobType ?? '') ? params.jobType! : 'transcoding'
  const region = params.region || undefined
  const pipeline = params.pipeline || undefined
  const { rows, regions, pipelines } = await getLeaderboard({ jobType, region, pipeline })
  const href = (next: SearchParams) => {
    const query = new URLSearchParams(Object.entries({ jobType, region, pipeline, ...next }).filter((e): e is [string, string] => Boolean(e[1])))
    return `/performance?${query}`
  }
  return (
    <>
      <PageTitle title="Performance" sub="Benchmark leaderboard: score, success rate, round-trip latency and price (last 24 h of samples)" />
      <nav className="filters" aria-label="Job type" data-testid="job-filter">
        {jobTypes.map((t) => (
          <Link prefetch={false} key={t} href={href({ jobType: t, pipeline: '' })} className={t === jobType ? 'active' : ''}>{t}</Link>
        ))}
      </nav>
      <nav className="filters" aria-label="Region" data-testid="region-filter">
        <Link prefetch={false} href={href({ region: '' })} className={region ? '' : 'active'}>All regions</Link>
        {regions.map((r) => (
          <Link prefetch={false} key={r} href={href({ region: r })} className={r === region ? 'active' : ''}>{r}</Link>
        ))}
      </nav>
      {pipelines.length > 0 ? (
        <nav className="filters" aria-label="Pipeline">
          <Link prefetch={false} href={href({ pipeline: '' })} className={pipeline ? '' : 'active'}>All pipelines</Link>
          {pipelines.map((p) => (
            <Link prefetch={false} key={p} href={href({ pipeline: p })} className={p === pipeline ? 'active' : ''}>{p}</Link>
          ))}
        </nav>
      ) : null}
      <BenchmarkTable rows={rows} empty={`No ${jobType} benchmark samples${region ? ` in ${region}` : ''} yet: the leaderboard fills once reference gateways probe orchestrators.`} />
    </>
  )
}

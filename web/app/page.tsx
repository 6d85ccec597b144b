import Link from 'next/link'
import { Suspense } from 'react'
import { getEventFeed } from '@/lib/data/events'
import { PageTitle } from '@/ui/common/page-title'
import { Section } from '@/ui/common/section'
import { EventList } from '@/ui/events/event-list'
import { NetworkCharts, type SeriesBucket } from '@/ui/overview/network-charts'
import { RoundStatus } from '@/ui/overview/round-status'
import { CardsSkeleton, ChartSkeleton, TableSkeleton } from '@/ui/skeletons'

async function LatestEvents() {
  return <EventList events={await getEventFeed({ first: 15 })} />
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ by?: string }> }) {
  const { by } = await searchParams
  const bucket: SeriesBucket = by === 'day' || by === 'week' ? by : 'round'
  return (
    <>
      <PageTitle title="Network overview" sub="Livepeer protocol state from the Peerscope indexer" />
      <Suspense fallback={<CardsSkeleton count={9} />}>
        <RoundStatus />
      </Suspense>
      <Suspense fallback={<div className="grid-2"><ChartSkeleton /><ChartSkeleton /></div>}>
        <NetworkCharts by={bucket} />
      </Suspense>
      <Section title="Latest events" aside={<Link prefetch={false} href="/transactions">All transactions →</Link>} testId="latest-events">
        <Suspense fallback={<TableSkeleton />}>
          <LatestEvents />
        </Suspense>
      </Section>
    </>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { getEventFeed } from '@/lib/data/events'
import { eventTypes, eventTypesByName } from '@/lib/events/catalog'
import { PageTitle } from '@/ui/common/page-title'
import { EventList } from '@/ui/events/event-list'

export const metadata: Metadata = { title: 'Transactions' }

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const { type } = await searchParams
  const selected = type && eventTypesByName.has(type) ? type : undefined
  const events = await getEventFeed({ type: selected, first: 100 })
  return (
    <>
      <PageTitle title="Transactions" sub={selected ? `Newest ${eventTypesByName.get(selected)!.label} events` : 'Newest protocol events across the network'} />
      <nav className="filters" aria-label="Event type" data-testid="type-filter">
        <Link prefetch={false} href="/transactions" className={selected ? '' : 'active'}>All</Link>
        {eventTypes.map((t) => (
          <Link prefetch={false} key={t.typename} href={`/transactions?type=${t.typename}`} className={selected === t.typename ? 'active' : ''}>
            {t.label}
          </Link>
        ))}
      </nav>
      {type && !selected ? <p className="badge warn" role="alert">Unknown event type &quot;{type}&quot;: showing all.</p> : null}
      <EventList events={events} empty={selected ? 'No events of this type yet.' : 'No events indexed yet.'} />
    </>
  )
}

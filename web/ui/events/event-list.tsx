import Link from 'next/link'
import type { ExplorerEvent } from '@/lib/definitions'
import { describeEvent } from '@/lib/events/describeEvent'
import { formatTimestamp, shortAddress } from '@/lib/format'
import { AddressLink } from '@/ui/common/address-link'
import { EmptyState } from '@/ui/common/empty-state'

/** A feed of events, newest first, each a sentence with linked accounts. */
export function EventList({ events, empty = 'No events yet.' }: { events: ExplorerEvent[]; empty?: string }) {
  if (events.length === 0) return <EmptyState>{empty}</EmptyState>
  return (
    <div className="table-wrap">
      <ul className="feed" data-testid="event-feed">
        {events.map((event) => {
          const { label, parts } = describeEvent(event)
          return (
            <li key={event.id} data-event-type={event.__typename}>
              <span className="badge">{label}</span>
              <span>
                {parts.map((part, i) => ('account' in part ? <AddressLink key={i} address={part.account} /> : <span key={i}>{part.text}</span>))}
              </span>
              <span className="when">
                <Link prefetch={false} href={`/rounds/${event.round.id}`}>round {event.round.id}</Link> · <span title={event.transaction.id}>{shortAddress(event.transaction.id)}</span> ·{' '}
                {formatTimestamp(event.timestamp)}
              </span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

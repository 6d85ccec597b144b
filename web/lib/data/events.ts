import 'server-only'
import { cache } from 'react'
import { commonEventFields, eventTypes, eventTypesByName, type EventType } from '@/lib/events/catalog'
import type { ExplorerEvent } from '@/lib/definitions'
import { request } from './client'

const selection = (type: EventType) => `${commonEventFields} transaction { id from blockNumber } ${type.fields}`

/** Newest first: block, then log index (ids are `txHash-logIndex`). */
function newestFirst(a: ExplorerEvent, b: ExplorerEvent): number {
  const block = (e: ExplorerEvent) => Number((e.transaction as { blockNumber?: string }).blockNumber ?? 0)
  const log = (e: ExplorerEvent) => Number(e.id.split('-').pop() ?? 0)
  return b.timestamp - a.timestamp || block(b) - block(a) || log(b) - log(a)
}

function merge(data: Record<string, ExplorerEvent[] | null>, first: number): ExplorerEvent[] {
  const seen = new Map<string, ExplorerEvent>()
  for (const list of Object.values(data)) for (const event of list ?? []) seen.set(event.id, event)
  return [...seen.values()].sort(newestFirst).slice(0, first)
}

/**
 * The network's newest events, of every type the feed shows or of one `type` (a `__typename`),
 * in one API request (one aliased root field per event type).
 */
export const getEventFeed = cache(async ({ type, first = 50 }: { type?: string | undefined; first?: number }): Promise<ExplorerEvent[]> => {
  const selected = type ? [eventTypesByName.get(type)].filter((t): t is EventType => t !== undefined) : eventTypes
  if (selected.length === 0) return []
  const fields = selected.map((t, i) => `e${i}: ${t.plural}(first: ${first}, orderBy: timestamp, orderDirection: desc) { ${selection(t)} }`)
  return merge(await request<Record<string, ExplorerEvent[]>>(`query Feed { ${fields.join('\n')} }`), first)
})

/** Events naming `address` in any account field (delegator, delegate, sender, …), newest first. */
export const getAccountEvents = cache(async ({ address, first = 50 }: { address: string; first?: number }): Promise<ExplorerEvent[]> => {
  const fields = eventTypes.flatMap((t, i) =>
    t.accountFields.map((field) => `e${i}_${field}: ${t.plural}(first: ${first}, orderBy: timestamp, orderDirection: desc, where: { ${field}: $a }) { ${selection(t)} }`),
  )
  const data = await request<Record<string, ExplorerEvent[]>>(`query AccountEvents($a: String!) { ${fields.join('\n')} }`, { a: address })
  return merge(data, first)
})

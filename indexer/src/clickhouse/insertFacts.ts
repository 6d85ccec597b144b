import type { ClickHouseClient } from '@clickhouse/client'
import { ForkNotRolledBackError } from './errors.ts'
import { toRows } from './toRows.ts'
import type { FactBatch } from './types.ts'

/** Return type of {@link insertFacts}: rows written per table, and event rows skipped as already stored. */
export type InsertFactsReturnType = {
  /** Highest block number in the batch's logs (−Infinity for an empty batch). */
  top: number
  events: number
  orchestratorRounds: number
  delegatorRounds: number
  entityHistory: number
  skippedEvents: number
}

/**
 * Writes a batch: validates everything first (nothing is written on bad input), then one INSERT
 * per table. Idempotent per (block_number, log_index): `events` rows already live with the same
 * block hash are skipped (so the daily views never count a log twice), a live row with another hash
 * is a fork that was not rolled back ({@link ForkNotRolledBackError}); the ReplacingMergeTree round
 * tables collapse rewritten rows by key.
 *
 * @example
 * await insertFacts({ client, batch: { logs } })
 */
export async function insertFacts({
  client,
  batch,
  storedTop,
}: {
  client: ClickHouseClient
  batch: FactBatch
  /** An upper bound of the stored `events.block_number` when the caller knows one (single writer); skips the duplicate check for batches above it. */
  storedTop?: number | undefined
}): Promise<InsertFactsReturnType> {
  const rows = toRows(batch)
  let events = rows.events
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const row of events) {
    const height = row.block_number as number
    if (height < low) low = height
    if (height > high) high = height
  }
  if (events.length > 0 && (storedTop === undefined || low <= storedTop)) {
    const live = await (
      await client.query({
        query: `SELECT block_number, log_index, any(block_hash) AS block_hash FROM events
          WHERE block_number >= ${low} AND block_number <= ${high}
          GROUP BY block_number, log_index HAVING sum(sign) > 0`,
        format: 'JSONEachRow',
      })
    ).json<{ block_number: string; log_index: number; block_hash: string }>()
    if (live.length > 0) {
      const stored = new Map(live.map((row) => [`${row.block_number}:${row.log_index}`, row.block_hash]))
      events = events.filter((row) => {
        const hash = stored.get(`${row.block_number}:${row.log_index}`)
        if (hash === undefined) return true
        if (hash !== row.block_hash)
          throw new ForkNotRolledBackError({ table: 'events', blockNumber: row.block_number as number, storedHash: hash, newHash: row.block_hash as string })
        return false
      })
    }
  }
  if (events.length > 0) await client.insert({ table: 'events', values: events, format: 'JSONEachRow' })
  if (rows.orchestrator_rounds.length > 0) await client.insert({ table: 'orchestrator_rounds', values: rows.orchestrator_rounds, format: 'JSONEachRow' })
  if (rows.delegator_rounds.length > 0) await client.insert({ table: 'delegator_rounds', values: rows.delegator_rounds, format: 'JSONEachRow' })
  if (rows.entity_history.length > 0) await client.insert({ table: 'entity_history', values: rows.entity_history, format: 'JSONEachRow' })
  return {
    top: high,
    events: events.length,
    orchestratorRounds: rows.orchestrator_rounds.length,
    delegatorRounds: rows.delegator_rounds.length,
    entityHistory: rows.entity_history.length,
    skippedEvents: rows.events.length - events.length,
  }
}

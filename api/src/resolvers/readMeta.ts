import { clickhouseRows } from '../analytics/clickhouseRows.ts'
import type { ApiContext } from './context.ts'

/** `_meta`: the indexed head (or the requested past block), its time when known, no indexing errors. */
export type MetaResult = { block: { number: number; hash: string | null; timestamp: number | null; parentHash: null }; deployment: string; hasIndexingErrors: boolean }

/**
 * The Graph's `_meta` from the processor's cursor (`squid_processor.status` and hot blocks) and, for
 * the timestamp, the head block's time in ClickHouse `events` (null when no event is in that block).
 *
 * @example
 * const meta = await readMeta(context, undefined) // { block: { number: 1234, hash: '0x…', timestamp: 1700000000 }, … }
 */
export async function readMeta(context: ApiContext, block: number | undefined): Promise<MetaResult> {
  const head = await context.head()
  const number = block ?? head?.number ?? 0
  const [row] = await clickhouseRows<{ timestamp: number | string; hash: string; n: number | string }>(
    context.clickhouse,
    'SELECT toUnixTimestamp(any(block_time)) AS timestamp, any(block_hash) AS hash, count() AS n FROM events FINAL WHERE block_number = {number:UInt64} AND sign = 1',
    { number },
  )
  const known = row !== undefined && Number(row.n) > 0
  const hash = block === undefined ? (head?.hash ?? null) : known ? (row?.hash ?? null) : null
  return {
    block: { number, hash, timestamp: known ? Number(row?.timestamp) : null, parentHash: null },
    deployment: 'peerscope',
    hasIndexingErrors: false,
  }
}

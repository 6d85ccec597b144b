import type { ClickHouseClient } from '@clickhouse/client'

/**
 * The tables holding chain data, and how rows above a height are removed from each:
 * - `cancel`: insert one `sign = -1` copy per net live row (CollapsingMergeTree). Required for
 *   tables that feed materialized views: cancel rows flow into the views, a DELETE does not.
 * - `delete`: lightweight `DELETE` (tables nothing reads through a view).
 */
export const chainTables = [
  { name: 'events', removal: 'cancel' },
  { name: 'orchestrator_rounds', removal: 'delete' },
  { name: 'delegator_rounds', removal: 'delete' },
  { name: 'entity_history', removal: 'delete' },
] as const

/** Rows removed per table by {@link removeAbove}. */
export type RemoveAboveReturnType = Record<(typeof chainTables)[number]['name'], number>

/**
 * Removes every row with `block_number > height` from every chain table (events first, so the
 * daily views drop with them). Idempotent: a second call finds nothing to remove; rows cancelled
 * twice are impossible because cancel rows are computed from the net `sum(sign)` of each row.
 *
 * @example
 * await removeAbove({ client, height: 1200 })
 */
export async function removeAbove({ client, height }: { client: ClickHouseClient; height: number }): Promise<RemoveAboveReturnType> {
  if (!Number.isSafeInteger(height) || height < -1) throw new Error(`removeAbove: height must be an integer ≥ -1, got ${height}.`)
  const removed = {} as RemoveAboveReturnType
  for (const table of chainTables) {
    const [count] = await (
      await client.query({
        query:
          table.removal === 'cancel'
            ? `SELECT toUInt64(sum(sign)) AS n FROM ${table.name} WHERE block_number > ${height}`
            : `SELECT count() AS n FROM ${table.name} WHERE block_number > ${height}`,
        format: 'JSONEachRow',
      })
    ).json<{ n: string }>()
    const n = Number(count?.n ?? 0)
    removed[table.name] = n
    if (n === 0) continue
    if (table.removal === 'delete') {
      await client.command({ query: `DELETE FROM ${table.name} WHERE block_number > ${height}` })
      continue
    }
    const columns = (await columnsOf(client, table.name)).filter((column) => column !== 'sign')
    const list = columns.map((column) => `\`${column}\``).join(', ')
    // One cancel row per net live copy: a row written twice (a retried insert) is cancelled twice.
    await client.command({
      query: `INSERT INTO ${table.name} (${list}, sign)
        SELECT ${list}, -1 FROM (
          SELECT ${list}, sum(sign) AS _net FROM ${table.name} WHERE block_number > ${height}
          GROUP BY ${list} HAVING _net > 0
        ) ARRAY JOIN range(toUInt64(_net)) AS _copy`,
    })
  }
  return removed
}

async function columnsOf(client: ClickHouseClient, table: string): Promise<string[]> {
  const rows = await (
    await client.query({
      query: `SELECT name FROM system.columns WHERE database = currentDatabase() AND table = {table:String} ORDER BY position`,
      query_params: { table },
      format: 'JSONEachRow',
    })
  ).json<{ name: string }>()
  return rows.map((row) => row.name)
}

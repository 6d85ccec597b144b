import type { ClickHouseClient } from '@clickhouse/client'

/**
 * Settings every API read needs: 64- to 256-bit integers as JSON strings (never rounded through
 * doubles). The indexer's client already runs with it; a standalone client may not. NOTE: on chDB a
 * per-query setting sticks to the session, which is harmless here because the indexer sets the same
 * value.
 */
const readSettings = { output_format_json_quote_64bit_integers: 1 } as const

/**
 * Runs one parameterised ClickHouse query (`{name:Type}` placeholders bound from `params`) and
 * returns its rows. 64-bit and wider integers arrive as strings.
 *
 * @example
 * const rows = await clickhouseRows<{ n: string }>(client, 'SELECT count() AS n FROM events WHERE round = {round:UInt64}', { round: 5 })
 */
export async function clickhouseRows<T>(client: ClickHouseClient, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await client.query({ query, format: 'JSONEachRow', clickhouse_settings: readSettings, ...(Object.keys(params).length > 0 ? { query_params: params } : {}) })
  return result.json<T>()
}

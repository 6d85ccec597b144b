import { createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client'
import { createChdbConnection } from 'chdb/connection'
import { ChdbDirectoryLockedError } from './errors.ts'

/**
 * Settings every Peerscope ClickHouse connection runs with (indexer-stack.md §6.3, §7.5).
 *
 * - `output_format_json_quote_64bit_integers`: 64- to 256-bit integers come back as JSON strings;
 *   otherwise they are rounded through doubles (`18446744073709552000`).
 * - `output_format_json_quote_decimals`: the same for Decimal columns.
 * - `async_insert = 0`: each INSERT creates its part before it returns, so the sink's read-after-write
 *   checks (duplicate guard, rollback read-back) see it.
 * - `insert_deduplicate = 0`: identical cancel-row blocks must never be dropped (Replicated engines).
 * - `date_time_input_format = 'best_effort'`: ISO timestamps are accepted.
 * - `session_timezone = 'UTC'`: days and months are UTC whatever the server's zone.
 */
export const clickhouseSettings = {
  output_format_json_quote_64bit_integers: 1,
  output_format_json_quote_decimals: 1,
  async_insert: 0,
  insert_deduplicate: 0,
  date_time_input_format: 'best_effort',
  session_timezone: 'UTC',
} as const satisfies ClickHouseSettings

/** Parameters for {@link createClickhouse}: exactly one of `url` and `path`. */
export type CreateClickhouseParameters = {
  /** clickhouse-server HTTP(S) URL (from `CLICKHOUSE_URL` through the runner's config). */
  url?: string | undefined
  /** Embedded chDB data directory (absolute path), or `':memory:'` for a temporary one. */
  path?: string | undefined
  /** Database to use; created if missing. Default `default`. Tests use one per case. */
  database?: string | undefined
}

/** Return type of {@link createClickhouse}: a plain `@clickhouse/client` client. */
export type CreateClickhouseReturnType = ClickHouseClient

/** Error types {@link createClickhouse} may throw. */
export type CreateClickhouseErrorType = ChdbDirectoryLockedError | Error

/**
 * Opens a `@clickhouse/client` client on clickhouse-server (`url`) or on an embedded chDB data
 * directory (`path`, through `chdb/connection`), with {@link clickhouseSettings} applied for the
 * connection's whole life.
 *
 * chDB rules (indexer-stack.md §7.3): only one process may open a directory (a second one gets
 * {@link ChdbDirectoryLockedError}; the lock goes away when the owner exits, even after kill -9),
 * and one process may have only one directory open. In embedded mode the indexer process owns the
 * directory and hosts the API: hand this client to the API, or call `createClickhouse` again with
 * the same `path` for a second session (queries on one session run one at a time; sessions run in
 * parallel, up to `UV_THREADPOOL_SIZE`). Close every client to release the directory.
 *
 * Why a `SET` per chDB session instead of per-query `clickhouse_settings`: `chdb/connection` has no
 * connection arguments, and it turns `clickhouse_settings` into sticky `SET`s prefixed to every
 * query (§7.4); settings are per session, so they are set once here.
 *
 * @see shared/spec/indexer-stack.md §7
 * @param parameters `url` or `path`, and an optional `database`.
 * @returns A ready client (the settings are in effect when the promise resolves).
 * @example
 * const client = await createClickhouse({ path: '/var/lib/peerscope/chdb' })
 * const rows = await (await client.query({ query: 'SELECT 1 AS one', format: 'JSONEachRow' })).json()
 */
export async function createClickhouse(parameters: CreateClickhouseParameters): Promise<CreateClickhouseReturnType> {
  const { url, path, database = 'default' } = parameters
  if ((url === undefined) === (path === undefined)) throw new Error('createClickhouse: pass exactly one of `url` and `path`.')
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new Error(`createClickhouse: invalid database name ${JSON.stringify(database)}.`)

  if (url !== undefined) {
    if (database !== 'default') {
      const admin = createClient({ url, clickhouse_settings: clickhouseSettings })
      try {
        await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` })
      } finally {
        await admin.close()
      }
    }
    return createClient({ url, database, clickhouse_settings: clickhouseSettings })
  }

  const connection = openChdb(path as string)
  // NOTE: chdb/connection implements client-common's Connection; the client bundles its own copy
  // of that type, identical in shape.
  const client = createClient({ connection: connection as never })
  try {
    const sets = Object.entries(clickhouseSettings).map(([key, value]) => `SET ${key} = ${typeof value === 'string' ? `'${value}'` : value}`)
    for (const query of sets) await client.command({ query })
    if (database !== 'default') {
      await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` })
      await client.command({ query: `USE ${database}` })
    }
  } catch (error) {
    await client.close()
    throw error
  }
  return client
}

function openChdb(path: string) {
  try {
    return createChdbConnection({ path })
  } catch (error) {
    const text = `${error instanceof Error ? error.message : String(error)} ${error instanceof Error && error.cause instanceof Error ? error.cause.message : ''}`
    if (/only one active data directory/i.test(text)) throw new ChdbDirectoryLockedError({ path, reason: 'otherDirectoryOpen', cause: error })
    if ((error as { code?: unknown }).code === 'CHDB_CONNECTION' || /Failed to create connection/i.test(text))
      throw new ChdbDirectoryLockedError({ path, reason: 'locked', cause: error })
    throw error
  }
}

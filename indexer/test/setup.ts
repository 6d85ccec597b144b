// Shared fixtures of the indexer's end-to-end tests: the indexer as a child process (as in
// production, and so it can be SIGKILLed), one database per run on a shared embedded Postgres,
// and store fingerprints to compare runs.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { DataSource } from 'typeorm'
import { createClickhouse, createClickhouseSink } from '../src/clickhouse/index.ts'

const bin = fileURLToPath(new URL('../../cli/bin/peerscope.js', import.meta.url))

/** A spawned `peerscope index`. */
export type IndexerProcess = { child: ChildProcess; exited: Promise<number | null>; output: () => string }

/** Spawns `peerscope index --network devnet` with its stores under `dataDir` and Postgres at `dbUrl`. */
export function spawnIndexer({ manifest, dataDir, dbUrl, toBlock }: { manifest: string; dataDir: string; dbUrl: string; toBlock?: number }): IndexerProcess {
  const args = [bin, '--log-format', 'json', 'index', '--network', 'devnet', '--manifest', manifest, '--data-dir', dataDir, '--metrics-port', '0']
  if (toBlock !== undefined) args.push('--to-block', String(toBlock))
  const child = spawn(process.execPath, args, { env: { ...process.env, DB_URL: dbUrl }, stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  child.stdout?.on('data', (chunk) => (text += chunk))
  child.stderr?.on('data', (chunk) => (text += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, exited, output: () => text.slice(-4_000) }
}

/** Creates a fresh database next to `url`'s and returns its URL. */
export async function createDatabase(url: string, name: string): Promise<string> {
  await query(url, `DROP DATABASE IF EXISTS "${name}"`)
  await query(url, `CREATE DATABASE "${name}"`)
  const next = new URL(url)
  next.pathname = `/${name}`
  return next.toString()
}

/** Runs one query on a database. */
export async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const dataSource = await new DataSource({ type: 'postgres', url }).initialize()
  try {
    return (await dataSource.query(sql, values)) as T[]
  } finally {
    await dataSource.destroy()
  }
}

/** A fingerprint of every entity table (md5 of its rows in order) and of the cursor. */
export async function postgresFingerprint(url: string): Promise<Record<string, string>> {
  const tables = await query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`)
  const out: Record<string, string> = {}
  for (const { tablename } of tables) {
    const [row] = await query<{ n: string; h: string | null }>(url, `SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${tablename}" t`)
    out[tablename] = `${row?.n}:${row?.h}`
  }
  const [status] = await query<{ height: number; hash: string }>(url, 'SELECT height, hash FROM squid_processor.status WHERE id = 0')
  out['squid_processor.status'] = `${status?.height}:${status?.hash}`
  return out
}

/** The exact reads of the ClickHouse sink (events, rollups), as JSON, from a chDB directory. */
export async function clickhouseFingerprint(path: string): Promise<Record<string, string>> {
  const client = await createClickhouse({ path })
  try {
    const { read } = createClickhouseSink({ client })
    const json = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v))
    return {
      events: json(await read.events()),
      orchestratorRounds: json(await read.orchestratorRounds()),
      delegatorRounds: json(await read.delegatorRounds()),
      dailyTotals: json(await read.dailyTotals()),
      entityHistory: json(
        await (await client.query({ query: 'SELECT entity, id, block_number, data FROM entity_history FINAL ORDER BY entity, id, block_number', format: 'JSONEachRow' })).json(),
      ),
    }
  } finally {
    await client.close()
  }
}

/** Polls `check` every 50 ms until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

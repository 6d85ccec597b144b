// Test fixture process: indexes a devnet with the indexer in this process (embedded Postgres +
// chDB, as `peerscope up` runs them) until it reaches `head`, then serves the API on the indexer's
// ClickHouse client while the indexer keeps following the chain. Prints one JSON line
// `{ graphqlUrl, url, dbUrl, head }` on stdout when ready; SIGTERM stops the API and the
// indexer's stores, then exits.
// Usage: tsx serveIndexedDevnet.ts <manifest> <dataDir> <head> [apiPort] [rateLimit: on|off]
import { startIndexer } from '@peerscope/indexer'
import { createLeaderboardRoutes } from '@peerscope/nodes/leaderboard'
import pg from 'pg'
import { startApiServer } from '../startApiServer.ts'

const [manifest, dataDir, toBlock, apiPort, rateLimit = 'on'] = process.argv.slice(2)
if (!manifest || !dataDir || !toBlock) throw new Error('usage: serveIndexedDevnet.ts <manifest> <dataDir> <head> [apiPort]')
const log = (level: string) => (fields: object, message?: string) => process.stderr.write(`${JSON.stringify({ level, message, ...fields })}\n`)
const logger = { info: log('info'), warn: log('warn'), error: log('error') }
const cleanups: (() => Promise<void> | void)[] = []
const indexer = await startIndexer({
  flags: { network: 'devnet', manifest, dataDir, metricsPort: 0 },
  logger,
  onShutdown: (cleanup) => cleanups.push(cleanup),
})
// NOTE: no --to-block: a processor whose range ends exits the process once the chain moves on, and
// the tests mine blocks to see the API follow the indexed head.
const cursor = new pg.Pool({ connectionString: indexer.dbUrl, max: 1 })
for (;;) {
  const { rows } = await cursor.query(
    'SELECT max(height) AS height FROM (SELECT height FROM squid_processor.status UNION ALL SELECT height FROM squid_processor.hot_block) s',
  ).catch(() => ({ rows: [] as { height: number | null }[] }))
  if (Number(rows[0]?.height ?? -1) >= Number(toBlock)) break
  await new Promise((resolve) => setTimeout(resolve, 100))
}
await cursor.end()
// NOTE: clients are told apart by X-Forwarded-For, so a test can exhaust its own rate-limit bucket
// while every other request (each with its own address) passes; `/test/echo` exercises the routes hook
// and the nodes workspace's leaderboard routes (sample ingest) are wired as `peerscope up` wires them.
const api = await startApiServer({
  port: Number(apiPort ?? 0),
  dbUrl: indexer.dbUrl,
  clickhouse: indexer.clickhouse,
  logger,
  trustProxy: true,
  rateLimit: rateLimit === 'off' ? false : { requestsPerSecond: 5, burst: 10 },
  chainHead: () => Number(toBlock) + 5,
  routes: [
    async () => undefined,
    createLeaderboardRoutes({ clickhouse: indexer.clickhouse }),
    async (request) =>
      new URL(request.url).pathname === '/test/echo' ? Response.json({ method: request.method, body: request.method === 'POST' ? await request.text() : null }, { status: 201 }) : undefined,
  ],
})
process.stdout.write(`${JSON.stringify({ graphqlUrl: api.graphqlUrl, url: api.url, dbUrl: indexer.dbUrl, head: Number(toBlock) })}\n`)
process.once('SIGTERM', async () => {
  await api.stop()
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {})
  process.exit(0)
})

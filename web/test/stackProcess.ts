// The data side of the explorer's browser tests and benchmark, as its own process: a devnet
// (history only), `peerscope index` in-process up to the head (embedded Postgres + chDB under a
// temp dir), then the API on port 0 reading through the indexer's ClickHouse client.
//
// NOTE: a separate process because a running Subsquid processor never returns (see cli/src/commands/up.ts)
// and chDB allows one process per data dir; the parent talks to the API over HTTP.
// Protocol: prints one `READY <json>` line on stdout; exits after cleaning up on SIGTERM / SIGINT or
// when its stdin closes (the parent died).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDevnet, silentLogger } from '@peerscope/nodes'
import { startIndexer } from '@peerscope/indexer'
import { startApiServer } from '@peerscope/api'

const log = (level: string) => (fields: object, message?: string) => process.stderr.write(`${JSON.stringify({ level, msg: message, ...fields })}\n`)
const logger = { info: log('info'), warn: log('warn'), error: log('error'), debug: () => {}, trace: () => {}, fatal: log('fatal') }

const cleanups: (() => Promise<void> | void)[] = []
// Run before the stores: the processor may end the process once its Postgres is gone, and anvil
// must not outlive us.
const first: (() => Promise<void> | void)[] = []
let stopping = false
async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  // NOTE: each step gets 8 s: a hung step (an HTTP server waiting on keep-alive sockets) must not
  // keep the later ones (anvil, Postgres) from running before the parent's SIGKILL.
  for (const cleanup of [...first.reverse(), ...cleanups.reverse()]) {
    const timeout = new Promise<void>((resolve) => setTimeout(() => {
      logger.warn({}, 'cleanup step timed out')
      resolve()
    }, 8_000).unref())
    await Promise.race([Promise.resolve(cleanup()).catch((error: unknown) => logger.warn({ error: String(error) }, 'cleanup failed')), timeout])
  }
  process.exit(code)
}
process.once('SIGTERM', () => void shutdown(0))
process.once('SIGINT', () => void shutdown(0))
process.stdin.on('end', () => void shutdown(0))
process.stdin.resume()

try {
  const dir = mkdtempSync(join(tmpdir(), 'peerscope-web-'))
  // NOTE: as root, embedded Postgres runs as `postgres`, which must be able to enter the directory.
  chmodSync(dir, 0o755)
  // NOTE: also on exit: the processor may end the process when its Postgres goes away mid-shutdown.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const manifestPath = join(dir, 'devnet.json')
  const devnet = await createDevnet({ port: 0, live: false, manifestPath, seed: process.env.PEERSCOPE_WEB_SEED ?? 'peerscope', logger: silentLogger })
  first.push(() => devnet.stop())
  const head = Number(
    ((await (await fetch(devnet.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }) })).json()) as { result: string }).result,
  )
  let reached!: () => void
  const done = new Promise<void>((resolve) => (reached = resolve))
  const indexer = await startIndexer({
    flags: { network: 'devnet', manifest: manifestPath, dataDir: join(dir, 'indexer'), metricsPort: 0, toBlock: head },
    logger,
    onShutdown: (cleanup) => void cleanups.push(cleanup),
    onDone: () => reached(),
  })
  await done
  // The devnet has no live blocks: its head is the chain head the lag banner compares with.
  const api = await startApiServer({ port: 0, dbUrl: indexer.dbUrl, clickhouse: indexer.clickhouse, logger, chainHead: () => head })
  first.push(() => api.stop())
  // A second API over the same stores that believes the chain is 10,000 blocks ahead: the lag banner's case.
  const lagging = await startApiServer({ port: 0, dbUrl: indexer.dbUrl, clickhouse: indexer.clickhouse, logger, chainHead: () => head + 10_000 })
  first.push(() => lagging.stop())
  process.stdout.write(`READY ${JSON.stringify({ apiUrl: api.graphqlUrl, laggingApiUrl: lagging.graphqlUrl, rpcUrl: devnet.rpcUrl, manifestPath, head })}\n`)
} catch (error) {
  logger.error({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, 'explorer stack failed to start')
  await shutdown(1)
}

import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createDevnet } from '@peerscope/nodes'
import { createIndexerMetrics, startIndexer } from '@peerscope/indexer'
import { waitForSignal, type Common } from '../common.ts'
import { createDevnetProgressRenderer } from './devnet.ts'
import { renderIndexerProgress } from './index.ts'
import { startPeerscopeApi } from './serve.ts'
import { startPeerscopeWeb } from './web.ts'
import { driveTraffic, loadManifest, startCliGateway, startCliOrchestrator, type OrchestratorCommandOptions } from './node.ts'

/** Every service `up` knows, in start order. */
export const services = ['devnet', 'indexer', 'api', 'web', 'nodes'] as const
export type Service = (typeof services)[number]

/** Services `up` starts by default (all of them). */
const available: readonly Service[] = ['devnet', 'indexer', 'api', 'web', 'nodes']

/** The demo network `up` starts: a cheap small orchestrator, a mid-priced one, a pricey big one. */
const demoOrchestrators: Pick<OrchestratorCommandOptions, 'pricePerUnit' | 'pixelsPerUnit' | 'rewardCut' | 'feeShare' | 'maxSessions' | 'capacity'>[] = [
  { pricePerUnit: '800', pixelsPerUnit: '1', rewardCut: '50000', feeShare: '600000', maxSessions: 2, capacity: 1 },
  { pricePerUnit: '1200', pixelsPerUnit: '1', rewardCut: '100000', feeShare: '500000', maxSessions: 4, capacity: 1 },
  { pricePerUnit: '2000', pixelsPerUnit: '1', rewardCut: '200000', feeShare: '250000', maxSessions: 8, capacity: 2 },
]

/** Flags of `peerscope up`. */
export type UpCommandOptions = {
  dataDir: string
  chainPort: number
  apiPort: number
  webPort: number
  metricsPort: number
  only?: string
  seed: string
  asArbitrum: boolean
}

/** What `ready.json` holds: where each started service answers, null for those not started. */
export type ReadyFile = { rpcUrl: string | null; graphqlUrl: string | null; webUrl: string | null; manifest: string | null; metricsUrl: string | null }

/** Parses `--only`, rejecting unknown or not-yet-built services with a clear message. */
export function parseOnly(only: string | undefined): Service[] {
  if (only === undefined) return [...available]
  const requested = only.split(',').map((name) => name.trim()).filter(Boolean)
  if (requested.length === 0) throw new Error('--only needs at least one service')
  for (const name of requested) {
    if (!services.includes(name as Service)) throw new Error(`--only: unknown service "${name}" (known: ${services.join(', ')})`)
    if (!available.includes(name as Service)) throw new Error(`--only: service "${name}" is not part of this version yet (available: ${available.join(', ')})`)
  }
  // NOTE: embedded chDB admits one process, so the API is hosted by the indexer's process.
  if (requested.includes('api') && !requested.includes('indexer')) throw new Error('--only: "api" runs inside the indexer\'s process; add "indexer"')
  return requested as Service[]
}

/**
 * `peerscope up`: the whole stack on a devnet. Writes `<data-dir>/ready.json` atomically once every
 * started service answers, and stops everything cleanly on Ctrl-C.
 */
export async function runUpCommand(common: Common, options: UpCommandOptions): Promise<void> {
  const { logger } = common
  let selected: Service[]
  try {
    selected = parseOnly(options.only)
  } catch (error) {
    logger.error((error as Error).message)
    process.exitCode = 2
    return
  }
  const dataDir = resolve(options.dataDir)
  await mkdir(dataDir, { recursive: true })
  const ready: ReadyFile = { rpcUrl: null, graphqlUrl: null, webUrl: null, manifest: null, metricsUrl: null }

  const stopping = waitForSignal(common)
  if (selected.includes('devnet')) {
    const manifestPath = join(dataDir, 'devnet.json')
    const devnet = await createDevnet({
      port: options.chainPort,
      manifestPath,
      seed: options.seed,
      live: true,
      asArbitrum: options.asArbitrum,
      logger: logger.child({ service: 'devnet' }),
      onProgress: createDevnetProgressRenderer(common),
    })
    common.onShutdown(() => devnet.stop())
    ready.rpcUrl = devnet.rpcUrl
    ready.manifest = manifestPath
    logger.info({ rpcUrl: devnet.rpcUrl, manifest: manifestPath }, 'devnet ready')
  }

  if (selected.includes('indexer') && !common.isShuttingDown()) {
    // NOTE: state (embedded Postgres, chDB) lives under the data dir; the devnet is new each run,
    // so the indexer state from an earlier chain is wiped first (spec indexer-stack.md §0 rule 4).
    if (selected.includes('devnet')) {
      await rm(join(dataDir, 'postgres'), { recursive: true, force: true })
      await rm(join(dataDir, 'chdb'), { recursive: true, force: true })
    }
    const metrics = createIndexerMetrics()
    const indexer = await startIndexer({
      flags: { network: 'devnet', manifest: join(dataDir, 'devnet.json'), dataDir, metricsPort: options.metricsPort },
      logger: logger.child({ service: 'indexer' }),
      metrics,
      onShutdown: common.onShutdown,
    })
    ready.metricsUrl = indexer.metricsUrl
    if (selected.includes('api')) {
      // NOTE: embedded chDB admits one process: the API lives in the indexer's process.
      const api = await startPeerscopeApi({ common, dbUrl: indexer.dbUrl, clickhouse: indexer.clickhouse, port: options.apiPort, metrics })
      ready.graphqlUrl = api.graphqlUrl
    }
    const stopProgress = renderIndexerProgress(common, metrics)
    // Ready once the indexer reached the chain head.
    while (!metrics.snapshot().caughtUp && !common.isShuttingDown()) await new Promise((resolve) => setTimeout(resolve, 200))
    stopProgress()
    logger.info({ metrics: `${indexer.metricsUrl}/metrics`, height: metrics.snapshot().indexedHeight }, 'indexer at the head')
  }

  if (selected.includes('web') && !common.isShuttingDown()) {
    const apiUrl = ready.graphqlUrl ?? process.env.API_URL ?? `http://127.0.0.1:${options.apiPort}/graphql`
    const web = await startPeerscopeWeb(common, { port: options.webPort, apiUrl })
    ready.webUrl = web.url
  }

  if (selected.includes('nodes') && !common.isShuttingDown()) {
    const manifest = await loadManifest(join(dataDir, 'devnet.json'))
    // Three orchestrators that differ the way a delegator compares them: price, capacity, cuts.
    const orchestrators = []
    for (const [i, setup] of demoOrchestrators.entries()) {
      if (common.isShuttingDown()) return
      orchestrators.push(await startCliOrchestrator(common, manifest, { host: '127.0.0.1', port: 0, localWorker: true, ai: i === 0, ...setup }))
    }
    const gateway = await startCliGateway(common, manifest, { orchestrators: orchestrators.map((o) => o.url).join(',') })
    const traffic = new AbortController()
    common.onShutdown(() => traffic.abort())
    const apiUrl = ready.graphqlUrl?.replace(/\/graphql$/, '')
    void driveTraffic(common, gateway, { streams: 1, region: 'GLOBAL', apiUrl, signal: traffic.signal })
    logger.info({ orchestrators: orchestrators.map((o) => o.url), gateway: gateway.address }, 'nodes running: a gateway streams to three orchestrators')
  }

  if (common.isShuttingDown()) return
  const readyPath = join(dataDir, 'ready.json')
  await writeFile(`${readyPath}.tmp`, `${JSON.stringify(ready, null, 2)}\n`)
  await rename(`${readyPath}.tmp`, readyPath)
  logger.info({ ready: readyPath, ...ready }, 'peerscope is up; Ctrl-C stops')
  process.stdout.write(`${readyPath}\n`)
  await stopping
  // NOTE: a running processor never returns on its own; everything is stopped, so leave now.
  if (selected.includes('indexer')) process.exit(process.exitCode ?? 0)
}

import type { ClickHouseClient } from '@clickhouse/client'
import { startApiServer, type StartApiServerReturnType } from '@peerscope/api'
import { createClickhouse, createIndexerMetrics, startIndexer, storeUrls, type IndexerMetrics, type IndexerNetwork } from '@peerscope/indexer'
import { createLeaderboardRoutes } from '@peerscope/nodes/leaderboard'
import { waitForSignal, type Common } from '../common.ts'
import { indexerFlags, renderIndexerProgress } from './index.ts'

/** Flags of `peerscope serve`. */
export type ServeCommandOptions = {
  port: number
  host: string
  network: IndexerNetwork
  manifest?: string
  dataDir: string
  metricsPort: number
  rateLimit: number
  ingestToken?: string
}

/** Parameters for {@link startPeerscopeApi}. */
export type StartPeerscopeApiParameters = {
  common: Common
  dbUrl: string
  clickhouse: ClickHouseClient
  port: number
  host?: string
  /** Requests per second per IP; 0 disables the limit. */
  rateLimit?: number
  ingestToken?: string | undefined
  metrics?: IndexerMetrics
}

/**
 * The API as every command starts it: GraphQL plus the leaderboard REST routes and the benchmark
 * sample ingest (nodes.md §12), which write through this process because in embedded mode it is
 * the one that owns chDB.
 */
export async function startPeerscopeApi({ common, dbUrl, clickhouse, port, host = '127.0.0.1', rateLimit = 100, ingestToken, metrics }: StartPeerscopeApiParameters): Promise<StartApiServerReturnType> {
  const logger = common.logger.child({ service: 'api' })
  const api = await startApiServer({
    port,
    host,
    dbUrl,
    clickhouse,
    logger,
    routes: [createLeaderboardRoutes({ clickhouse, ingestToken, logger })],
    rateLimit: rateLimit === 0 ? false : { requestsPerSecond: rateLimit, burst: rateLimit * 2 },
    // NOTE: sample ingest posts up to thousands of rows at once; GraphQL documents stay bounded by the token limit.
    maxBodyBytes: 10 * 1024 * 1024,
    ...(metrics ? { chainHead: () => metrics.snapshot().chainHead } : {}),
  })
  common.onShutdown(() => api.stop())
  logger.info({ graphql: api.graphqlUrl }, 'api serving')
  return api
}

/**
 * `peerscope serve`: the GraphQL API. With `DB_URL` and `CLICKHOUSE_URL` it runs on its own (scale
 * out behind a load balancer); with embedded stores chDB admits one process per data directory, so
 * this process indexes too and serves from the indexer's own client.
 */
export async function runServeCommand(common: Common, options: ServeCommandOptions): Promise<void> {
  const { logger } = common
  const stopping = waitForSignal(common)
  const { dbUrl, clickhouseUrl } = storeUrls()
  if (dbUrl && clickhouseUrl) {
    const clickhouse = await createClickhouse({ url: clickhouseUrl })
    common.onShutdown(() => clickhouse.close())
    await startPeerscopeApi({ common, dbUrl, clickhouse, port: options.port, host: options.host, rateLimit: options.rateLimit, ingestToken: options.ingestToken })
    await stopping
    return
  }
  logger.info('embedded stores (no DB_URL and CLICKHOUSE_URL): this process indexes and serves')
  const metrics = createIndexerMetrics()
  const indexer = await startIndexer({
    flags: indexerFlags(options),
    logger: logger.child({ service: 'indexer' }),
    metrics,
    onShutdown: common.onShutdown,
  })
  await startPeerscopeApi({ common, dbUrl: indexer.dbUrl, clickhouse: indexer.clickhouse, port: options.port, host: options.host, rateLimit: options.rateLimit, ingestToken: options.ingestToken, metrics })
  common.onShutdown(renderIndexerProgress(common, metrics))
  await stopping
  // NOTE: the processor's loop never returns on its own; stores are closed, so leave now.
  process.exit(process.exitCode ?? 0)
}

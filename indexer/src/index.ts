// @peerscope/indexer: the Subsquid processor writing Livepeer entities to Postgres and facts to
// ClickHouse. `startIndexer` is what `peerscope index` and `peerscope up` run.
import { resolveIndexerConfig, type IndexerFlags } from './config.ts'
import { createEntityHandlers } from './handlers/index.ts'
import { runIndexer, type IndexerLogger, type RunningIndexer } from './main.ts'
import { createIndexerMetrics, type IndexerMetrics } from './metrics/index.ts'

export { indexerNetworks, resolveIndexerConfig, storeUrls, type IndexerConfig, type IndexerFlags, type IndexerNetwork } from './config.ts'
export { IndexerConfigError, IndexerError, IndexerInvariantError, LogDecodeError } from './errors/base.ts'
export { createClickhouse, migrate as migrateClickhouse } from './clickhouse/index.ts'
export { createIndexerMetrics, startMetricsServer, type IndexerMetrics, type IndexerSnapshot } from './metrics/index.ts'
export { runIndexer, type HandleBatch, type IndexerLogger, type IndexerStages, type RunIndexerParameters, type RunningIndexer } from './main.ts'
export type { DecodedLog } from './decode/index.ts'

/** Parameters for {@link startIndexer}. */
export type StartIndexerParameters = {
  flags: IndexerFlags
  logger: IndexerLogger
  metrics?: IndexerMetrics
  onShutdown?: (cleanup: () => Promise<void> | void) => void
  /** Called once `--to-block` is committed; default exit 0. */
  onDone?: () => void
}

/**
 * Resolves the config (flags + `RPC_URL`, `GATEWAY_URL`, `DB_URL`, `CLICKHOUSE_URL`), wires the
 * entity handlers, and runs the indexer in this process. The processor then owns the process: it
 * exits 0 at `--to-block`, 1 on a fatal error.
 *
 * @example
 * const { metrics } = await startIndexer({ flags: { network: 'devnet', dataDir: '.peerscope' }, logger })
 */
export async function startIndexer({ flags, logger, metrics = createIndexerMetrics(), onShutdown, onDone }: StartIndexerParameters): Promise<RunningIndexer> {
  const config = await resolveIndexerConfig({ flags })
  const handlers = createEntityHandlers({ preset: config.preset })
  return runIndexer({ config, logger, metrics, stages: { handleBatch: (store, logs) => handlers.handleBatch(store, logs) }, ...(onShutdown ? { onShutdown } : {}), ...(onDone ? { onDone } : {}) })
}

import { startIndexer, type IndexerFlags, type IndexerMetrics, type IndexerNetwork } from '@peerscope/indexer'
import { createIndexerMetrics } from '@peerscope/indexer'
import { waitForSignal, type Common } from '../common.ts'
import { createProgress } from '../ui/progress.ts'

/** Flags of `peerscope index`. */
export type IndexCommandOptions = {
  network: IndexerNetwork
  manifest?: string
  dataDir: string
  metricsPort: number
  toBlock?: number
  rpcRateLimit?: number
}

/** The indexer's flags from a command's options (unset options stay unset, so defaults apply). */
export function indexerFlags(options: Omit<IndexCommandOptions, 'toBlock' | 'rpcRateLimit'> & Partial<IndexCommandOptions>): IndexerFlags {
  return {
    network: options.network,
    dataDir: options.dataDir,
    metricsPort: options.metricsPort,
    ...(options.manifest === undefined ? {} : { manifest: options.manifest }),
    ...(options.toBlock === undefined ? {} : { toBlock: options.toBlock }),
    ...(options.rpcRateLimit === undefined ? {} : { rpcRateLimit: options.rpcRateLimit }),
  }
}

/**
 * `peerscope index`: runs the indexer in this process until Ctrl-C (or `--to-block`), with a
 * progress bar on a terminal and log lines otherwise.
 */
export async function runIndexCommand(common: Common, options: IndexCommandOptions): Promise<void> {
  const { logger } = common
  const stopping = waitForSignal(common)
  const metrics = createIndexerMetrics()
  const running = await startIndexer({
    flags: indexerFlags(options),
    logger: logger.child({ service: 'indexer' }),
    metrics,
    onShutdown: common.onShutdown,
    onDone: () => void common.shutdown('--to-block reached').then(() => process.exit(0)),
  })
  logger.info({ metrics: `${running.metricsUrl}/metrics`, health: `${running.metricsUrl}/health` }, 'indexer running')
  common.onShutdown(renderIndexerProgress(common, metrics))
  await stopping
  // NOTE: the processor's loop never returns on its own; stores are closed, so leave now.
  process.exit(process.exitCode ?? 0)
}

/**
 * Renders indexing progress from the metrics snapshot (height, blocks/s, events/s, ETA): a bar on a
 * terminal, a log line every 5 s otherwise. Returns a stop function.
 */
export function renderIndexerProgress(common: Common, metrics: IndexerMetrics): () => void {
  const progress = createProgress({
    label: 'index',
    total: 1,
    unit: 'blocks',
    interactive: common.interactive,
    logger: common.logger.child({ service: 'indexer' }),
    format: '{blocksPerSecond} blocks/s | {eventsPerSecond} events/s | lag {lag}',
  })
  const timer = setInterval(() => {
    const snapshot = metrics.snapshot()
    if (snapshot.indexedHeight < 0) return
    progress.setTotal(Math.max(1, snapshot.chainHead))
    progress.update(snapshot.indexedHeight, {
      blocksPerSecond: Math.round(snapshot.blocksPerSecond),
      eventsPerSecond: Math.round(snapshot.eventsPerSecond),
      lag: snapshot.lagBlocks,
    })
  }, 500)
  timer.unref()
  return () => {
    clearInterval(timer)
    progress.stop()
  }
}

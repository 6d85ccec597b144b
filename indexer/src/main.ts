import type { ClickHouseClient } from '@clickhouse/client'
import type { Store } from '@subsquid/typeorm-store'
import { createClickhouse, createClickhouseSink, type DelegatorRoundRow, type EntityHistoryRow, type OrchestratorRoundRow } from './clickhouse/index.ts'
import type { IndexerConfig } from './config.ts'
import { createCompositeDatabase, createPostgresDatabase } from './database/index.ts'
import { createDecoder, createRoundClock, readRoundParameters, type DecodedLog, type RoundClock, type RpcCall } from './decode/index.ts'
import { createIndexerMetrics, startMetricsServer, type IndexerMetrics } from './metrics/index.ts'
import { applyMigrations, createDataSourceOptions, startPostgres } from './postgres/index.ts'
import { createProcessor } from './processor.ts'

/** The logging the indexer needs (pino's shape). */
export type IndexerLogger = {
  info: (fields: object, message?: string) => void
  warn: (fields: object, message?: string) => void
  error: (fields: object, message?: string) => void
}

/** Rows for ClickHouse that only the entity handlers can compute (LIP-36 ledger state). */
export type HandlerFacts = {
  orchestratorRounds?: readonly OrchestratorRoundRow[]
  delegatorRounds?: readonly DelegatorRoundRow[]
  /** Versions of the time-travel entities (Protocol, Transcoder, Delegator) per changed block. */
  entityHistory?: readonly EntityHistoryRow[]
}

/** Entity handlers (Postgres): called once per batch with the batch's decoded logs. */
export type HandleBatch = (store: Store, logs: DecodedLog[]) => Promise<HandlerFacts | void>

/** The stage implementations main wires together. */
export type IndexerStages = { handleBatch: HandleBatch }

/** Parameters for {@link runIndexer}. */
export type RunIndexerParameters = {
  config: IndexerConfig
  logger: IndexerLogger
  stages: IndexerStages
  metrics?: IndexerMetrics
  /** Registers a cleanup run on shutdown (embedded Postgres, chDB, metrics server). */
  onShutdown?: (cleanup: () => Promise<void> | void) => void
  /**
   * Called once `config.toBlock` is committed (hot blocks included: the processor alone would wait
   * for it to become final). Default: exit 0. The CLI runs its shutdown registry first.
   */
  onDone?: () => void
}

/**
 * What {@link runIndexer} returns once the processor is running. `clickhouse` is the client on the
 * store this process owns: in embedded mode (chDB allows one process per data directory) the API
 * must be hosted in this process and read through it.
 */
export type RunningIndexer = { metrics: IndexerMetrics; metricsUrl: string; dbUrl: string; clickhouse: ClickHouseClient }

/**
 * Starts the stores (embedded Postgres and chDB under the data dir unless `DB_URL` /
 * `CLICKHOUSE_URL`), applies migrations, and runs the processor: decode each batch, let the entity
 * handlers update Postgres, hand the facts to ClickHouse, commit. Resolves once running; the
 * processor then owns the process (it exits 0 at `toBlock`, 1 on a fatal error, spec §2.1).
 *
 * @see shared/spec/indexer-stack.md §2, §6.5
 *
 * @example
 * await runIndexer({ config, logger, stages })
 */
export async function runIndexer({ config, logger, stages, metrics = createIndexerMetrics(), onShutdown = () => {}, onDone = () => process.exit(0) }: RunIndexerParameters): Promise<RunningIndexer> {
  let dbUrl = config.dbUrl
  if (!dbUrl) {
    const postgres = await startPostgres({ dataDir: config.postgresDataDir })
    onShutdown(() => postgres.stop())
    dbUrl = postgres.url
    logger.info({ dataDir: config.postgresDataDir }, 'embedded postgres started')
  }
  await applyMigrations({ url: dbUrl })

  const clickhouse = await createClickhouse(config.clickhouseUrl ? { url: config.clickhouseUrl } : { path: config.chdbPath })
  onShutdown(() => clickhouse.close())
  const sink = createClickhouseSink({ client: clickhouse })
  await sink.migrate()
  const timings = { decodeMs: 0, handlersMs: 0, clickhouseMs: 0 }
  const timedSink: typeof sink = {
    ...sink,
    insert: async (batch) => {
      const started = performance.now()
      try {
        return await sink.insert(batch)
      } finally {
        timings.clickhouseMs += performance.now() - started
      }
    },
  }

  const server = await startMetricsServer({ metrics, port: config.metricsPort })
  onShutdown(() => server.stop())
  const stopHeadPoll = pollChainHead(config.rpc.url, metrics)
  onShutdown(stopHeadPoll)

  const preset = config.preset
  const roundsManager = preset.contracts.RoundsManager?.address
  let clock: RoundClock | undefined
  let done = false
  let stopping = false
  const database = createCompositeDatabase({
    postgres: createPostgresDatabase({ dataSourceOptions: createDataSourceOptions({ url: dbUrl }) }),
    sink: timedSink,
    onRollback: (height) => clock?.rollback(height),
    isStopping: () => stopping,
    onCommit: (height) => {
      if (config.toBlock === undefined || height < config.toBlock || done) return
      done = true
      logger.info({ height }, 'reached --to-block')
      onDone()
    },
  })

  // The processor's RPC client (retries, timeouts) of the batch being handled.
  let call: RpcCall = () => Promise.reject(new Error('no batch in progress'))
  let decoder: ReturnType<typeof createDecoder> | undefined
  const processor = createProcessor(config)
  processor.run(database, async (ctx) => {
    call = (method, params) => ctx._chain.client.call(method, params)
    const first = ctx.blocks[0]
    if (!first) return
    if (!clock || !decoder) {
      clock = createRoundClock({ initial: await initialRoundParameters(call, first.header.height - 1) })
      decoder = createDecoder({
        preset,
        clock,
        readRoundLength: async (height) => {
          if (!roundsManager) return preset.roundLength
          return (await readRoundParameters({ call, roundsManager, height }))?.roundLength ?? preset.roundLength
        },
        onRoundMismatch: (log, computed) =>
          logger.warn({ id: log.id, eventRound: String(log.args.round), computed: String(computed) }, 'NewRound disagrees with the round clock'),
      })
    }
    const decodeStarted = performance.now()
    const logs = await decoder.decode(ctx.blocks)
    const handlersStarted = performance.now()
    if (logs.length > 0) ctx.store.writeFacts({ logs })
    const facts = await stages.handleBatch(ctx.store.entities, logs)
    timings.decodeMs += handlersStarted - decodeStarted
    timings.handlersMs += performance.now() - handlersStarted
    if (facts?.orchestratorRounds?.length || facts?.delegatorRounds?.length || facts?.entityHistory?.length) {
      // NOTE: the sink stamps round rows from their block's logs; those logs were just written and
      // are skipped as duplicates.
      const heights = new Set([...(facts.orchestratorRounds ?? []), ...(facts.delegatorRounds ?? [])].map((row) => row.blockNumber))
      const blockLogs = heights.size > 0 ? logs.filter((log) => heights.has(log.block.height)) : []
      ctx.store.writeFacts({ logs: blockLogs, orchestratorRounds: facts.orchestratorRounds, delegatorRounds: facts.delegatorRounds, entityHistory: facts.entityHistory })
    }
    const last = ctx.blocks[ctx.blocks.length - 1] ?? first
    metrics.recordBatch({ toHeight: last.header.height, blocks: ctx.blocks.length, events: logs.length, lastTimestampMs: last.header.timestamp, isHead: ctx.isHead })
    if (logs.length >= 10_000)
      logger.info({ height: last.header.height, events: logs.length, ...roundTimings(timings), clickhouseMsPreviousBatches: Math.round(timings.clickhouseMs) }, 'large batch')
  })

  // NOTE: on the devnet the manifest's parameters apply from genesis (the first setRoundLength
  // anchors at round blockNum / roundLength, i.e. a zero base); mid-history starts read the chain.
  async function initialRoundParameters(call: RpcCall, height: number) {
    const fallback = { lastRoundLengthUpdateRound: 0n, lastRoundLengthUpdateStartBlock: 0n, roundLength: preset.parameters?.roundLength ?? preset.roundLength }
    if (!roundsManager || height < 0) return fallback
    const onChain = await readRoundParameters({ call, roundsManager, height })
    return onChain && onChain.roundLength > 0n ? onChain : fallback
  }

  // NOTE: registered last so it runs first: the processor stops committing before its stores close.
  onShutdown(() => {
    stopping = true
  })
  return { metrics, metricsUrl: server.url, dbUrl, clickhouse }
}

function roundTimings(timings: Record<string, number>) {
  return Object.fromEntries(Object.entries(timings).map(([key, value]) => [key, Math.round(value)]))
}

/** Polls `eth_blockNumber` for the head gauge (progress and lag); errors only skip a sample. */
function pollChainHead(rpcUrl: string, metrics: IndexerMetrics): () => void {
  const httpUrl = rpcUrl.replace(/^ws/, 'http')
  const timer = setInterval(() => {
    fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
      signal: AbortSignal.timeout(2_000),
    })
      .then((response) => response.json() as Promise<{ result?: string }>)
      .then((body) => {
        if (body.result) metrics.setChainHead(Number(BigInt(body.result)))
      })
      .catch(() => {})
  }, 500)
  timer.unref()
  return () => clearInterval(timer)
}

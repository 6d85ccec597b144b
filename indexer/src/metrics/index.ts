import { Counter, Gauge, Registry } from 'prom-client'

export { startMetricsServer, type MetricsServer, type StartMetricsServerParameters } from './startMetricsServer.ts'

/** A point-in-time view of indexing progress: what `/health` and the progress bar show. */
export type IndexerSnapshot = {
  chainHead: number
  indexedHeight: number
  lagBlocks: number
  /** Seconds between now and the timestamp of the last indexed block. */
  lagSeconds: number
  blocksPerSecond: number
  eventsPerSecond: number
  eventsTotal: number
  /** True once a batch reached the chain head. */
  caughtUp: boolean
  startedAt: number
}

/** What {@link createIndexerMetrics} returns. */
export type IndexerMetrics = {
  registry: Registry
  setChainHead: (height: number) => void
  /** Records one committed batch. */
  recordBatch: (batch: { toHeight: number; blocks: number; events: number; lastTimestampMs: number; isHead: boolean }) => void
  snapshot: () => IndexerSnapshot
}

const windowMs = 10_000

/**
 * Prometheus metrics of the indexer (chain head, indexed height, lag, events/s) on their own
 * registry, plus a snapshot the progress UI renders from.
 *
 * @example
 * const metrics = createIndexerMetrics()
 * metrics.recordBatch({ toHeight: 120, blocks: 10, events: 42, lastTimestampMs: Date.now(), isHead: true })
 */
export function createIndexerMetrics(): IndexerMetrics {
  const registry = new Registry()
  const chainHead = new Gauge({ name: 'peerscope_indexer_chain_head', help: 'Latest block number seen on the chain', registers: [registry] })
  const indexedHeight = new Gauge({ name: 'peerscope_indexer_indexed_height', help: 'Last block committed to Postgres and ClickHouse', registers: [registry] })
  const lagBlocks = new Gauge({ name: 'peerscope_indexer_lag_blocks', help: 'Chain head minus indexed height', registers: [registry] })
  const lagSeconds = new Gauge({ name: 'peerscope_indexer_lag_seconds', help: 'Wall clock minus the last indexed block timestamp', registers: [registry] })
  const eventsPerSecond = new Gauge({ name: 'peerscope_indexer_events_per_second', help: 'Events indexed per second over the last 10 s', registers: [registry] })
  const blocksPerSecond = new Gauge({ name: 'peerscope_indexer_blocks_per_second', help: 'Blocks indexed per second over the last 10 s', registers: [registry] })
  const eventsTotal = new Counter({ name: 'peerscope_indexer_events_total', help: 'Events indexed since start', registers: [registry] })

  const state = { head: -1, height: -1, lastTimestampMs: 0, events: 0, caughtUp: false, startedAt: Date.now() }
  const window: { at: number; blocks: number; events: number }[] = []
  const rates = () => {
    const now = Date.now()
    while (window.length > 0 && (window[0] as (typeof window)[number]).at < now - windowMs) window.shift()
    const span = Math.max(1, Math.min(windowMs, now - state.startedAt)) / 1000
    let blocks = 0
    let events = 0
    for (const entry of window) {
      blocks += entry.blocks
      events += entry.events
    }
    return { blocksPerSecond: blocks / span, eventsPerSecond: events / span }
  }
  const refresh = () => {
    const lag = state.head >= 0 && state.height >= 0 ? Math.max(0, state.head - state.height) : 0
    lagBlocks.set(lag)
    const r = rates()
    eventsPerSecond.set(r.eventsPerSecond)
    blocksPerSecond.set(r.blocksPerSecond)
    if (state.lastTimestampMs > 0) lagSeconds.set(Math.max(0, (Date.now() - state.lastTimestampMs) / 1000))
    return { lag, ...r }
  }

  return {
    registry,
    setChainHead: (height) => {
      state.head = Math.max(state.head, height)
      chainHead.set(state.head)
      refresh()
    },
    recordBatch: ({ toHeight, blocks, events, lastTimestampMs, isHead }) => {
      state.height = toHeight
      state.lastTimestampMs = lastTimestampMs
      state.events += events
      if (isHead) state.caughtUp = true
      if (toHeight > state.head) state.head = toHeight
      chainHead.set(state.head)
      indexedHeight.set(toHeight)
      eventsTotal.inc(events)
      window.push({ at: Date.now(), blocks, events })
      refresh()
    },
    snapshot: () => {
      const { lag, blocksPerSecond, eventsPerSecond } = refresh()
      return {
        chainHead: state.head,
        indexedHeight: state.height,
        lagBlocks: lag,
        lagSeconds: state.lastTimestampMs > 0 ? Math.max(0, (Date.now() - state.lastTimestampMs) / 1000) : 0,
        blocksPerSecond,
        eventsPerSecond,
        eventsTotal: state.events,
        caughtUp: state.caughtUp,
        startedAt: state.startedAt,
      }
    },
  }
}

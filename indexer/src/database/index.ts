import type { Store, TypeormDatabase } from '@subsquid/typeorm-store'
import type { FactBatch } from '../clickhouse/index.ts'

export { createPostgresDatabase, type CreatePostgresDatabaseParameters } from './postgresDatabase.ts'

/** A block reference as the Subsquid runner passes it. */
export type HashAndHeight = { height: number; hash: string }
type FinalTxInfo = { prevHead: HashAndHeight; nextHead: HashAndHeight; isOnTop: boolean }
type HotTxInfo = { finalizedHead: HashAndHeight; baseHead: HashAndHeight; newBlocks: HashAndHeight[] }
type DatabaseState = HashAndHeight & { top: HashAndHeight[] }

/**
 * The ClickHouse side as the composite database drives it: idempotent on (block, log index),
 * with removal above a height for crash recovery and forks. Colleague B's sink satisfies it.
 */
export type FactSink = {
  /** Removes rows above the committed Postgres cursor (a crash between the two writes). */
  recover: (committedHeight: number) => Promise<unknown>
  /** Writes the facts of one batch; safe to repeat. */
  insert: (batch: FactBatch) => Promise<unknown>
  /** Removes rows of blocks above `height` (a fork). */
  rollback: (height: number) => Promise<unknown>
}

/** What the batch handler receives: the Postgres store and a ClickHouse writer. */
export type CompositeStore = {
  /** typeorm-store's Store: its writes roll back on forks. */
  entities: Store
  /**
   * Starts writing facts to ClickHouse now (so it overlaps the entity handlers); writes run in
   * call order, and the transaction waits for every one before Postgres commits the cursor.
   */
  writeFacts: (batch: FactBatch) => void
}

/** Parameters for {@link createCompositeDatabase}. */
export type CreateCompositeDatabaseParameters = {
  postgres: TypeormDatabase
  sink: FactSink
  /** Told when blocks above `height` were rolled back (a fork or a crash), to reset in-memory state. */
  onRollback?: (height: number) => void
  /** Told after each commit with the highest block now stored (final or hot). */
  onCommit?: (height: number) => void
  /**
   * True once the process is shutting down. From then on no transaction starts, and one that fails
   * (its store was closed under it) never settles instead of failing: the Subsquid runner exits 1
   * on a failed transaction, and a requested stop is not a failure.
   */
  isStopping?: () => boolean
}

/** A Subsquid `HotDatabase` over Postgres (system of record, cursor) and ClickHouse (facts). */
export type CompositeDatabase = {
  supportsHotBlocks: true
  connect: () => Promise<DatabaseState>
  transact: (info: FinalTxInfo, cb: (store: CompositeStore) => Promise<void>) => Promise<void>
  transactHot: (info: HotTxInfo, cb: (store: CompositeStore, block: HashAndHeight) => Promise<void>) => Promise<void>
  transactHot2: (info: HotTxInfo, cb: (store: CompositeStore, sliceBeg: number, sliceEnd: number) => Promise<void>) => Promise<void>
  disconnect: () => Promise<void>
}

/**
 * The indexer's `Database` for `processor.run()`: Postgres through typeorm-store is the system of
 * record and holds the one cursor; ClickHouse follows it. Every transaction writes ClickHouse
 * first and commits Postgres (entities + cursor) last, so a crash can only leave ClickHouse ahead,
 * which `connect()` trims with `recover(cursor)`. Forks roll back both: typeorm-store replays its
 * change log, the sink removes rows above the common base.
 *
 * @see shared/spec/indexer-stack.md §2.2, §6.3, §6.4
 *
 * @example
 * processor.run(createCompositeDatabase({ postgres, sink }), async (ctx) => { ... })
 */
export function createCompositeDatabase({ postgres, sink, onRollback, onCommit, isStopping = () => false }: CreateCompositeDatabaseParameters): CompositeDatabase {
  const never = () => new Promise<never>(() => {})
  const unlessStopping = async <T>(run: () => Promise<T>): Promise<T> => {
    if (isStopping()) return never()
    try {
      return await run()
    } catch (error) {
      if (isStopping()) return never()
      throw error
    }
  }

  // Highest block either store may hold above the finalized cursor (hot blocks), -1 when none.
  let hotTop = -1

  const withFacts = async (store: Store, run: (composite: CompositeStore) => Promise<void>) => {
    const writes: Promise<unknown>[] = []
    const composite: CompositeStore = {
      entities: store,
      writeFacts: (batch) => {
        // Writes of one transaction run in order: a later one may rely on an earlier one's rows.
        const previous = writes[writes.length - 1] ?? Promise.resolve()
        const write = previous.then(() => sink.insert(batch))
        // NOTE: observed below; this only keeps an early failure from being reported as unhandled.
        write.catch(() => {})
        writes.push(write)
      },
    }
    try {
      await run(composite)
    } finally {
      // NOTE: ClickHouse first, inside the Postgres transaction: the cursor commits after the rows.
      // Waited for even when the handler failed, so no write outlives its transaction.
      const results = await Promise.allSettled(writes)
      const failed = results.find((result) => result.status === 'rejected')
      if (failed) throw (failed as PromiseRejectedResult).reason
    }
  }

  const rollbackAbove = async (height: number) => {
    await sink.rollback(height)
    onRollback?.(height)
  }

  const database: CompositeDatabase = {
    supportsHotBlocks: true,
    connect: async () => {
      const state = (await postgres.connect()) as DatabaseState
      const committed = state.top.length > 0 ? (state.top[state.top.length - 1] as HashAndHeight).height : state.height
      await sink.recover(committed)
      onRollback?.(committed)
      hotTop = state.top.length > 0 ? committed : -1
      return { height: state.height, hash: state.hash, top: state.top.map(({ height, hash }) => ({ height, hash })) }
    },
    transact: (info, cb) =>
      unlessStopping(async () => {
        // typeorm-store drops its hot blocks in a final transaction; drop ClickHouse's too.
        if (hotTop > info.prevHead.height) await rollbackAbove(info.prevHead.height)
        await postgres.transact(info, (store) => withFacts(store, cb))
        hotTop = -1
        onCommit?.(info.nextHead.height)
      }),
    transactHot2: (info, cb) =>
      unlessStopping(async () => {
        if (hotTop > info.baseHead.height) await rollbackAbove(info.baseHead.height)
        await postgres.transactHot2(info, (store, sliceBeg, sliceEnd) => withFacts(store, (composite) => cb(composite, sliceBeg, sliceEnd)))
        const last = info.newBlocks[info.newBlocks.length - 1]
        hotTop = last ? Math.max(last.height, info.baseHead.height) : info.baseHead.height
        onCommit?.(hotTop)
      }),
    transactHot: (info, cb) =>
      database.transactHot2(info, async (store, sliceBeg, sliceEnd) => {
        for (let i = sliceBeg; i < sliceEnd; i++) await cb(store, info.newBlocks[i] as HashAndHeight)
      }),
    disconnect: () => postgres.disconnect(),
  }
  return database
}

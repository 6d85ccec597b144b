import type { ClickHouseClient } from '@clickhouse/client'
import { insertFacts, type InsertFactsReturnType } from './insertFacts.ts'
import { migrate, type MigrateReturnType } from './migrate.ts'
import { readDailyTotals, readDelegatorRounds, readEvents, readOrchestratorRounds } from './read.ts'
import { rebuildRollups } from './rebuildRollups.ts'
import { removeAbove, type RemoveAboveReturnType } from './removeAbove.ts'
import type { FactBatch } from './types.ts'

export { clickhouseSettings, createClickhouse, type CreateClickhouseParameters, type CreateClickhouseReturnType } from './createClickhouse.ts'
export { deriveLedgerRows, type DeriveLedgerRowsParameters } from './deriveLedgerRows.ts'
export { eventColumns, eventParameters } from './eventColumns.ts'
export {
  ChdbDirectoryLockedError,
  ForkNotRolledBackError,
  InvalidFactError,
  MigrationChecksumError,
  MigrationFileError,
} from './errors.ts'
export { migrate, migrationsDirectory, migrationsTable, type MigrateParameters, type MigrateReturnType } from './migrate.ts'
export { rebuildRollups } from './rebuildRollups.ts'
export { readDailyTotals, readDelegatorRounds, readEvents, readOrchestratorRounds } from './read.ts'
export type { BlockRange, DailyTotals, DelegatorRound, EventRow, OrchestratorRound } from './read.ts'
export type { InsertFactsReturnType } from './insertFacts.ts'
export type { RemoveAboveReturnType } from './removeAbove.ts'
export type { DelegatorRoundRow, EntityHistoryRow, FactBatch, FactBlock, FactLog, HistoryEntity, OrchestratorRoundRow } from './types.ts'

/** Parameters for {@link createClickhouseSink}. */
export type CreateClickhouseSinkParameters = {
  /** From `createClickhouse`; the sink never closes it (the caller may share it with the API). */
  client: ClickHouseClient
  /** Migrations folder; default the committed `indexer/clickhouse/migrations`. */
  migrationsDirectory?: string | undefined
}

/**
 * The ClickHouse half of the indexer's composite Subsquid `Database` (indexer-stack.md §6.3–§6.4).
 * Postgres (typeorm-store) is the system of record and holds the cursor; ClickHouse has no
 * transactions, so the runner keeps this order and the sink stays consistent with the cursor:
 *
 * 1. **Start-up:** `migrate()`, then `recover(h)` with `h` = the Postgres cursor height (the last
 *    entry of its hot `top` if any, else the finalized height; −1 when empty) **before** asking for
 *    blocks. It removes every row above `h`, i.e. whatever a crash left between the ClickHouse
 *    write and the Postgres commit.
 * 2. **Each batch (`transact` / `transactHot2`):** on a hot fork first `rollback(baseHead.height)`
 *    (also when `transact` finds stored hot blocks: `rollback(finalized height)`), then
 *    `insert(batch)` for the batch's logs, then commit Postgres with the new cursor **last**.
 *    If `insert` throws, do not commit Postgres: the next start recovers.
 * 3. **Crash anywhere:** at most rows above the cursor exist; `recover` deletes them; the replayed
 *    batch is written again. Writing the same logs twice without a recover is harmless too
 *    (duplicate (block, log index) rows are skipped).
 *
 * Rows at or below the cursor are never touched. Every read (`read.*`) is exact after rollbacks.
 *
 * @example
 * const client = await createClickhouse({ path: dataDir })
 * const sink = createClickhouseSink({ client })
 * await sink.migrate()
 * await sink.recover(cursor.height)
 * await sink.insert({ logs, orchestratorRounds, delegatorRounds })
 */
export type ClickhouseSink = {
  /** The client the sink writes with (share it, e.g. with the API in embedded mode). */
  client: ClickHouseClient
  /** Applies pending migrations; idempotent. */
  migrate: () => Promise<MigrateReturnType>
  /**
   * Start-up recovery: removes every row with `block_number > committedHeight` (cancel rows on
   * `events`, which feeds the daily views; lightweight DELETE on the round tables). Idempotent.
   */
  recover: (committedHeight: number) => Promise<RemoveAboveReturnType>
  /** Hot-fork rollback: removes every row with `block_number > aboveHeight` (the fork's base). Same mechanism as `recover`. */
  rollback: (aboveHeight: number) => Promise<RemoveAboveReturnType>
  /**
   * Writes a batch, one INSERT per table, after validating all of it: an unknown event or bad shape
   * throws `InvalidFactError` and writes nothing. Idempotent on (block_number, log_index); a live
   * row with another block hash throws `ForkNotRolledBackError` (roll back first).
   */
  insert: (batch: FactBatch) => Promise<InsertFactsReturnType>
  /**
   * Recomputes the daily view targets from `events` (see `rebuildRollups`). Only with no write in
   * flight; the runner may call it after `recover` when the previous run died inside an INSERT.
   */
  rebuildRollups: () => Promise<string[]>
  /** Exact reads (FINAL / sum(sign)-aware). */
  read: {
    events: (range?: Parameters<typeof readEvents>[1]) => ReturnType<typeof readEvents>
    dailyTotals: () => ReturnType<typeof readDailyTotals>
    orchestratorRounds: (filter?: Parameters<typeof readOrchestratorRounds>[1]) => ReturnType<typeof readOrchestratorRounds>
    delegatorRounds: (filter?: Parameters<typeof readDelegatorRounds>[1]) => ReturnType<typeof readDelegatorRounds>
  }
}

/**
 * Creates the ClickHouse sink over an open client. Opens nothing itself.
 *
 * @see shared/spec/indexer-stack.md §6
 * @param parameters The client (from `createClickhouse`).
 * @returns The {@link ClickhouseSink}.
 * @example
 * const sink = createClickhouseSink({ client: await createClickhouse({ url: config.clickhouseUrl }) })
 */
export function createClickhouseSink(parameters: CreateClickhouseSinkParameters): ClickhouseSink {
  const { client } = parameters
  // Upper bound of the stored events' block numbers, known after recover/rollback or a write by
  // this (single) writer: batches entirely above it skip the duplicate check query.
  let storedTop: number | undefined
  const removeAboveAndTrack = async (height: number) => {
    const removed = await removeAbove({ client, height })
    storedTop = storedTop === undefined ? height : Math.min(storedTop, height)
    return removed
  }
  return {
    client,
    migrate: () => migrate({ client, directory: parameters.migrationsDirectory }),
    recover: async (committedHeight) => {
      const removed = await removeAboveAndTrack(committedHeight)
      // NOTE: a process killed inside one INSERT can leave the events part without its view parts
      // (or the reverse): ClickHouse does not make them atomic. Cancel rows then subtract what was
      // never added. After a crash left rows, or when the daily totals disagree with the events,
      // the view targets are recomputed from `events` (no writer runs yet at start-up).
      if (removed.events > 0 || !(await rollupsMatchEvents(client))) await rebuildRollups({ client })
      return removed
    },
    rollback: (aboveHeight) => removeAboveAndTrack(aboveHeight),
    rebuildRollups: () => rebuildRollups({ client }),
    insert: async (batch) => {
      try {
        const result = await insertFacts({ client, batch, storedTop })
        if (storedTop !== undefined && result.top > storedTop) storedTop = result.top
        return result
      } catch (error) {
        // Part of the batch may be stored: the bound is unknown until the next recover/rollback.
        storedTop = undefined
        throw error
      }
    },
    read: {
      events: (range) => readEvents(client, range),
      dailyTotals: () => readDailyTotals(client),
      orchestratorRounds: (filter) => readOrchestratorRounds(client, filter),
      delegatorRounds: (filter) => readDelegatorRounds(client, filter),
    },
  }
}

/** Whether the daily totals count exactly the live events (a cheap check of the views' integrity). */
async function rollupsMatchEvents(client: ClickHouseClient): Promise<boolean> {
  const [row] = await (
    await client.query({
      query: 'SELECT (SELECT toInt64(sum(sign)) FROM events) AS live, (SELECT toInt64(sum(events)) FROM daily_totals) AS counted',
      format: 'JSONEachRow',
    })
  ).json<{ live: string; counted: string }>()
  return row?.live === row?.counted
}

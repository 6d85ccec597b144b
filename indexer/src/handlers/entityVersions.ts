import type { Store } from '@subsquid/typeorm-store'
import type { EntityManager } from 'typeorm'
import type { EntityHistoryRow, HistoryEntity } from '../clickhouse/index.ts'
import { Delegator, Protocol, Transcoder } from '../model/index.ts'
import type { BatchCache, EntityClass } from './batchCache.ts'
import { columnValue, entityColumns, storeInternals } from './entityColumns.ts'

type Entity = { id: string }

/** The entities the API can read as of a past block, and their names in `entity_history`. */
export const versionedEntities: ReadonlyMap<EntityClass<Entity>, HistoryEntity> = new Map<EntityClass<Entity>, HistoryEntity>([
  [Protocol as EntityClass<Entity>, 'Protocol'],
  [Transcoder as EntityClass<Entity>, 'Transcoder'],
  [Delegator as EntityClass<Entity>, 'Delegator'],
])

/**
 * An entity as its Postgres row: column name → value as `pg` returns it (numeric as a decimal
 * string, int4 as a number, relations as `<name>_id`), through the same column mapping the bulk
 * writes use. The API reads `entity_history` versions and live rows through one code path because
 * both have this shape.
 *
 * @example
 * toColumnRow(em, Delegator, delegator) // { id: '0xab…', delegate_id: '0xcd…', bonded_amount: '1000', … }
 */
export function toColumnRow<E extends Entity>(em: EntityManager, entityClass: EntityClass<E>, entity: E): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  for (const column of entityColumns(em, entityClass)) row[column.databaseName] = columnValue(column, entity)
  return row
}

/**
 * Collects entity versions while a batch is applied: at each block boundary (and at the batch's
 * end) every versioned entity changed since the previous boundary becomes one `entity_history` row
 * at that block. Values set at the batch's end (pendingStake refreshes) land in the last block's
 * version.
 *
 * @example
 * const versions = createVersionRecorder(store, cache)
 * for (const log of logs) { versions.advance(log.block.height); apply(log) }
 * const entityHistory = versions.finish()
 */
export function createVersionRecorder(store: Store, cache: BatchCache) {
  const { em } = storeInternals(store)
  const rows: EntityHistoryRow[] = []
  let height: number | undefined
  const snapshot = (at: number) => {
    for (const [entityClass, entity] of versionedEntities)
      for (const id of cache.takeChanged(entityClass)) {
        const value = cache.get(entityClass, id)
        if (value) rows.push({ entity, id, blockNumber: at, data: JSON.stringify(toColumnRow(em, entityClass, value)) })
      }
  }
  return {
    /** Moves to `next`: versions changed so far belong to the block being left. */
    advance(next: number) {
      if (height !== undefined && next !== height) snapshot(height)
      height = next
    },
    /** Closes the batch: remaining changes belong to the batch's last block. */
    finish(): EntityHistoryRow[] {
      if (height !== undefined) snapshot(height)
      return rows
    },
  }
}

import { SnakeNamingStrategy } from '@subsquid/typeorm-config/lib/namingStrategy.js'
import { getMetadataArgsStorage } from 'typeorm'
import type { EntityHistoryRow, HistoryEntity } from '../clickhouse/index.ts'
import { Delegator, Protocol, Transcoder } from '../model/index.ts'
import type { BatchCache, EntityClass } from './batchCache.ts'

type Entity = { id: string }
type ColumnWriter = { column: string; read: (entity: Record<string, unknown>) => unknown }

/** The entities the API can read as of a past block, and their names in `entity_history`. */
export const versionedEntities: ReadonlyMap<EntityClass<Entity>, HistoryEntity> = new Map<EntityClass<Entity>, HistoryEntity>([
  [Protocol as EntityClass<Entity>, 'Protocol'],
  [Transcoder as EntityClass<Entity>, 'Transcoder'],
  [Delegator as EntityClass<Entity>, 'Delegator'],
])

const naming = new SnakeNamingStrategy()
const writers = new Map<Function, ColumnWriter[]>()

/**
 * How an entity class maps to its Postgres row, from TypeORM's decorator registry and the naming
 * strategy the store uses: column name, and the value as the column's transformer writes it (so a
 * numeric is the same decimal string Postgres stores and `pg` returns).
 */
function writersOf(entityClass: Function): ColumnWriter[] {
  let list = writers.get(entityClass)
  if (list) return list
  const storage = getMetadataArgsStorage()
  list = []
  for (const column of storage.columns.filter((c) => c.target === entityClass)) {
    const transformer = column.options.transformer
    const to = transformer && !Array.isArray(transformer) ? (value: unknown) => transformer.to(value) : (value: unknown) => value
    const property = column.propertyName
    list.push({ column: naming.columnName(property, column.options.name, []), read: (entity) => normalize(to(entity[property])) })
  }
  for (const relation of storage.relations.filter((r) => r.target === entityClass)) {
    if (relation.relationType !== 'many-to-one' && relation.relationType !== 'one-to-one') continue
    const property = relation.propertyName
    list.push({
      column: naming.joinColumnName(naming.relationName(property), 'id'),
      read: (entity) => {
        const value = entity[property] as { id?: string } | string | null | undefined
        return value == null ? null : typeof value === 'string' ? value : (value.id ?? null)
      },
    })
  }
  writers.set(entityClass, list)
  return list
}

function normalize(value: unknown): unknown {
  if (value === undefined) return null
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) return value.toISOString()
  return value
}

/**
 * An entity as its Postgres row: column name → value as `pg` returns it (numeric as a decimal
 * string, int4 as a number, relations as `<name>_id`). The API reads `entity_history` versions and
 * live rows through one code path because both have this shape.
 *
 * @example
 * toColumnRow(Delegator, delegator) // { id: '0xab…', delegate_id: '0xcd…', bonded_amount: '1000', … }
 */
export function toColumnRow<E extends Entity>(entityClass: EntityClass<E>, entity: E): Record<string, unknown> {
  const record = entity as unknown as Record<string, unknown>
  const row: Record<string, unknown> = {}
  for (const writer of writersOf(entityClass)) row[writer.column] = writer.read(record)
  return row
}

/**
 * Collects entity versions while a batch is applied: at each block boundary (and at the batch's
 * end) every versioned entity changed since the previous boundary becomes one `entity_history` row
 * at that block. Values set at the batch's end (pendingStake refreshes) land in the last block's
 * version.
 *
 * @example
 * const versions = createVersionRecorder(cache)
 * for (const log of logs) { versions.advance(log.block.height); apply(log) }
 * versions.advance(Number.POSITIVE_INFINITY)
 */
export function createVersionRecorder(cache: BatchCache) {
  const rows: EntityHistoryRow[] = []
  let height: number | undefined
  const snapshot = (at: number) => {
    for (const [entityClass, entity] of versionedEntities)
      for (const id of cache.takeChanged(entityClass)) {
        const value = cache.get(entityClass, id)
        if (value) rows.push({ entity, id, blockNumber: at, data: JSON.stringify(toColumnRow(entityClass, value)) })
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

import type { Store } from '@subsquid/typeorm-store'
import type { EntityManager } from 'typeorm'
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js'

/** What typeorm-store's Store holds but does not type publicly. */
type StoreInternals = { em: () => EntityManager; changes?: unknown }

/** The batch's EntityManager, and whether typeorm-store records before-images for rollbacks (hot blocks). */
export function storeInternals(store: Store): { em: EntityManager; tracksChanges: boolean } {
  const internals = store as unknown as StoreInternals
  return { em: internals.em(), tracksChanges: Boolean(internals.changes) }
}

const columnsByClass = new WeakMap<Function, readonly ColumnMetadata[]>()

/**
 * An entity type's Postgres columns as the store maps them (snake_case names, transformers).
 * NOTE: relation columns (`delegate_id`) are "virtual" in TypeORM (no property of their own) but
 * real columns, so every column is kept.
 */
export function entityColumns(em: EntityManager, entityClass: Function): readonly ColumnMetadata[] {
  let columns = columnsByClass.get(entityClass)
  if (!columns) columnsByClass.set(entityClass, (columns = em.connection.getMetadata(entityClass).columns))
  return columns
}

/**
 * A column's value as written to Postgres and read back by `pg`: the transformer's output (numeric
 * as a decimal string), a relation as its id, null for unset.
 */
export function columnValue(column: ColumnMetadata, entity: object): unknown {
  const value = column.getEntityValue(entity, true)
  if (value === undefined) return null
  if (typeof value === 'bigint') return value.toString()
  return value
}

import DataLoader from 'dataloader'
import { compileRowFilter, type ResolveNested, type Row } from '../history/compileRowFilter.ts'
import { sortRows } from '../history/sortRows.ts'
import { versionedEntities } from '../schema/buildSubgraphSdl.ts'
import type { NormalizedCollectionArgs } from '../schema/collectionArgs.ts'
import type { EntityField } from '../schema/readEntityModel.ts'
import type { EntityStore } from '../sql/createEntityStore.ts'

/** Per-request batching and caching of entity reads (created in the request context, never shared). */
export type Loaders = ReturnType<typeof createLoaders>

/** Whether an entity has past versions in `entity_history`. */
export function isVersioned(entity: string): boolean {
  return (versionedEntities as readonly string[]).includes(entity)
}

/** Bound on ids per batched statement. */
const maxBatchSize = 1000

/**
 * DataLoaders over an {@link EntityStore}: entities by id (live, or as of a block for versioned
 * entities), derived lists by parent, and whole versioned tables as of a block for in-memory
 * time-travel queries. One request's resolvers share them, so N parents cost one statement.
 *
 * @example
 * const loaders = createLoaders(store)
 * const transcoder = await loaders.entity('Transcoder').load('0xabc…')
 */
export function createLoaders(store: EntityStore) {
  const catalog = store.catalog
  const entityLoaders = new Map<string, DataLoader<string, Row | null>>()
  const childLoaders = new Map<string, DataLoader<string, Row[]>>()
  const snapshots = new Map<string, Promise<Row[]>>()

  function entity(typeName: string, block?: number): DataLoader<string, Row | null> {
    const key = `${typeName}@${block ?? 'live'}`
    let loader = entityLoaders.get(key)
    if (!loader) {
      loader = new DataLoader<string, Row | null>(
        async (ids) => {
          const found =
            block === undefined ? await store.byIds(typeName, ids) : new Map((await store.history(typeName, block, ids)).map((row) => [String(row.id), row]))
          return ids.map((id) => found.get(id) ?? null)
        },
        { maxBatchSize },
      )
      entityLoaders.set(key, loader)
    }
    return loader
  }

  /** Every version of a versioned entity as of `block` (one statement per entity and block per request). */
  function snapshot(typeName: string, block: number): Promise<Row[]> {
    const key = `${typeName}@${block}`
    let rows = snapshots.get(key)
    if (!rows) {
      rows = store.history(typeName, block)
      snapshots.set(key, rows)
    }
    return rows
  }

  async function lookup(target: string, ids: string[], block?: number): Promise<Map<string, Row>> {
    const rows = await entity(target, block !== undefined && isVersioned(target) ? block : undefined).loadMany(ids)
    return new Map(rows.flatMap((row) => (row && !(row instanceof Error) ? [[String(row.id), row] as const] : [])))
  }

  /** Filters, orders and pages rows in memory with the SQL path's semantics. */
  async function applyInMemory(typeName: string, rows: Row[], args: NormalizedCollectionArgs, block: number | undefined, keepOrder = false): Promise<Row[]> {
    const type = catalog.type(typeName)
    const resolveNested: ResolveNested = async ({ field, target, filter }) => {
      if (block !== undefined && isVersioned(target.name)) {
        const matching = await applyInMemory(target.name, await snapshot(target.name, block), { first: Number.MAX_SAFE_INTEGER, skip: 0, orderBy: undefined, direction: 'asc', where: filter }, block)
        const column = field.kind === 'derived' ? field.targetColumn : 'id'
        return new Set(matching.flatMap((row) => (row[column] == null ? [] : [String(row[column])])))
      }
      return store.nestedIds({ field, target, filter })
    }
    const keep = await compileRowFilter({ catalog, type, filter: args.where, resolveNested })
    const filtered = rows.filter(keep)
    const sorted =
      keepOrder && !args.orderBy ? filtered : await sortRows({ catalog, type, rows: filtered, orderBy: args.orderBy, direction: args.direction, lookup: (target, ids) => lookup(target, ids, block) })
    return sorted.slice(args.skip, args.skip + args.first)
  }

  /** A collection as of `block` (versioned entities only). */
  async function collectionAt(typeName: string, block: number, args: NormalizedCollectionArgs): Promise<Row[]> {
    return applyInMemory(typeName, await snapshot(typeName, block), args, block)
  }

  function children(
    owner: string,
    field: Extract<EntityField, { kind: 'derived' }>,
    args: NormalizedCollectionArgs,
    block?: number,
    columns?: readonly string[],
  ): DataLoader<string, Row[]> {
    const past = block !== undefined && isVersioned(field.target) ? block : undefined
    const key = `${owner}.${field.name}@${past ?? 'live'}|${JSON.stringify(args)}|${columns?.join(',') ?? '*'}`
    let loader = childLoaders.get(key)
    if (!loader) {
      loader = new DataLoader<string, Row[]>(
        async (parentIds) => {
          if (past === undefined) {
            const found = await store.children(field, parentIds, args, columns)
            return parentIds.map((id) => found.get(id) ?? [])
          }
          const rows = await snapshot(field.target, past)
          return Promise.all(parentIds.map((id) => applyInMemory(field.target, rows.filter((row) => row[field.targetColumn] === id), args, past)))
        },
        { maxBatchSize },
      )
      childLoaders.set(key, loader)
    }
    return loader
  }

  return { entity, children, collectionAt, applyInMemory, lookup }
}

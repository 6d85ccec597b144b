import type { Store } from '@subsquid/typeorm-store'
import { getMetadataArgsStorage, In } from 'typeorm'
import { bulkWrite } from './bulkWrite.ts'

type Entity = { id: string }
/** An entity class of the generated model. */
// biome-ignore lint: constructor parameter variance
export type EntityClass<E extends Entity> = new (props?: any) => E

/** Ids per query: keeps `IN (...)` lists well below Postgres' parameter limit. */
const chunkSize = 5000

/**
 * The entities one batch touches, held in memory: ids are declared first (`want`), loaded in one
 * query per entity type (`load`), read and changed synchronously while the batch's events are
 * applied (`get`, `set`, `remove`), and written back with one bulk upsert and one bulk delete per
 * entity type (`flush`). No per-event round trip (STYLE anti-pattern 5).
 *
 * Relations come back from Postgres as ids (`loadRelationIds`) and are turned into id-only stub
 * instances, so an upsert writes the same foreign keys back instead of nulling them.
 */
export class BatchCache {
  private readonly wanted = new Map<EntityClass<Entity>, Set<string>>()
  private readonly entities = new Map<EntityClass<Entity>, Map<string, Entity | undefined>>()
  private readonly dirty = new Map<EntityClass<Entity>, Set<string>>()
  private readonly removed = new Map<EntityClass<Entity>, Set<string>>()
  /** Ids known to be absent from Postgres (loaded and not found): written with a plain insert. */
  private readonly absent = new Map<EntityClass<Entity>, Set<string>>()
  /** Ids of versioned types changed since the last {@link takeChanged}. */
  private readonly changed = new Map<EntityClass<Entity>, Set<string>>()

  /**
   * @param store - The batch's typeorm-store `Store`.
   * @param appendOnly - Entity types whose rows are only ever created once (events, transactions):
   *   written with `insert`, which skips the ON CONFLICT clause and, for hot blocks, the before-image
   *   SELECT that `upsert` costs.
   * @param versioned - Entity types whose changes {@link takeChanged} reports (entity history).
   */
  constructor(
    private readonly store: Store,
    private readonly appendOnly: ReadonlySet<Function> = new Set(),
    private readonly versioned: ReadonlySet<Function> = new Set(),
  ) {}

  /** Declares ids to load with the next {@link load}. */
  want<E extends Entity>(entityClass: EntityClass<E>, ...ids: (string | undefined | null)[]): void {
    let set = this.wanted.get(entityClass as EntityClass<Entity>)
    if (!set) this.wanted.set(entityClass as EntityClass<Entity>, (set = new Set()))
    for (const id of ids) if (id) set.add(id)
  }

  /** Loads every wanted id not loaded yet: one query (per 5,000 ids) per entity type. */
  async load(): Promise<void> {
    for (const [entityClass, ids] of this.wanted) {
      const map = this.mapOf(entityClass)
      const missing = [...ids].filter((id) => !map.has(id))
      ids.clear()
      for (let start = 0; start < missing.length; start += chunkSize) {
        const chunk = missing.slice(start, start + chunkSize)
        const rows = await this.store.find(entityClass, { where: { id: In(chunk) }, loadRelationIds: true } as never)
        for (const row of rows) map.set(row.id, withStubRelations(entityClass, row))
        for (const id of chunk)
          if (!map.has(id)) {
            map.set(id, undefined)
            this.setOf(this.absent, entityClass).add(id)
          }
      }
    }
  }

  /** Whether `id` was loaded (or created) in this batch. */
  has<E extends Entity>(entityClass: EntityClass<E>, id: string): boolean {
    return this.mapOf(entityClass).has(id)
  }

  /** The entity, or undefined when it does not exist. Throws when `id` was never wanted: a handler bug. */
  get<E extends Entity>(entityClass: EntityClass<E>, id: string): E | undefined {
    const map = this.mapOf(entityClass)
    if (!map.has(id)) throw new Error(`${entityClass.name} ${id} was read without being loaded first`)
    return map.get(id) as E | undefined
  }

  /** Stores (and marks for upsert) a new or changed entity. */
  set<E extends Entity>(entityClass: EntityClass<E>, entity: E): E {
    this.mapOf(entityClass).set(entity.id, entity)
    this.setOf(this.dirty, entityClass).add(entity.id)
    this.setOf(this.removed, entityClass).delete(entity.id)
    if (this.versioned.has(entityClass)) this.setOf(this.changed, entityClass).add(entity.id)
    return entity
  }

  /** Ids of a versioned type set or touched since the previous call, in first-change order. */
  takeChanged<E extends Entity>(entityClass: EntityClass<E>): string[] {
    const set = this.changed.get(entityClass as EntityClass<Entity>)
    if (!set || set.size === 0) return []
    const ids = [...set]
    set.clear()
    return ids
  }

  /** Marks a loaded entity changed. */
  touch<E extends Entity>(entityClass: EntityClass<E>, entity: E): E {
    return this.set(entityClass, entity)
  }

  /** Deletes the entity at flush (a no-op when it never reached Postgres). */
  remove<E extends Entity>(entityClass: EntityClass<E>, id: string): void {
    this.mapOf(entityClass).set(id, undefined)
    this.setOf(this.dirty, entityClass).delete(id)
    this.setOf(this.removed, entityClass).add(id)
  }

  /** Every loaded or created entity of a type. */
  values<E extends Entity>(entityClass: EntityClass<E>): E[] {
    return [...this.mapOf(entityClass).values()].filter((entity): entity is E => entity !== undefined) as E[]
  }

  /** One bulk upsert per entity type, then one bulk delete per entity type. */
  async flush(): Promise<void> {
    for (const [entityClass, ids] of this.dirty) {
      const map = this.mapOf(entityClass)
      const absent = this.setOf(this.absent, entityClass)
      const inserts: Entity[] = []
      const upserts: Entity[] = []
      for (const id of ids) {
        const entity = map.get(id)
        if (entity === undefined) continue
        if (this.appendOnly.has(entityClass) || absent.has(id)) inserts.push(entity)
        else upserts.push(entity)
      }
      await bulkWrite(this.store, entityClass, inserts, 'insert')
      await bulkWrite(this.store, entityClass, upserts, 'upsert')
      for (const id of ids) absent.delete(id)
    }
    for (const [entityClass, ids] of this.removed) {
      const absent = this.setOf(this.absent, entityClass)
      const present = [...ids].filter((id) => !absent.has(id))
      if (present.length > 0) await this.store.remove(entityClass, present)
    }
    this.dirty.clear()
    this.removed.clear()
  }

  private mapOf<E extends Entity>(entityClass: EntityClass<E>): Map<string, E | undefined> {
    let map = this.entities.get(entityClass as EntityClass<Entity>)
    if (!map) this.entities.set(entityClass as EntityClass<Entity>, (map = new Map()))
    return map as Map<string, E | undefined>
  }

  private setOf(sets: Map<EntityClass<Entity>, Set<string>>, entityClass: EntityClass<Entity>): Set<string> {
    let set = sets.get(entityClass)
    if (!set) sets.set(entityClass, (set = new Set()))
    return set
  }
}

const relationsCache = new Map<Function, { propertyName: string; type: () => Function }[]>()

/** ManyToOne/OneToOne relations of an entity class, from TypeORM's decorator registry. */
function relationsOf(entityClass: Function) {
  let relations = relationsCache.get(entityClass)
  if (!relations) {
    relations = getMetadataArgsStorage()
      .relations.filter((relation) => relation.target === entityClass && (relation.relationType === 'many-to-one' || relation.relationType === 'one-to-one'))
      .map((relation) => ({ propertyName: relation.propertyName, type: relation.type as () => Function }))
    relationsCache.set(entityClass, relations)
  }
  return relations
}

function withStubRelations<E extends Entity>(entityClass: EntityClass<E>, row: E): E {
  const record = row as unknown as Record<string, unknown>
  for (const { propertyName, type } of relationsOf(entityClass)) {
    const value = record[propertyName]
    if (typeof value === 'string') {
      const target = type() as EntityClass<Entity>
      record[propertyName] = new target({ id: value })
    } else if (value === undefined) record[propertyName] = null
  }
  return row
}

import type { ClickHouseClient } from '@clickhouse/client'
import type { Pool } from 'pg'
import type { NormalizedCollectionArgs } from '../schema/collectionArgs.ts'
import type { Catalog, CatalogType } from '../schema/createCatalog.ts'
import type { EntityField } from '../schema/readEntityModel.ts'
import type { Row } from '../history/compileRowFilter.ts'
import { clickhouseRows } from '../analytics/clickhouseRows.ts'
import { buildOrderSql } from './buildOrderSql.ts'
import { buildWhereSql } from './buildWhereSql.ts'
import { createSqlParams, quoteIdent } from './sqlParams.ts'

/** Parameters for {@link createEntityStore}. */
export type CreateEntityStoreParameters = { catalog: Catalog; pool: Pool; clickhouse: ClickHouseClient }

/** Reads of entity rows: live from Postgres, past versions from ClickHouse `entity_history`. */
export type EntityStore = ReturnType<typeof createEntityStore>

/** A past row carries the block it was read at, so its references resolve at the same block. */
export const blockKey = '__block'

/**
 * Entity reads behind the subgraph-dialect resolvers. Every statement binds its values; identifiers
 * come from the entity model only.
 *
 * @example
 * const store = createEntityStore({ catalog, pool, clickhouse })
 * const rows = await store.collection('Transcoder', normalizeCollectionArgs({ where: { active: true } }))
 */
export function createEntityStore({ catalog, pool, clickhouse }: CreateEntityStoreParameters) {
  const query = async (text: string, values: unknown[]): Promise<Row[]> => (await pool.query({ text, values })).rows as Row[]

  /** Full rows of implementations for `(__typename, id)` pairs, in the given order. */
  async function resolveInterfaceRows(pairs: Row[]): Promise<Row[]> {
    const byType = new Map<string, string[]>()
    for (const pair of pairs) byType.set(String(pair.__typename), [...(byType.get(String(pair.__typename)) ?? []), String(pair.id)])
    const found = new Map<string, Row>()
    await Promise.all(
      [...byType].map(async ([typeName, ids]) => {
        for (const [id, row] of await byIds(typeName, ids)) found.set(`${typeName}:${id}`, { ...row, __typename: typeName })
      }),
    )
    return pairs.flatMap((pair): Row[] => { const row = found.get(`${String(pair.__typename)}:${String(pair.id)}`); return row ? [row] : [] })
  }

  async function byIds(typeName: string, ids: readonly string[]): Promise<Map<string, Row>> {
    const type = catalog.type(typeName)
    const unique = [...new Set(ids)]
    if (unique.length === 0) return new Map()
    if (type.isInterface) {
      const pairs = await query(`SELECT t.__typename, t.id FROM ${type.source} t WHERE t.id = ANY($1::text[])`, [unique])
      return new Map((await resolveInterfaceRows(pairs)).map((row) => [String(row.id), row]))
    }
    const rows = await query(`SELECT t.* FROM ${type.source} t WHERE t.id = ANY($1::text[])`, [unique])
    return new Map(rows.map((row) => [String(row.id), row]))
  }

  /** The SELECT list: the requested columns (from the model, never from a request) or every one. */
  const selectList = (type: CatalogType, columns: readonly string[] | undefined) =>
    type.isInterface ? 't.__typename, t.id' : columns ? columns.map((column) => `t.${quoteIdent(column)}`).join(', ') : 't.*'

  async function collection(typeName: string, args: NormalizedCollectionArgs, columns?: readonly string[]): Promise<Row[]> {
    const type = catalog.type(typeName)
    const params = createSqlParams()
    const where = buildWhereSql({ catalog, type, alias: 't', filter: args.where, params })
    const order = buildOrderSql({ catalog, type, alias: 't', orderBy: args.orderBy, direction: args.direction })
    const select = selectList(type, columns)
    const text = `SELECT ${select} FROM ${type.source} t${order.join} WHERE ${where} ORDER BY ${order.orderBy} LIMIT ${params.add(args.first)} OFFSET ${params.add(args.skip)}`
    const rows = await query(text, params.values)
    return type.isInterface ? resolveInterfaceRows(rows) : rows
  }

  /** Derived-list children of many parents in one statement (LATERAL per parent), keyed by parent id. */
  async function children(
    field: Extract<EntityField, { kind: 'derived' }>,
    parentIds: readonly string[],
    args: NormalizedCollectionArgs,
    columns?: readonly string[],
  ): Promise<Map<string, Row[]>> {
    const type = catalog.type(field.target)
    const params = createSqlParams()
    const parents = params.add([...new Set(parentIds)])
    const where = buildWhereSql({ catalog, type, alias: 't', filter: args.where, params })
    const order = buildOrderSql({ catalog, type, alias: 't', orderBy: args.orderBy, direction: args.direction })
    const select = selectList(type, columns)
    const text =
      `SELECT k.parent AS __parent, c.* FROM unnest(${parents}::text[]) AS k(parent) CROSS JOIN LATERAL (` +
      `SELECT ${select} FROM ${type.source} t${order.join} WHERE t.${quoteIdent(field.targetColumn)} = k.parent AND ${where} ` +
      `ORDER BY ${order.orderBy} LIMIT ${params.add(args.first)} OFFSET ${params.add(args.skip)}) c`
    let rows = await query(text, params.values)
    if (type.isInterface) {
      const full = await resolveInterfaceRows(rows)
      const byKey = new Map(full.map((row) => [`${String(row.__typename)}:${String(row.id)}`, row]))
      rows = rows.flatMap((row) => {
        const match = byKey.get(`${String(row.__typename)}:${String(row.id)}`)
        return match ? [{ ...match, __parent: row.__parent }] : []
      })
    }
    const out = new Map<string, Row[]>(parentIds.map((id) => [id, []]))
    for (const row of rows) {
      const { __parent, ...rest } = row
      out.get(String(__parent))?.push(rest)
    }
    return out
  }

  /** Ids a nested filter admits, read live (see `ResolveNested`). */
  async function nestedIds({ field, target, filter }: { field: EntityField; target: CatalogType; filter: Record<string, unknown> }): Promise<Set<string>> {
    const params = createSqlParams()
    const where = buildWhereSql({ catalog, type: target, alias: 't', filter, params })
    const column = field.kind === 'derived' ? `t.${quoteIdent(field.targetColumn)}` : 't.id'
    const rows = await query(`SELECT DISTINCT ${column} AS v FROM ${target.source} t WHERE ${where} AND ${column} IS NOT NULL`, params.values)
    return new Set(rows.map((row) => String(row.v)))
  }

  /** Versions of an entity as of `block` (latest version at or below it), optionally for some ids. */
  async function history(entity: string, block: number, ids?: readonly string[]): Promise<Row[]> {
    const byId = ids ? ' AND id IN {ids:Array(String)}' : ''
    const rows = await clickhouseRows<{ id: string; data: string }>(
      clickhouse,
      `SELECT id, argMax(data, block_number) AS data FROM entity_history WHERE entity = {entity:String} AND block_number <= {block:UInt64}${byId} GROUP BY id`,
      { entity, block, ...(ids ? { ids: [...new Set(ids)] } : {}) },
    )
    return rows.map((row) => ({ ...(JSON.parse(row.data) as Row), [blockKey]: block }))
  }

  /** The indexed head: the highest of the processor's status and its hot blocks. */
  async function head(): Promise<{ number: number; hash: string } | undefined> {
    const rows = await query(
      `SELECT height, hash FROM (SELECT height, hash FROM squid_processor.status WHERE id = 0 UNION ALL SELECT height, hash FROM squid_processor.hot_block) s ORDER BY height DESC LIMIT 1`,
      [],
    ).catch((error: { code?: string }) => {
      // NOTE: before the indexer's first run the processor's schema does not exist yet: nothing is indexed.
      if (error.code === '42P01' || error.code === '3F000') return [] as Row[]
      throw error
    })
    const row = rows[0]
    if (!row || Number(row.height) < 0) return undefined
    return { number: Number(row.height), hash: String(row.hash) }
  }

  return { catalog, query, byIds, collection, children, nestedIds, history, head, resolveInterfaceRows }
}

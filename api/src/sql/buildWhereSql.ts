import { ApiUserError } from '../errors/base.ts'
import type { Catalog, CatalogType } from '../schema/createCatalog.ts'
import type { EntityField } from '../schema/readEntityModel.ts'
import { escapeLike, quoteIdent, type SqlParams } from './sqlParams.ts'

/** Postgres type a field's filter values bind as. */
export function sqlTypeOf(field: EntityField): 'numeric' | 'int' | 'float8' | 'boolean' | 'text' | 'bytea' {
  if (field.kind === 'scalar' || field.kind === 'scalarList') {
    switch (field.scalar) {
      case 'BigInt':
      case 'BigDecimal':
        return 'numeric'
      case 'Int':
        return 'int'
      case 'Float':
        return 'float8'
      case 'Boolean':
        return 'boolean'
      case 'Bytes':
        return 'bytea'
      default:
        return 'text'
    }
  }
  return 'text'
}

/** A Bytes filter value (`0x…` hex) as the Buffer pg binds to bytea. */
export function bytesValue(value: unknown): Buffer {
  return Buffer.from(String(value).slice(2), 'hex')
}

function bind(params: SqlParams, field: EntityField, value: unknown): string {
  const type = sqlTypeOf(field)
  return `${params.add(type === 'bytea' ? bytesValue(value) : value)}::${type}`
}

function bindList(params: SqlParams, field: EntityField, values: unknown[]): string {
  const type = sqlTypeOf(field)
  return `${params.add(type === 'bytea' ? values.map(bytesValue) : values)}::${type}[]`
}

/** Collation for text comparisons and ordering: byte order, as The Graph's C-locale database sorts. */
export function collate(field: EntityField): string {
  return sqlTypeOf(field) === 'text' ? ' COLLATE "C"' : ''
}

const comparisons = { eq: '=', not: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const

/** Parameters for {@link buildWhereSql}. */
export type BuildWhereSqlParameters = {
  catalog: Catalog
  type: CatalogType
  /** Alias of the filtered table in the statement. */
  alias: string
  filter: Record<string, unknown>
  params: SqlParams
  /** Depth of nested filters so far; aliases of subqueries are derived from it. */
  depth?: number
}

/** Nesting bound for `<field>_` filters (each level is one EXISTS subquery). */
export const maxFilterDepth = 5

/**
 * Translates a `<Type>_filter` value into a SQL condition over `alias`, binding every value as a
 * parameter. Semantics follow The Graph: equality and comparisons, `_in`/`_not_in`, string
 * patterns (`_contains`, `_starts_with`, `_ends_with`, `_nocase`, negations), list containment,
 * nested `<field>_` filters on references and derived lists, `and` / `or`.
 *
 * @example
 * const params = createSqlParams()
 * buildWhereSql({ catalog, type: catalog.type('Pool'), alias: 't', filter: { round_not: '5' }, params }) // 't."round_id" <> $1::text'
 */
export function buildWhereSql({ catalog, type, alias, filter, params, depth = 0 }: BuildWhereSqlParameters): string {
  const conditions: string[] = []
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw new ApiUserError(`Filter \`${key}\` of ${type.name} must be a list.`)
      const parts = value.map((item) => buildWhereSql({ catalog, type, alias, filter: (item ?? {}) as Record<string, unknown>, params, depth }))
      if (key === 'and') conditions.push(parts.length > 0 ? `(${parts.join(' AND ')})` : 'TRUE')
      else conditions.push(parts.length > 0 ? `(${parts.join(' OR ')})` : 'FALSE')
      continue
    }
    if (key.endsWith('_') && type.fieldsByName.has(key.slice(0, -1))) {
      const field = type.fieldsByName.get(key.slice(0, -1)) as EntityField
      if (field.kind !== 'relation' && field.kind !== 'derived' && field.kind !== 'idList') throw new ApiUserError(`Filter \`${key}\` of ${type.name} is not a nested filter.`)
      if (depth + 1 > maxFilterDepth) throw new ApiUserError(`Nested filters are limited to ${maxFilterDepth} levels.`)
      if (value === null) throw new ApiUserError(`Filter \`${key}\` of ${type.name} cannot be null.`)
      const target = catalog.type(field.target)
      const sub = `n${depth + 1}`
      const inner = buildWhereSql({ catalog, type: target, alias: sub, filter: value as Record<string, unknown>, params, depth: depth + 1 })
      const link =
        field.kind === 'relation'
          ? `${sub}.id = ${alias}.${quoteIdent(field.column)}`
          : field.kind === 'idList'
            ? `${sub}.id = ANY(${alias}.${quoteIdent(field.column)})`
            : `${sub}.${quoteIdent(field.targetColumn)} = ${alias}.id`
      conditions.push(`EXISTS (SELECT 1 FROM ${target.source} ${sub} WHERE ${link} AND ${inner})`)
      continue
    }
    const entry = type.filterKeys.get(key)
    if (!entry) throw new ApiUserError(`Type \`${type.name}\` has no filter \`${key}\`.`)
    const { field, operator } = entry
    if (field.kind === 'derived') throw new ApiUserError(`Filter \`${key}\` of ${type.name} is not supported.`)
    const column = `${alias}.${quoteIdent(field.column)}`
    if (value === null) {
      if (operator.op === 'eq' || operator.op === 'list_eq') conditions.push(`${column} IS NULL`)
      else if (operator.op === 'not' || operator.op === 'list_not') conditions.push(`${column} IS NOT NULL`)
      else throw new ApiUserError(`Filter \`${key}\` of ${type.name} cannot be null.`)
      continue
    }
    switch (operator.op) {
      case 'eq':
      case 'not':
        conditions.push(`${column} ${comparisons[operator.op]} ${bind(params, field, value)}`)
        break
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        conditions.push(`${column}${collate(field)} ${comparisons[operator.op]} ${bind(params, field, value)}`)
        break
      case 'in':
        conditions.push(`${column} = ANY(${bindList(params, field, value as unknown[])})`)
        break
      case 'not_in':
        conditions.push(`${column} <> ALL(${bindList(params, field, value as unknown[])})`)
        break
      case 'contains':
      case 'not_contains':
      case 'starts_with':
      case 'not_starts_with':
      case 'ends_with':
      case 'not_ends_with': {
        const negate = operator.op.startsWith('not_')
        const base = negate ? operator.op.slice(4) : operator.op
        if (sqlTypeOf(field) === 'bytea') {
          conditions.push(`${negate ? 'NOT ' : ''}(position(${bind(params, field, value)} in ${column}) > 0)`)
          break
        }
        const text = escapeLike(String(value))
        const pattern = base === 'contains' ? `%${text}%` : base === 'starts_with' ? `${text}%` : `%${text}`
        conditions.push(`${negate ? 'NOT ' : ''}(${column} ${operator.nocase ? 'ILIKE' : 'LIKE'} ${params.add(pattern)}::text)`)
        break
      }
      case 'list_eq':
      case 'list_not':
        conditions.push(`${column} ${operator.op === 'list_eq' ? '=' : '<>'} ${bindList(params, field, value as unknown[])}`)
        break
      case 'list_contains':
      case 'list_not_contains': {
        const values = value as unknown[]
        const left = operator.nocase ? `ARRAY(SELECT lower(x) FROM unnest(${column}) x)` : column
        const right = operator.nocase ? bindList(params, field, values.map((v) => String(v).toLowerCase())) : bindList(params, field, values)
        conditions.push(`${operator.op === 'list_not_contains' ? 'NOT ' : ''}(${left} @> ${right})`)
        break
      }
    }
  }
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE'
}

import { compareDecimal } from '../decimal/compareDecimal.ts'
import { ApiUserError } from '../errors/base.ts'
import type { Catalog, CatalogType } from '../schema/createCatalog.ts'
import type { EntityField } from '../schema/readEntityModel.ts'
import { maxFilterDepth, sqlTypeOf } from '../sql/buildWhereSql.ts'

/** A row as Postgres returns it (column → value) or as `entity_history` stores it. */
export type Row = Record<string, unknown>

/**
 * Resolves a nested `<field>_` filter to the set of ids it admits: target ids for a reference or id
 * list, parent ids (the children's `targetColumn`) for a derived list.
 */
export type ResolveNested = (parameters: { field: EntityField; target: CatalogType; filter: Record<string, unknown> }) => Promise<Set<string>>

/** Compares two non-null values of a field the way Postgres orders its column. */
export function compareValues(field: EntityField, a: unknown, b: unknown): number {
  const type = sqlTypeOf(field)
  if (type === 'numeric' || type === 'int' || type === 'float8') return compareDecimal(a as string, b as string)
  if (type === 'boolean') return Number(a) - Number(b)
  const x = String(a)
  const y = String(b)
  return x === y ? 0 : x < y ? -1 : 1
}

function like(value: string, pattern: string, base: string, nocase: boolean): boolean {
  const v = nocase ? value.toLowerCase() : value
  const p = nocase ? pattern.toLowerCase() : pattern
  return base === 'contains' ? v.includes(p) : base === 'starts_with' ? v.startsWith(p) : v.endsWith(p)
}

/** Parameters for {@link compileRowFilter}. */
export type CompileRowFilterParameters = { catalog: Catalog; type: CatalogType; filter: Record<string, unknown>; resolveNested: ResolveNested; depth?: number }

/**
 * The in-memory twin of `buildWhereSql` for rows read from `entity_history` (time travel): the same
 * operators with the same SQL semantics (a comparison with NULL is false; `field: null` is IS NULL),
 * nested filters resolved to id sets first.
 *
 * @example
 * const keep = await compileRowFilter({ catalog, type, filter: { active: true }, resolveNested })
 * rows.filter(keep)
 */
export async function compileRowFilter({ catalog, type, filter, resolveNested, depth = 0 }: CompileRowFilterParameters): Promise<(row: Row) => boolean> {
  const tests: ((row: Row) => boolean)[] = []
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw new ApiUserError(`Filter \`${key}\` of ${type.name} must be a list.`)
      const parts = await Promise.all(value.map((item) => compileRowFilter({ catalog, type, filter: (item ?? {}) as Record<string, unknown>, resolveNested, depth })))
      tests.push(key === 'and' ? (row) => parts.every((part) => part(row)) : (row) => parts.some((part) => part(row)))
      continue
    }
    if (key.endsWith('_') && type.fieldsByName.has(key.slice(0, -1))) {
      const field = type.fieldsByName.get(key.slice(0, -1)) as EntityField
      if (field.kind !== 'relation' && field.kind !== 'derived' && field.kind !== 'idList') throw new ApiUserError(`Filter \`${key}\` of ${type.name} is not a nested filter.`)
      if (depth + 1 > maxFilterDepth) throw new ApiUserError(`Nested filters are limited to ${maxFilterDepth} levels.`)
      if (value === null) throw new ApiUserError(`Filter \`${key}\` of ${type.name} cannot be null.`)
      const ids = await resolveNested({ field, target: catalog.type(field.target), filter: value as Record<string, unknown> })
      if (field.kind === 'relation') tests.push((row) => row[field.column] != null && ids.has(String(row[field.column])))
      else if (field.kind === 'idList') tests.push((row) => Array.isArray(row[field.column]) && (row[field.column] as unknown[]).some((id) => ids.has(String(id))))
      else tests.push((row) => ids.has(String(row.id)))
      continue
    }
    const entry = type.filterKeys.get(key)
    if (!entry) throw new ApiUserError(`Type \`${type.name}\` has no filter \`${key}\`.`)
    const { field, operator } = entry
    if (field.kind === 'derived') throw new ApiUserError(`Filter \`${key}\` of ${type.name} is not supported.`)
    const column = field.column
    if (value === null) {
      if (operator.op === 'eq' || operator.op === 'list_eq') tests.push((row) => row[column] == null)
      else if (operator.op === 'not' || operator.op === 'list_not') tests.push((row) => row[column] != null)
      else throw new ApiUserError(`Filter \`${key}\` of ${type.name} cannot be null.`)
      continue
    }
    const cmp = (row: Row) => compareValues(field, row[column], value)
    const present = (row: Row) => row[column] != null
    switch (operator.op) {
      case 'eq':
        tests.push((row) => present(row) && cmp(row) === 0)
        break
      case 'not':
        tests.push((row) => present(row) && cmp(row) !== 0)
        break
      case 'gt':
        tests.push((row) => present(row) && cmp(row) > 0)
        break
      case 'gte':
        tests.push((row) => present(row) && cmp(row) >= 0)
        break
      case 'lt':
        tests.push((row) => present(row) && cmp(row) < 0)
        break
      case 'lte':
        tests.push((row) => present(row) && cmp(row) <= 0)
        break
      case 'in':
      case 'not_in': {
        const list = value as unknown[]
        const inList = (row: Row) => list.some((item) => compareValues(field, row[column], item) === 0)
        tests.push(operator.op === 'in' ? (row) => present(row) && inList(row) : (row) => present(row) && !inList(row))
        break
      }
      case 'contains':
      case 'not_contains':
      case 'starts_with':
      case 'not_starts_with':
      case 'ends_with':
      case 'not_ends_with': {
        const negate = operator.op.startsWith('not_')
        const base = negate ? operator.op.slice(4) : operator.op
        tests.push((row) => present(row) && like(String(row[column]), String(value), base, operator.nocase) !== negate)
        break
      }
      case 'list_eq':
      case 'list_not': {
        const list = (value as unknown[]).map(String)
        const equal = (row: Row) => {
          const stored = (row[column] as unknown[]).map(String)
          return stored.length === list.length && stored.every((item, index) => item === list[index])
        }
        tests.push(operator.op === 'list_eq' ? (row) => present(row) && equal(row) : (row) => present(row) && !equal(row))
        break
      }
      case 'list_contains':
      case 'list_not_contains': {
        const norm = (item: unknown) => (operator.nocase ? String(item).toLowerCase() : String(item))
        const wanted = (value as unknown[]).map(norm)
        const contains = (row: Row) => {
          const stored = new Set((row[column] as unknown[]).map(norm))
          return wanted.every((item) => stored.has(item))
        }
        tests.push(operator.op === 'list_contains' ? (row) => present(row) && contains(row) : (row) => present(row) && !contains(row))
        break
      }
    }
  }
  return (row) => tests.every((check) => check(row))
}

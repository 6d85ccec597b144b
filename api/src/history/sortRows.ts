import { ApiUserError } from '../errors/base.ts'
import type { Catalog, CatalogType } from '../schema/createCatalog.ts'
import { compareValues, type Row } from './compileRowFilter.ts'

/** Parameters for {@link sortRows}. */
export type SortRowsParameters = {
  catalog: Catalog
  type: CatalogType
  rows: Row[]
  orderBy: string | undefined
  direction: 'asc' | 'desc'
  /** Loads referenced rows for a nested `<relation>__<field>` order. */
  lookup: (target: string, ids: string[]) => Promise<Map<string, Row>>
}

/**
 * The in-memory twin of `buildOrderSql`: same keys, ties on id in the same direction, NULLs last
 * ascending and first descending (Postgres), text in byte order.
 *
 * @example
 * const sorted = await sortRows({ catalog, type, rows, orderBy: 'totalStake', direction: 'desc', lookup })
 */
export async function sortRows({ catalog, type, rows, orderBy, direction, lookup }: SortRowsParameters): Promise<Row[]> {
  const sign = direction === 'desc' ? -1 : 1
  const byId = (a: Row, b: Row) => sign * (String(a.id) === String(b.id) ? 0 : String(a.id) < String(b.id) ? -1 : 1)
  if (!orderBy || orderBy === 'id') return [...rows].sort(byId)
  const [head = '', nested] = orderBy.split('__')
  const field = type.fieldsByName.get(head)
  if (!field || field.kind === 'derived' || field.kind === 'idList' || field.kind === 'scalarList') throw new ApiUserError(`Cannot order ${type.name} by \`${orderBy}\`.`)
  let key: (row: Row) => unknown = (row) => row[field.column]
  let keyField = field
  if (nested !== undefined) {
    if (field.kind !== 'relation') throw new ApiUserError(`Cannot order ${type.name} by \`${orderBy}\`.`)
    const target = catalog.type(field.target)
    const targetField = target.fieldsByName.get(nested)
    if (!targetField || (targetField.kind !== 'scalar' && targetField.kind !== 'enum')) throw new ApiUserError(`Cannot order ${type.name} by \`${orderBy}\`.`)
    const ids = [...new Set(rows.flatMap((row) => (row[field.column] == null ? [] : [String(row[field.column])])))]
    const targets = await lookup(field.target, ids)
    key = (row) => (row[field.column] == null ? null : (targets.get(String(row[field.column]))?.[targetField.column] ?? null))
    keyField = targetField
  }
  return [...rows].sort((a, b) => {
    const x = key(a)
    const y = key(b)
    if (x == null && y == null) return byId(a, b)
    // NULL is the largest value in Postgres: last ascending, first descending.
    if (x == null) return sign
    if (y == null) return -sign
    return sign * compareValues(keyField, x, y) || byId(a, b)
  })
}

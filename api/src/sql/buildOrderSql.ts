import { ApiUserError } from '../errors/base.ts'
import type { Catalog, CatalogType } from '../schema/createCatalog.ts'
import { collate } from './buildWhereSql.ts'
import { quoteIdent } from './sqlParams.ts'

/** Parameters for {@link buildOrderSql}. */
export type BuildOrderSqlParameters = { catalog: Catalog; type: CatalogType; alias: string; orderBy: string | undefined; direction: 'asc' | 'desc' }

/**
 * `ORDER BY` (and the LEFT JOIN a nested `<relation>__<field>` key needs) for a `<Type>_orderBy`
 * value; ties break on `id` in the same direction, and no `orderBy` means `id asc`, as in The Graph.
 * Text sorts in byte order; Postgres puts NULLs last ascending and first descending.
 *
 * @example
 * buildOrderSql({ catalog, type, alias: 't', orderBy: 'totalStake', direction: 'desc' })
 * // { join: '', orderBy: 't."total_stake" DESC, t.id COLLATE "C" DESC' }
 */
export function buildOrderSql({ catalog, type, alias, orderBy, direction }: BuildOrderSqlParameters): { join: string; orderBy: string } {
  const dir = direction === 'desc' ? 'DESC' : 'ASC'
  const tiebreak = `${alias}.id COLLATE "C" ${dir}`
  if (!orderBy || orderBy === 'id') return { join: '', orderBy: tiebreak }
  const [head = '', nested] = orderBy.split('__')
  const field = type.fieldsByName.get(head)
  if (!field || field.kind === 'derived' || field.kind === 'idList' || field.kind === 'scalarList') throw new ApiUserError(`Cannot order ${type.name} by \`${orderBy}\`.`)
  if (nested === undefined) return { join: '', orderBy: `${alias}.${quoteIdent(field.column)}${collate(field)} ${dir}, ${tiebreak}` }
  if (field.kind !== 'relation') throw new ApiUserError(`Cannot order ${type.name} by \`${orderBy}\`.`)
  const target = catalog.type(field.target)
  const targetField = target.fieldsByName.get(nested)
  if (!targetField || (targetField.kind !== 'scalar' && targetField.kind !== 'enum')) throw new ApiUserError(`Cannot order ${type.name} by \`${orderBy}\`.`)
  const joined = `${alias}_o`
  return {
    join: ` LEFT JOIN ${target.source} ${joined} ON ${joined}.id = ${alias}.${quoteIdent(field.column)}`,
    orderBy: `${joined}.${quoteIdent(targetField.column)}${collate(targetField)} ${dir}, ${tiebreak}`,
  }
}

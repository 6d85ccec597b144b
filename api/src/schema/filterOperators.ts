import type { EntityField } from './readEntityModel.ts'

/** What a filter operator does; `value` says whether it takes one value, a list or a pattern. */
export type FilterOperator =
  | { op: 'eq' | 'not' | 'gt' | 'gte' | 'lt' | 'lte'; value: 'single' }
  | { op: 'in' | 'not_in'; value: 'list' }
  | { op: 'contains' | 'not_contains' | 'starts_with' | 'not_starts_with' | 'ends_with' | 'not_ends_with'; value: 'pattern'; nocase: boolean }
  | { op: 'list_eq' | 'list_not' | 'list_contains' | 'list_not_contains'; value: 'array'; nocase: boolean }

const comparison: Record<string, FilterOperator> = {
  '': { op: 'eq', value: 'single' },
  _not: { op: 'not', value: 'single' },
  _gt: { op: 'gt', value: 'single' },
  _lt: { op: 'lt', value: 'single' },
  _gte: { op: 'gte', value: 'single' },
  _lte: { op: 'lte', value: 'single' },
  _in: { op: 'in', value: 'list' },
  _not_in: { op: 'not_in', value: 'list' },
}
const equality: Record<string, FilterOperator> = {
  '': { op: 'eq', value: 'single' },
  _not: { op: 'not', value: 'single' },
  _in: { op: 'in', value: 'list' },
  _not_in: { op: 'not_in', value: 'list' },
}
const patterns: Record<string, FilterOperator> = Object.fromEntries(
  (['contains', 'starts_with', 'ends_with'] as const).flatMap((base) =>
    [false, true].flatMap((nocase) => [
      [`_${base}${nocase ? '_nocase' : ''}`, { op: base, value: 'pattern', nocase }],
      [`_not_${base}${nocase ? '_nocase' : ''}`, { op: `not_${base}` as const, value: 'pattern', nocase }],
    ]),
  ),
)
const lists: Record<string, FilterOperator> = {
  '': { op: 'list_eq', value: 'array', nocase: false },
  _not: { op: 'list_not', value: 'array', nocase: false },
  _contains: { op: 'list_contains', value: 'array', nocase: false },
  _contains_nocase: { op: 'list_contains', value: 'array', nocase: true },
  _not_contains: { op: 'list_not_contains', value: 'array', nocase: false },
  _not_contains_nocase: { op: 'list_not_contains', value: 'array', nocase: true },
}

/**
 * The filter operators (`<field><suffix>` in `<Entity>_filter`) The Graph generates for a field, by
 * suffix. Relations filter on the referenced id like strings; derived fields only have `<field>_`.
 */
export function filterOperators(field: EntityField): Record<string, FilterOperator> {
  switch (field.kind) {
    case 'scalar':
      if (field.scalar === 'ID') return comparison
      if (field.scalar === 'String') return { ...comparison, ...patterns }
      if (field.scalar === 'Bytes') return { ...comparison, _contains: patterns._contains!, _not_contains: patterns._not_contains! }
      if (field.scalar === 'Boolean') return equality
      return comparison
    case 'enum':
      return equality
    case 'relation':
      return { ...comparison, ...patterns }
    case 'scalarList':
    case 'idList':
      return lists
    case 'derived':
      return {}
  }
}

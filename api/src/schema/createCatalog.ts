import { ApiError } from '../errors/base.ts'
import { quoteIdent } from '../sql/sqlParams.ts'
import { filterOperators, type FilterOperator } from './filterOperators.ts'
import type { EntityField, EntityModel } from './readEntityModel.ts'

/** One queryable type: an entity (its table) or an interface (the union of its implementations' tables). */
export type CatalogType = {
  name: string
  isInterface: boolean
  fields: EntityField[]
  fieldsByName: Map<string, EntityField>
  /** `<field><suffix>` of `<Type>_filter` → the field and operator. */
  filterKeys: Map<string, { field: EntityField; operator: FilterOperator }>
  /** SQL FROM expression (an identifier, or a subquery for interfaces with a `__typename` column). */
  source: string
  /** Implementing entities (interfaces only). */
  implementations: string[]
}

/** Lookup of {@link CatalogType}s by name. */
export type Catalog = { model: EntityModel; type(name: string): CatalogType; has(name: string): boolean }

/**
 * Indexes the entity model for the SQL and in-memory query paths: filter keys per type and the
 * FROM expression (interfaces read `SELECT '<Type>' AS __typename, <interface columns>` from each
 * implementation's table, UNION ALL).
 *
 * @example
 * const catalog = createCatalog(model)
 * catalog.type('Pool').filterKeys.get('round_not') // { field: round, operator: { op: 'not', … } }
 */
export function createCatalog(model: EntityModel): Catalog {
  const types = new Map<string, CatalogType>()
  const keysOf = (fields: EntityField[]) => {
    const keys = new Map<string, { field: EntityField; operator: FilterOperator }>()
    for (const field of fields) for (const [suffix, operator] of Object.entries(filterOperators(field))) keys.set(`${field.name}${suffix}`, { field, operator })
    return keys
  }
  for (const [name, entity] of model.entities)
    types.set(name, { name, isInterface: false, fields: entity.fields, fieldsByName: entity.fieldsByName, filterKeys: keysOf(entity.fields), source: quoteIdent(entity.table), implementations: [] })
  for (const [name, definition] of model.interfaces) {
    const columns = ['id', ...definition.fields.flatMap((field) => (field.kind === 'derived' || field.name === 'id' ? [] : [field.column]))]
    const parts = definition.implementations.map((implementation) => {
      const table = model.entities.get(implementation)?.table ?? ''
      return `SELECT '${implementation.replace(/[^A-Za-z0-9_]/g, '')}'::text AS __typename, ${columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(table)}`
    })
    types.set(name, {
      name,
      isInterface: true,
      fields: definition.fields,
      fieldsByName: definition.fieldsByName,
      filterKeys: keysOf(definition.fields),
      source: `(${parts.join(' UNION ALL ')})`,
      implementations: definition.implementations,
    })
  }
  return {
    model,
    has: (name) => types.has(name),
    type(name) {
      const found = types.get(name)
      if (!found) throw new ApiError(`Unknown entity type ${name}.`)
      return found
    },
  }
}

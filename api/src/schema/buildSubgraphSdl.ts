import { filterOperators } from './filterOperators.ts'
import { pluralField, singularField } from './names.ts'
import type { EntityField, EntityModel, ScalarName } from './readEntityModel.ts'

/** Entities that answer `block: { number }` (time travel, from ClickHouse `entity_history`). */
export const versionedEntities = ['Protocol', 'Transcoder', 'Delegator'] as const

const collectionArguments = (name: string) =>
  `skip: Int = 0, first: Int = 100, orderBy: ${name}_orderBy, orderDirection: OrderDirection, where: ${name}_filter`

function describe(text: string | undefined, indent = '  '): string {
  if (!text) return ''
  return `${indent}${JSON.stringify(text)}\n`
}

function scalarType(scalar: ScalarName): string {
  return scalar
}

function fieldType(field: EntityField): string {
  switch (field.kind) {
    case 'scalar':
      return `${scalarType(field.scalar)}${field.nonNull ? '!' : ''}`
    case 'enum':
      return `${field.enumName}${field.nonNull ? '!' : ''}`
    case 'scalarList':
      return `[${scalarType(field.scalar)}!]${field.nonNull ? '!' : ''}`
    case 'idList':
      return `[${field.target}!]${field.nonNull ? '!' : ''}`
    case 'relation':
      return `${field.target}${field.nonNull ? '!' : ''}`
    case 'derived':
      return `[${field.target}!]`
  }
}

function fieldDefinition(field: EntityField): string {
  const args = field.kind === 'derived' || field.kind === 'idList' ? `(${collectionArguments(field.target)})` : ''
  return `${describe(field.description)}  ${field.name}${args}: ${fieldType(field)}\n`
}

/** The GraphQL type of a filter value for `<field><suffix>`. */
function filterValueType(field: EntityField, suffix: string): string {
  const list = suffix === '_in' || suffix === '_not_in'
  switch (field.kind) {
    case 'scalar': {
      const base = field.scalar
      return list ? `[${base}!]` : base
    }
    case 'enum':
      return list ? `[${field.enumName}!]` : field.enumName
    case 'relation':
      return list ? '[String!]' : 'String'
    case 'scalarList':
      return `[${field.scalar}!]`
    case 'idList':
      return '[String!]'
    case 'derived':
      return ''
  }
}

function filterInput(name: string, fields: EntityField[]): string {
  let out = `"Filter of ${name} collections (The Graph's where grammar)"\ninput ${name}_filter {\n`
  for (const field of fields) {
    for (const suffix of Object.keys(filterOperators(field))) out += `  ${field.name}${suffix}: ${filterValueType(field, suffix)}\n`
    if (field.kind === 'relation' || field.kind === 'derived' || field.kind === 'idList') out += `  ${field.name}_: ${field.target}_filter\n`
  }
  out += `  and: [${name}_filter]\n  or: [${name}_filter]\n}\n`
  return out
}

function orderByEnum(name: string, fields: EntityField[], model: EntityModel): string {
  const values: string[] = []
  for (const field of fields) {
    if (field.kind === 'derived' || field.kind === 'idList' || field.kind === 'scalarList') continue
    values.push(field.name)
    if (field.kind !== 'relation') continue
    const target = model.entities.get(field.target) ?? model.interfaces.get(field.target)
    for (const nested of target?.fields ?? []) if (nested.kind === 'scalar' || nested.kind === 'enum') values.push(`${field.name}__${nested.name}`)
  }
  return `"Fields ${name} collections can be ordered by"\nenum ${name}_orderBy {\n${values.map((value) => `  ${value}\n`).join('')}}\n`
}

/**
 * The subgraph-dialect SDL The Graph would generate for the entity model: entity types, the Event
 * interface, `<Entity>_filter`, `<Entity>_orderBy`, `OrderDirection`, `Block_height`, `_Meta_`, and a
 * singular and a plural root field per entity (`transcoder(id, block)`, `transcoders(first, …)`).
 *
 * @example
 * const sdl = buildSubgraphSdl(readEntityModel({ sdl: rootSchema }))
 */
export function buildSubgraphSdl(model: EntityModel): string {
  let sdl = `"Integer of any size, as a decimal string"
scalar BigInt
"Decimal of any size and precision, as a string (LPT and ETH amounts are already divided by 1e18)"
scalar BigDecimal
"Bytes as a 0x-prefixed hex string"
scalar Bytes

enum OrderDirection {
  asc
  desc
}

"The block a query reads (time travel): by number, by hash, or the latest at or above number_gte"
input Block_height {
  hash: Bytes
  number: Int
  number_gte: Int
}

"Accepted for compatibility: this API never serves data with indexing errors"
enum _SubgraphErrorPolicy_ {
  allow
  deny
}

type _Block_ {
  hash: Bytes
  number: Int!
  "Seconds; null when no indexed event carries the head block's time"
  timestamp: Int
  parentHash: Bytes
}

"Indexing status (The Graph's _meta)"
type _Meta_ {
  block: _Block_!
  deployment: String!
  hasIndexingErrors: Boolean!
}
`
  for (const [name, values] of model.enums) sdl += `enum ${name} {\n${values.map((value) => `  ${value}\n`).join('')}}\n`
  for (const [name, definition] of model.interfaces) {
    sdl += `interface ${name} {\n${definition.fields.map(fieldDefinition).join('')}}\n`
    sdl += filterInput(name, definition.fields) + orderByEnum(name, definition.fields, model)
  }
  for (const [name, entity] of model.entities) {
    const implementsClause = entity.interfaces.length > 0 ? ` implements ${entity.interfaces.join(' & ')}` : ''
    sdl += `${describe(entity.description, '')}type ${name}${implementsClause} {\n${entity.fields.map(fieldDefinition).join('')}}\n`
    sdl += filterInput(name, entity.fields) + orderByEnum(name, entity.fields, model)
  }
  const roots = [...model.entities.keys(), ...model.interfaces.keys()]
  sdl += 'type Query {\n'
  for (const name of roots) {
    sdl += `  ${singularField(name)}(id: ID!, block: Block_height, subgraphError: _SubgraphErrorPolicy_! = deny): ${name}\n`
    sdl += `  ${pluralField(name)}(${collectionArguments(name)}, block: Block_height, subgraphError: _SubgraphErrorPolicy_! = deny): [${name}!]!\n`
  }
  sdl += '  "Indexing status: the indexed head block and whether indexing failed"\n  _meta(block: Block_height): _Meta_\n}\n'
  return sdl
}

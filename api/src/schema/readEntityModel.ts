import { Kind, parse, type FieldDefinitionNode, type TypeNode } from 'graphql'
import { ApiError } from '../errors/base.ts'
import { snakeCase } from './snakeCase.ts'

/** Scalars of the entity schema. */
export type ScalarName = 'ID' | 'String' | 'Int' | 'Float' | 'Boolean' | 'BigInt' | 'BigDecimal' | 'Bytes'

/** How one entity field is stored and resolved. */
export type EntityField =
  | { kind: 'scalar'; name: string; scalar: ScalarName; column: string; nonNull: boolean; description?: string | undefined }
  | { kind: 'enum'; name: string; enumName: string; column: string; nonNull: boolean; description?: string | undefined }
  | { kind: 'scalarList'; name: string; scalar: ScalarName; column: string; nonNull: boolean; description?: string | undefined }
  /** A stored list of ids exposed as entities (the subgraph's hand-maintained lists). */
  | { kind: 'idList'; name: string; target: string; column: string; nonNull: boolean; description?: string | undefined }
  | { kind: 'relation'; name: string; target: string; column: string; nonNull: boolean; description?: string | undefined }
  | { kind: 'derived'; name: string; target: string; targetField: string; targetColumn: string; description?: string | undefined }

/** An `@entity` type (or the Event interface, whose rows are the union of its implementations). */
export type EntityType = {
  name: string
  table: string
  description?: string | undefined
  fields: EntityField[]
  fieldsByName: Map<string, EntityField>
  interfaces: string[]
}

/** An interface with its implementing entities. */
export type InterfaceType = { name: string; fields: EntityField[]; fieldsByName: Map<string, EntityField>; implementations: string[] }

/** The entity model read from schema.graphql. */
export type EntityModel = {
  entities: Map<string, EntityType>
  interfaces: Map<string, InterfaceType>
  enums: Map<string, string[]>
}

/** Parameters for {@link readEntityModel}. */
export type ReadEntityModelParameters = {
  /** The SDL of the root schema.graphql. */
  sdl: string
  /** Entities kept out of the API (internal bookkeeping). Default LedgerEntry, LedgerCheckpoint. */
  hidden?: string[]
  /**
   * `[String!]!` columns holding entity ids, exposed as entity lists as the subgraph does.
   * Default: Protocol.pendingActivation/pendingDeactivation → Transcoder, Transcoder.transcoderDays →
   * TranscoderDay, Broadcaster.broadcasterDays → BroadcasterDay.
   */
  idLists?: Record<string, string>
  /**
   * Lists of an interface's implementations added to an entity, as `Owner.field` → `Interface.relation`.
   * Default: Transaction.events → Event.transaction (the subgraph's `Transaction.events`).
   */
  interfaceLists?: Record<string, string>
}

const scalars = new Set<string>(['ID', 'String', 'Int', 'Float', 'Boolean', 'BigInt', 'BigDecimal', 'Bytes'])

const defaultIdLists: Record<string, string> = {
  'Protocol.pendingActivation': 'Transcoder',
  'Protocol.pendingDeactivation': 'Transcoder',
  'Transcoder.transcoderDays': 'TranscoderDay',
  'Broadcaster.broadcasterDays': 'BroadcasterDay',
}

function unwrap(type: TypeNode): { name: string; nonNull: boolean; list: boolean } {
  let nonNull = false
  let list = false
  let node = type
  if (node.kind === Kind.NON_NULL_TYPE) {
    nonNull = true
    node = node.type
  }
  if (node.kind === Kind.LIST_TYPE) {
    list = true
    node = node.type
    if (node.kind === Kind.NON_NULL_TYPE) node = node.type
  }
  if (node.kind !== Kind.NAMED_TYPE) throw new ApiError('Nested list types are not supported in schema.graphql.')
  return { name: node.name.value, nonNull, list }
}

/**
 * Reads the entity model (`@entity` types, `@derivedFrom` fields, interfaces, enums) from the
 * root schema.graphql, with the Postgres table and column names typeorm-store gives them
 * (snake-case; a relation `delegate` is column `delegate_id`).
 *
 * @example
 * const model = readEntityModel({ sdl: readFileSync('schema.graphql', 'utf8') })
 * model.entities.get('Transcoder')?.table // 'transcoder'
 */
export function readEntityModel({
  sdl,
  hidden = ['LedgerEntry', 'LedgerCheckpoint'],
  idLists = defaultIdLists,
  interfaceLists = { 'Transaction.events': 'Event.transaction' },
}: ReadEntityModelParameters): EntityModel {
  const document = parse(sdl)
  const enums = new Map<string, string[]>()
  const objectNames = new Set<string>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION) enums.set(definition.name.value, (definition.values ?? []).map((value) => value.name.value))
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.directives?.some((d) => d.name.value === 'entity') && !hidden.includes(definition.name.value))
      objectNames.add(definition.name.value)
  }
  const interfaceNames = new Set(document.definitions.flatMap((d) => (d.kind === Kind.INTERFACE_TYPE_DEFINITION ? [d.name.value] : [])))

  const toField = (owner: string, node: FieldDefinitionNode): EntityField | undefined => {
    const name = node.name.value
    const description = node.description?.value
    const { name: typeName, nonNull, list } = unwrap(node.type)
    const derived = node.directives?.find((d) => d.name.value === 'derivedFrom')
    if (derived) {
      const argument = derived.arguments?.find((a) => a.name.value === 'field')?.value
      if (argument?.kind !== Kind.STRING) throw new ApiError(`@derivedFrom on ${owner}.${name} needs a field argument.`)
      if (!objectNames.has(typeName)) return undefined
      return { kind: 'derived', name, target: typeName, targetField: argument.value, targetColumn: `${snakeCase(argument.value)}_id`, description }
    }
    const column = snakeCase(name)
    if (scalars.has(typeName)) {
      const idTarget = idLists[`${owner}.${name}`]
      if (list && idTarget) return { kind: 'idList', name, target: idTarget, column, nonNull, description }
      if (list) return { kind: 'scalarList', name, scalar: typeName as ScalarName, column, nonNull, description }
      return { kind: 'scalar', name, scalar: typeName as ScalarName, column, nonNull, description }
    }
    if (enums.has(typeName)) return { kind: 'enum', name, enumName: typeName, column, nonNull, description }
    if (objectNames.has(typeName) && !list) return { kind: 'relation', name, target: typeName, column: `${column}_id`, nonNull, description }
    if (interfaceNames.has(typeName) || !objectNames.has(typeName)) return undefined
    throw new ApiError(`Unsupported field ${owner}.${name}: a list of entities without @derivedFrom.`)
  }

  const entities = new Map<string, EntityType>()
  const interfaces = new Map<string, InterfaceType>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && objectNames.has(definition.name.value)) {
      const name = definition.name.value
      const fields = (definition.fields ?? []).flatMap((node) => toField(name, node) ?? [])
      entities.set(name, {
        name,
        table: snakeCase(name),
        description: definition.description?.value,
        fields,
        fieldsByName: new Map(fields.map((field) => [field.name, field])),
        interfaces: (definition.interfaces ?? []).map((i) => i.name.value),
      })
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue
    const name = definition.name.value
    const fields = (definition.fields ?? []).flatMap((node) => toField(name, node) ?? [])
    const implementations = [...entities.values()].filter((entity) => entity.interfaces.includes(name)).map((entity) => entity.name)
    interfaces.set(name, { name, fields, fieldsByName: new Map(fields.map((field) => [field.name, field])), implementations })
  }
  for (const [at, from] of Object.entries(interfaceLists)) {
    const [owner = '', name = ''] = at.split('.')
    const [target = '', targetField = ''] = from.split('.')
    const entity = entities.get(owner)
    if (!entity || !interfaces.get(target)?.fieldsByName.has(targetField)) continue
    const field: EntityField = { kind: 'derived', name, target, targetField, targetColumn: `${snakeCase(targetField)}_id` }
    entity.fields.push(field)
    entity.fieldsByName.set(name, field)
  }
  return { entities, interfaces, enums }
}

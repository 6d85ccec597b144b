import type { GraphQLResolveInfo } from 'graphql'
import { ApiUserError } from '../errors/base.ts'
import { blockKey } from '../sql/createEntityStore.ts'
import { isVersioned } from '../loaders/createLoaders.ts'
import type { Row } from '../history/compileRowFilter.ts'
import { normalizeCollectionArgs, type CollectionArgs } from '../schema/collectionArgs.ts'
import { pluralField, singularField } from '../schema/names.ts'
import type { Catalog } from '../schema/createCatalog.ts'
import type { EntityField } from '../schema/readEntityModel.ts'
import { bigDecimalScalar, bigIntScalar, bytesScalar } from '../schema/scalars.ts'
import type { ApiContext, BlockHeight } from './context.ts'
import { resolveBlock } from './resolveBlock.ts'
import { readMeta } from './readMeta.ts'
import { selectedColumns } from './selectedColumns.ts'

type RootArgs = CollectionArgs & { id?: string | number; block?: BlockHeight | null }

/** The block a referenced entity resolves at: the parent's past block when both are versioned. */
function blockFor(target: string, row: Row): number | undefined {
  const block = row[blockKey]
  return typeof block === 'number' && isVersioned(target) ? block : undefined
}

function timeTravelUnsupported(entity: string): ApiUserError {
  return new ApiUserError(`Time travel (\`block\`) is available for Protocol, Transcoder and Delegator; ${entity} can only be read at the indexed head.`)
}

function fieldResolver(catalog: Catalog, owner: string, field: EntityField) {
  switch (field.kind) {
    case 'scalar':
    case 'enum':
    case 'scalarList':
      return (row: Row) => row[field.column]
    case 'relation':
      return (row: Row, _args: unknown, context: ApiContext) => {
        const id = row[field.column]
        return id == null ? null : context.loaders.entity(field.target, blockFor(field.target, row)).load(String(id))
      }
    case 'derived':
      return (row: Row, args: CollectionArgs, context: ApiContext, info: GraphQLResolveInfo) =>
        context.loaders.children(owner, field, normalizeCollectionArgs(args), blockFor(field.target, row), selectedColumns(catalog.type(field.target), info)).load(String(row.id))
    case 'idList':
      return async (row: Row, args: CollectionArgs, context: ApiContext) => {
        const ids = ((row[field.column] as unknown[] | null) ?? []).map(String)
        const block = blockFor(field.target, row)
        const loaded = await context.loaders.entity(field.target, block).loadMany(ids)
        const rows = loaded.flatMap((item) => (item && !(item instanceof Error) ? [item] : []))
        // NOTE: without orderBy the stored order (newest first for day lists) is kept, as the subgraph returns it.
        return context.loaders.applyInMemory(field.target, rows, normalizeCollectionArgs(args), block, true)
      }
  }
}

/**
 * Resolvers of the subgraph dialect, generated from the catalog: a singular and a plural root field
 * per entity and interface (with `block` time travel for versioned entities), a resolver per field
 * (references and derived lists through the request's DataLoaders), `Event.__resolveType`, `_meta`
 * and the scalars.
 *
 * @example
 * createSchema({ typeDefs: buildSubgraphSdl(model), resolvers: createSubgraphResolvers(catalog) })
 */
export function createSubgraphResolvers(catalog: Catalog): Record<string, unknown> {
  const query: Record<string, unknown> = {}
  const resolvers: Record<string, unknown> = { BigInt: bigIntScalar, BigDecimal: bigDecimalScalar, Bytes: bytesScalar }
  const names = [...catalog.model.entities.keys(), ...catalog.model.interfaces.keys()]
  for (const name of names) {
    query[singularField(name)] = async (_root: unknown, args: RootArgs, context: ApiContext) => {
      const block = await resolveBlock(context, args.block)
      if (block !== undefined && !isVersioned(name)) throw timeTravelUnsupported(name)
      return context.loaders.entity(name, block).load(String(args.id))
    }
    query[pluralField(name)] = async (_root: unknown, args: RootArgs, context: ApiContext, info: GraphQLResolveInfo) => {
      const normalized = normalizeCollectionArgs(args)
      const block = await resolveBlock(context, args.block)
      if (block === undefined) return context.store.collection(name, normalized, selectedColumns(catalog.type(name), info))
      if (!isVersioned(name)) throw timeTravelUnsupported(name)
      return context.loaders.collectionAt(name, block, normalized)
    }
  }
  query._meta = async (_root: unknown, args: { block?: BlockHeight | null }, context: ApiContext) => readMeta(context, await resolveBlock(context, args.block))
  resolvers.Query = query
  for (const [name, entity] of catalog.model.entities) {
    const fields: Record<string, unknown> = {}
    for (const field of entity.fields) fields[field.name] = fieldResolver(catalog, name, field)
    resolvers[name] = fields
  }
  for (const [name, definition] of catalog.model.interfaces) {
    const fields: Record<string, unknown> = { __resolveType: (row: Row) => row.__typename }
    for (const field of definition.fields) fields[field.name] = fieldResolver(catalog, name, field)
    resolvers[name] = fields
  }
  return resolvers
}

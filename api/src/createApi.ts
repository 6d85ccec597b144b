import { readFileSync } from 'node:fs'
import type { ClickHouseClient } from '@clickhouse/client'
import { GraphQLError } from 'graphql'
import { createSchema, createYoga, type YogaServerInstance } from 'graphql-yoga'
import type { Pool } from 'pg'
import { createAnalyticsResolvers } from './analytics/createAnalyticsResolvers.ts'
import { defaultQueryLimits, type QueryLimits } from './limits/queryLimits.ts'
import { useQueryLimits } from './limits/useQueryLimits.ts'
import { createLoaders } from './loaders/createLoaders.ts'
import type { ApiContext, IndexedHead } from './resolvers/context.ts'
import { createSubgraphResolvers } from './resolvers/createSubgraphResolvers.ts'
import { buildSubgraphSdl } from './schema/buildSubgraphSdl.ts'
import { createCatalog } from './schema/createCatalog.ts'
import { readEntityModel } from './schema/readEntityModel.ts'
import { createHeadTracker } from './server/createHeadTracker.ts'
import { createEntityStore } from './sql/createEntityStore.ts'
import { silentLogger, type ApiLogger } from './types.ts'

/** Parameters for {@link createApi}. */
export type CreateApiParameters = {
  /** Postgres with the indexer's entity tables (a `pg` Pool; the caller owns it). */
  pool: Pool
  /** The indexer's ClickHouse (chDB in embedded mode: the indexer process's own client). */
  clickhouse: ClickHouseClient
  logger?: ApiLogger
  /** The chain head when known (for `indexerStatus`). */
  chainHead?: () => number | undefined
  /** SDL of the entity schema; default the repository's root schema.graphql. */
  entitySchema?: string
  limits?: Partial<QueryLimits>
  /** How stale the indexed head may be (response cache keys, time-travel bounds), ms. Default 250. */
  headMaxAgeMs?: number
  /** `indexerStatus.behind` threshold in blocks. Default 3,600 (The explorer's ~15 min on Arbitrum). */
  behindThresholdBlocks?: number
  /** GraphiQL on GET /graphql. Default true. */
  graphiql?: boolean
}

/** What {@link createApi} returns: the yoga instance (a fetch handler and a node request listener). */
export type Api = {
  yoga: YogaServerInstance<object, ApiContext>
  limits: QueryLimits
  /** The indexed head (at most `headMaxAgeMs` old): what response caches key on. */
  head: () => Promise<IndexedHead | undefined>
}

const rootSchemaUrl = new URL('../../schema.graphql', import.meta.url)
const analyticsSchemaUrl = new URL('./schema/analytics.graphql', import.meta.url)

/**
 * The Peerscope GraphQL API as a graphql-yoga instance on `/graphql`: the Livepeer subgraph's query
 * dialect generated from schema.graphql (Postgres, time travel from ClickHouse `entity_history`),
 * the analytics of `schema/analytics.graphql` (ClickHouse), query limits, per-request DataLoaders,
 * masked internal errors and open CORS. `startApiServer` adds the response cache (keyed on `head()`).
 *
 * @example
 * const { yoga } = createApi({ pool: new Pool({ connectionString: dbUrl }), clickhouse })
 * http.createServer(yoga).listen(4000)
 */
export function createApi(parameters: CreateApiParameters): Api {
  const { pool, clickhouse, logger = silentLogger, chainHead = () => undefined, graphiql = true } = parameters
  const limits: QueryLimits = { ...defaultQueryLimits, ...parameters.limits }
  const model = readEntityModel({ sdl: parameters.entitySchema ?? readFileSync(rootSchemaUrl, 'utf8') })
  const catalog = createCatalog(model)
  const store = createEntityStore({ catalog, pool, clickhouse })
  const tracker = createHeadTracker({ read: store.head, maxAgeMs: parameters.headMaxAgeMs ?? 250 })
  const schema = createSchema<ApiContext>({
    typeDefs: [buildSubgraphSdl(model), readFileSync(analyticsSchemaUrl, 'utf8')],
    // NOTE: the resolver maps are generated from the entity model, so they are typed loosely.
    resolvers: [createSubgraphResolvers(catalog), createAnalyticsResolvers()] as NonNullable<Parameters<typeof createSchema<ApiContext>>[0]['resolvers']>,
  })
  const yoga = createYoga<object, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: graphiql ? { title: 'Peerscope GraphQL' } : false,
    landingPage: false,
    cors: { origin: '*', methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders: ['content-type', 'authorization'] },
    logging: false,
    plugins: [useQueryLimits(limits)],
    maskedErrors: {
      isDev: false,
      maskError(error, message) {
        const original = error instanceof GraphQLError ? error.originalError : error
        if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return error
        logger.error({ err: original instanceof Error ? { message: original.message, stack: original.stack } : String(original) }, 'graphql resolver failed')
        return new GraphQLError(message, undefined, undefined, undefined, error instanceof GraphQLError ? error.path : undefined, undefined, { code: 'INTERNAL_SERVER_ERROR' })
      },
    },
    context: () => ({
      store,
      loaders: createLoaders(store),
      clickhouse,
      pool,
      head: () => tracker.get(),
      chainHead,
      behindThresholdBlocks: parameters.behindThresholdBlocks ?? 3_600,
    }),
  })
  return { yoga, limits, head: () => tracker.get() }
}

// @peerscope/api: the GraphQL API (graphql-yoga) serving the Livepeer subgraph's query dialect from
// the indexer's Postgres entities and analytics from its ClickHouse facts. `startApiServer` is what
// `peerscope serve` and `peerscope up` run.
export { createApi, type Api, type CreateApiParameters } from './createApi.ts'
export { startApiServer, type ApiRoute, type StartApiServerParameters, type StartApiServerReturnType } from './startApiServer.ts'
export { ApiError, ApiUserError, type ApiUserErrorCode } from './errors/base.ts'
export { defaultQueryLimits, type QueryLimits } from './limits/queryLimits.ts'
export type { RateLimit } from './server/createRateLimiter.ts'
export type { ApiLogger } from './types.ts'

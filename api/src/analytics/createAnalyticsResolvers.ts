import type { ApiContext } from '../resolvers/context.ts'
import { readBenchmarkLeaderboard, readBenchmarkRegions, type BenchmarkLeaderboardArgs } from './readBenchmarkLeaderboard.ts'
import { readDelegatorEarnings, type DelegatorEarningsArgs } from './readDelegatorEarnings.ts'
import { readForecastedYield, type ForecastedYieldArgs } from './readForecastedYield.ts'
import { readIndexerStatus } from './readIndexerStatus.ts'
import { readNetworkSeries, type NetworkSeriesArgs } from './readNetworkSeries.ts'
import { readOrchestratorComparison, type OrchestratorComparisonArgs } from './readOrchestratorComparison.ts'

/**
 * Resolvers of `schema/analytics.graphql`: the questions the subgraph cannot answer, from ClickHouse
 * facts and Postgres entities.
 *
 * @example
 * createSchema({ typeDefs: [subgraphSdl, analyticsSdl], resolvers: [subgraphResolvers, createAnalyticsResolvers()] })
 */
export function createAnalyticsResolvers(): Record<string, unknown> {
  return {
    Query: {
      orchestratorComparison: (_root: unknown, args: OrchestratorComparisonArgs, context: ApiContext) => readOrchestratorComparison({ pool: context.pool, args }),
      delegatorEarnings: (_root: unknown, args: DelegatorEarningsArgs, context: ApiContext) => readDelegatorEarnings({ clickhouse: context.clickhouse, args }),
      forecastedYield: (_root: unknown, args: ForecastedYieldArgs, context: ApiContext) => readForecastedYield({ pool: context.pool, clickhouse: context.clickhouse, args }),
      networkSeries: (_root: unknown, args: NetworkSeriesArgs, context: ApiContext) => readNetworkSeries({ pool: context.pool, clickhouse: context.clickhouse, args }),
      benchmarkLeaderboard: (_root: unknown, args: BenchmarkLeaderboardArgs, context: ApiContext) => readBenchmarkLeaderboard({ clickhouse: context.clickhouse, args }),
      benchmarkRegions: (_root: unknown, _args: unknown, context: ApiContext) => readBenchmarkRegions(context.clickhouse),
      indexerStatus: (_root: unknown, _args: unknown, context: ApiContext) => readIndexerStatus(context),
    },
  }
}

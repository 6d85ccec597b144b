import type { ClickHouseClient } from '@clickhouse/client'
import { readLeaderboard } from '@peerscope/nodes/leaderboard'
import { ApiUserError } from '../errors/base.ts'
import { clickhouseRows } from './clickhouseRows.ts'

/** Arguments of `Query.benchmarkLeaderboard`. */
export type BenchmarkLeaderboardArgs = {
  jobType?: string | null
  region?: string | null
  pipeline?: string | null
  model?: string | null
  since?: number | null
  first?: number | null
  skip?: number | null
}

const jobTypes = ['transcoding', 'ai', 'live'] as const

/**
 * `Query.benchmarkLeaderboard`: scores, success rates and latency percentiles from the nodes
 * workspace's `readLeaderboard` (the leaderboard-serverless definitions over `benchmark_samples`),
 * plus each row's service URI and newest sample time. The window starts at `since`, by default 24 h
 * before the newest sample.
 *
 * @example
 * await readBenchmarkLeaderboard({ clickhouse, args: { jobType: 'transcoding', region: 'FRA' } })
 */
export async function readBenchmarkLeaderboard({ clickhouse, args }: { clickhouse: ClickHouseClient; args: BenchmarkLeaderboardArgs }) {
  const first = args.first ?? 100
  const skip = args.skip ?? 0
  if (first < 0 || first > 1000) throw new ApiUserError(`The \`first\` argument must be between 0 and 1000, but is ${first}`)
  if (skip < 0) throw new ApiUserError('The `skip` argument must not be negative.')
  const jobType = (args.jobType ?? 'transcoding') as (typeof jobTypes)[number]
  if (!jobTypes.includes(jobType)) throw new ApiUserError(`\`jobType\` must be one of ${jobTypes.join(', ')}.`)
  const [newest] = await clickhouseRows<{ newest: string | number }>(clickhouse, 'SELECT toUnixTimestamp64Milli(max(started_at)) AS newest FROM benchmark_samples')
  const newestMs = Number(newest?.newest ?? 0)
  if (newestMs === 0) return []
  const since = new Date(args.since != null ? args.since * 1000 : newestMs - 24 * 3600 * 1000)
  const until = new Date(Math.max(Date.now(), newestMs))
  const filter = {
    jobType,
    since,
    until,
    ...(args.region ? { region: args.region } : {}),
    ...(args.pipeline != null ? { pipeline: args.pipeline } : {}),
    ...(args.model != null ? { model: args.model } : {}),
  }
  const [rows, extras] = await Promise.all([
    readLeaderboard({ clickhouse, ...filter }),
    clickhouseRows<{ orchestrator: string; region: string; pipeline: string; model: string; service_uri: string; last: string | number }>(
      clickhouse,
      `SELECT orchestrator, region, pipeline, model, argMax(service_uri, started_at) AS service_uri, toUnixTimestamp(max(started_at)) AS last
       FROM benchmark_samples FINAL
       WHERE job_type = {jobType:String} AND started_at >= fromUnixTimestamp64Milli({sinceMs:Int64}) AND started_at <= fromUnixTimestamp64Milli({untilMs:Int64})
       GROUP BY orchestrator, region, pipeline, model`,
      { jobType, sinceMs: since.getTime(), untilMs: until.getTime() },
    ),
  ])
  const key = (row: { orchestrator: string; region: string; pipeline: string; model: string }) => [row.orchestrator, row.region, row.pipeline, row.model].join('\u0000')
  const extraBy = new Map(extras.map((row) => [key(row), row]))
  return rows.slice(skip, skip + first).map((row) => {
    const extra = extraBy.get(key(row))
    return {
      orchestrator: row.orchestrator,
      serviceURI: extra?.service_uri ?? '',
      region: row.region,
      jobType: row.jobType,
      pipeline: row.pipeline,
      model: row.model,
      samples: row.samples,
      successRate: row.successRate,
      latencyP50Ms: row.latencyP50Ms,
      latencyP90Ms: row.latencyP90Ms,
      latencyP99Ms: row.latencyP99Ms,
      latencyMeanMs: row.avgRoundTripMs,
      segDurationMeanMs: row.avgSegDurationMs,
      pricePerUnit: row.pricePerUnitWei,
      pixelsPerUnit: row.pixelsPerUnit,
      pricePerPixel: BigInt(row.pixelsPerUnit) > 0n ? row.pricePerPixelWei : null,
      latencyScore: row.roundTripScore,
      score: row.score,
      lastSampleAt: Number(extra?.last ?? 0),
    }
  })
}

/**
 * `Query.benchmarkRegions`: regions that have samples, sorted.
 *
 * @example
 * await readBenchmarkRegions(clickhouse) // ['FRA', 'LAX']
 */
export async function readBenchmarkRegions(clickhouse: ClickHouseClient): Promise<string[]> {
  const rows = await clickhouseRows<{ region: string }>(clickhouse, 'SELECT DISTINCT region FROM benchmark_samples ORDER BY region')
  return rows.map((row) => row.region)
}

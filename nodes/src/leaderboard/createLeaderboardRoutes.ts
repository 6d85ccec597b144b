import { timingSafeEqual } from 'node:crypto'
import type { ClickHouseClient } from '@clickhouse/client'
import { silentLogger, type Logger } from '../simulator/logger.ts'
import { InvalidBenchmarkSampleError, LeaderboardParameterError } from './errors.ts'
import { insertBenchmarkSamples } from './insertBenchmarkSamples.ts'
import { readRegions } from './leaderboardRegions.ts'
import { readLeaderboard } from './readLeaderboard.ts'
import { readPipelines } from './readPipelines.ts'
import { readRawStats } from './readRawStats.ts'
import type { SampleFilter } from './sampleFilter.ts'

/** Parameters for {@link createLeaderboardRoutes}. */
export type CreateLeaderboardRoutesParameters = {
  clickhouse: ClickHouseClient
  /** When set, `POST /ingest/benchmark-samples` needs `Authorization: Bearer <ingestToken>`. */
  ingestToken?: string | undefined
  /** Largest ingest body. Default 10 MiB. */
  maxIngestBytes?: number | undefined
  /** Most samples per ingest request. Default 10,000. */
  maxIngestSamples?: number | undefined
  logger?: Logger | undefined
}

/** A fetch-style handler: a Response for the leaderboard paths, undefined for any other path. */
export type LeaderboardRouteHandler = (request: Request) => Promise<Response | undefined>

/** Path of the benchmark sample ingest route. */
export const ingestBenchmarkSamplesPath = '/ingest/benchmark-samples'

/**
 * The leaderboard-serverless REST API (nodes.md §12.3) over ClickHouse `benchmark_samples`, plus
 * the ingest route the gateway's tester posts samples to:
 *
 * - `GET /api/aggregated_stats?orchestrator=&region=&since=&until=[&model=&pipeline=]` →
 *   `{ "<orch>": { "<REGION>": { success_rate, round_trip_score, score } } }` (transcoding without
 *   model/pipeline; AI with both; one alone is a 400)
 * - `GET /api/raw_stats?orchestrator=(required)&region=&since=&until=[&model&pipeline]` → `{ REGION: [Stats…] }`
 * - `GET /api/regions` → `{ regions: [{ id, name, type }] }`
 * - `GET /api/pipelines?region=&since=&until=` → `{ pipelines: [{ id, models, regions }] }`
 * - `GET /api/top_ai_score?orchestrator=` → `{ region, orchestrator, value, model, pipeline }`
 *   (value 0 and empty names when the orchestrator has no AI sample in the window)
 * - `POST /ingest/benchmark-samples` with a JSON array of `benchmark_samples` rows → `{ inserted }`;
 *   a bad row is a 400 naming its index and field, and nothing is inserted.
 *
 * `since` / `until` are Unix seconds (as leaderboard-serverless takes them) or ISO times; the
 * window defaults to the last 24 h. Errors are `{ error: { code, message, field? } }`.
 *
 * @example
 * const leaderboard = createLeaderboardRoutes({ clickhouse, ingestToken: config.ingestToken })
 * const response = (await leaderboard(request)) ?? (await graphql(request))
 */
export function createLeaderboardRoutes(parameters: CreateLeaderboardRoutesParameters): LeaderboardRouteHandler {
  const { clickhouse, ingestToken, maxIngestBytes = 10 * 1024 * 1024, maxIngestSamples = 10_000, logger = silentLogger } = parameters
  const routes: Record<string, (url: URL, request: Request) => Promise<Response>> = {
    '/api/aggregated_stats': async (url) => {
      const filter = readFilter(url, { ai: 'pair' })
      const rows = await readLeaderboard({ clickhouse, ...filter, ...(filter.pipeline === undefined ? { jobType: 'transcoding' as const } : {}) })
      const body: Record<string, Record<string, { success_rate: number; round_trip_score: number; score: number }>> = {}
      for (const row of rows) (body[row.orchestrator] ??= {})[row.region] = { success_rate: row.successRate, round_trip_score: row.roundTripScore, score: row.score }
      return json(200, body)
    },
    '/api/raw_stats': async (url) => {
      const filter = readFilter(url, { ai: 'pair', orchestratorRequired: true })
      return json(200, await readRawStats({ clickhouse, ...filter, ...(filter.pipeline === undefined ? { jobType: 'transcoding' as const } : {}) }))
    },
    '/api/regions': async () => json(200, { regions: await readRegions({ clickhouse }) }),
    '/api/pipelines': async (url) => {
      const { region, since, until } = readFilter(url, { ai: 'none' })
      return json(200, { pipelines: await readPipelines({ clickhouse, region, since, until }) })
    },
    '/api/top_ai_score': async (url) => {
      const filter = readFilter(url, { ai: 'none', orchestratorRequired: true })
      const orchestrator = filter.orchestrator as string
      const best = (await readLeaderboard({ clickhouse, ...filter })).find((row) => row.jobType !== 'transcoding')
      return json(200, best ? { region: best.region, orchestrator, value: best.score, model: best.model, pipeline: best.pipeline } : { region: '', orchestrator, value: 0, model: '', pipeline: '' })
    },
  }

  const ingest = async (request: Request): Promise<Response> => {
    if (ingestToken !== undefined && !bearerMatches(request.headers.get('authorization'), ingestToken))
      return json(401, { error: { code: 'UNAUTHORIZED', message: 'missing or wrong bearer token' } })
    if (Number(request.headers.get('content-length') ?? 0) > maxIngestBytes)
      return json(413, { error: { code: 'TOO_LARGE', message: `body over ${maxIngestBytes} bytes` } })
    const text = await request.text()
    if (Buffer.byteLength(text) > maxIngestBytes) return json(413, { error: { code: 'TOO_LARGE', message: `body over ${maxIngestBytes} bytes` } })
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return json(400, { error: { code: 'INVALID_JSON', message: 'body is not valid JSON' } })
    }
    if (!Array.isArray(body)) return json(400, { error: { code: 'INVALID_SAMPLE', message: 'body must be a JSON array of samples', field: '(body)' } })
    if (body.length > maxIngestSamples) return json(413, { error: { code: 'TOO_LARGE', message: `at most ${maxIngestSamples} samples per request` } })
    try {
      const { inserted } = await insertBenchmarkSamples({ clickhouse, samples: body })
      return json(200, { inserted: inserted.length })
    } catch (error) {
      if (error instanceof InvalidBenchmarkSampleError)
        return json(400, { error: { code: 'INVALID_SAMPLE', message: error.shortMessage, index: error.index, field: error.field } })
      throw error
    }
  }

  return async (request) => {
    const url = new URL(request.url)
    const path = url.pathname.replace(/\/+$/, '')
    const route = routes[path]
    if (!route && path !== ingestBenchmarkSamplesPath) return undefined
    try {
      if (path === ingestBenchmarkSamplesPath) {
        if (request.method !== 'POST') return json(405, { error: { code: 'METHOD_NOT_ALLOWED', message: `${path} accepts POST only` } }, { allow: 'POST' })
        return await ingest(request)
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, { error: { code: 'METHOD_NOT_ALLOWED', message: `${path} accepts GET only` } }, { allow: 'GET' })
      return await (route as NonNullable<typeof route>)(url, request)
    } catch (error) {
      if (error instanceof LeaderboardParameterError) return json(400, { error: { code: 'INVALID_PARAMETER', message: error.shortMessage, field: error.field } })
      logger.error({ path, err: error instanceof Error ? error.message : String(error) }, 'leaderboard request failed')
      return json(500, { error: { code: 'INTERNAL', message: 'internal error; retry later' } })
    }
  }
}

function readFilter(url: URL, options: { ai: 'pair' | 'none'; orchestratorRequired?: boolean }): SampleFilter {
  const get = (name: string) => {
    const value = url.searchParams.get(name)
    return value === null || value === '' ? undefined : value
  }
  const orchestrator = get('orchestrator')
  if (orchestrator !== undefined && !/^0x[0-9a-fA-F]{40}$/.test(orchestrator)) throw new LeaderboardParameterError({ field: 'orchestrator', reason: 'must be a 0x-prefixed 20-byte hex address' })
  if (options.orchestratorRequired && orchestrator === undefined) throw new LeaderboardParameterError({ field: 'orchestrator', reason: 'is required' })
  const region = get('region')
  if (region !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(region)) throw new LeaderboardParameterError({ field: 'region', reason: 'must be a region id like FRA' })
  const pipeline = options.ai === 'pair' ? get('pipeline') : undefined
  const model = options.ai === 'pair' ? get('model') : undefined
  if ((pipeline === undefined) !== (model === undefined))
    throw new LeaderboardParameterError({ field: pipeline === undefined ? 'pipeline' : 'model', reason: 'AI stats need both model and pipeline' })
  const since = readTime(get('since'), 'since')
  const until = readTime(get('until'), 'until')
  if (since && until && since.getTime() > until.getTime()) throw new LeaderboardParameterError({ field: 'since', reason: 'must not be after until' })
  return { orchestrator: orchestrator?.toLowerCase(), region: region?.toUpperCase(), pipeline, model, since, until }
}

function readTime(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined
  const ms = /^\d{1,12}$/.test(value) ? Number(value) * 1000 : /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN
  if (Number.isNaN(ms)) throw new LeaderboardParameterError({ field, reason: 'must be Unix seconds or an ISO 8601 time' })
  return new Date(ms)
}

function bearerMatches(header: string | null, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '')
  if (!match) return false
  const given = Buffer.from(match[1] as string)
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'access-control-allow-origin': '*', ...headers } })
}

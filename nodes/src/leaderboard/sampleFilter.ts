import type { BenchmarkJobType } from './validateBenchmarkSample.ts'

/** Default look-back of every leaderboard read: leaderboard-serverless `START_TIME_WINDOW` (24 h). */
export const defaultLeaderboardWindowMs = 24 * 60 * 60 * 1000

/** Which samples a leaderboard read covers; all optional. The window is on `started_at`. */
export type SampleFilter = {
  orchestrator?: string | undefined
  region?: string | undefined
  jobType?: BenchmarkJobType | undefined
  pipeline?: string | undefined
  model?: string | undefined
  /** Default `until` − 24 h. */
  since?: Date | undefined
  /** Default now. */
  until?: Date | undefined
}

/**
 * A parameterised WHERE clause over `benchmark_samples` (values never enter the SQL text).
 * `omit` leaves filters out, e.g. the orchestrator for a network-wide median.
 */
export function sampleWhere(filter: SampleFilter, omit: readonly (keyof SampleFilter)[] = []): { where: string; params: Record<string, unknown> } {
  const until = filter.until ?? new Date()
  const since = filter.since ?? new Date(until.getTime() - defaultLeaderboardWindowMs)
  const clauses = ['started_at >= fromUnixTimestamp64Milli({sinceMs:Int64})', 'started_at <= fromUnixTimestamp64Milli({untilMs:Int64})']
  const params: Record<string, unknown> = { sinceMs: since.getTime(), untilMs: until.getTime() }
  const add = (key: keyof SampleFilter, column: string, value: string | undefined) => {
    if (value === undefined || omit.includes(key)) return
    clauses.push(`${column} = {${key}:String}`)
    params[key] = value
  }
  add('orchestrator', 'orchestrator', filter.orchestrator?.toLowerCase())
  add('region', 'region', filter.region?.toUpperCase())
  add('jobType', 'job_type', filter.jobType)
  add('pipeline', 'pipeline', filter.pipeline)
  add('model', 'model', filter.model)
  return { where: clauses.join(' AND '), params }
}

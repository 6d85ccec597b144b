import type { ClickHouseClient } from '@clickhouse/client'
import { sampleWhere, type SampleFilter } from './sampleFilter.ts'

/** One test as leaderboard-serverless `raw_stats` returns it (times in seconds; nodes.md §12.3). */
export type RawStats = {
  region: string
  orchestrator: string
  success_rate: number
  round_trip_time: number
  errors: { error_code: string; message: string; count: number }[]
  /** Unix seconds of the test's start. */
  timestamp: number
} & (
  | { seg_duration: number; segments_sent: number; segments_received: number; upload_time: number; download_time: number; transcode_time: number }
  | { model: string; model_is_warm: boolean; pipeline: string; input_parameters: string; response_payload: string }
)

/** Parameters for {@link readRawStats}. */
export type ReadRawStatsParameters = SampleFilter & { clickhouse: ClickHouseClient }

type SampleRow = {
  region: string
  orchestrator: string
  job_type: string
  pipeline: string
  model: string
  model_is_warm: number
  started_ms: string | number
  success_rate: number
  round_trip_ms: number
  upload_ms: number
  download_ms: number
  transcode_ms: number
  seg_duration_ms: number
  segments_sent: number
  segments_received: number
  errors: string
  input_parameters: string
}

/**
 * Every sample in the window as leaderboard-serverless Stats records, grouped by region
 * (`{ REGION: [Stats…] }`), oldest first. Transcoding samples carry the segment fields, AI and
 * live samples the model fields (`response_payload` is not stored, so it is '').
 *
 * @example
 * const byRegion = await readRawStats({ clickhouse, orchestrator: '0xabc…' })
 */
export async function readRawStats(parameters: ReadRawStatsParameters): Promise<Record<string, RawStats[]>> {
  const { clickhouse, ...filter } = parameters
  const { where, params } = sampleWhere(filter)
  const rows = await (
    await clickhouse.query({
      query: `SELECT region, orchestrator, job_type, pipeline, model, model_is_warm, toUnixTimestamp64Milli(started_at) AS started_ms,
          success_rate, round_trip_ms, upload_ms, download_ms, transcode_ms, seg_duration_ms, segments_sent, segments_received,
          errors, input_parameters
        FROM benchmark_samples FINAL
        WHERE ${where}
        ORDER BY started_at, sample_id`,
      query_params: params,
      format: 'JSONEachRow',
    })
  ).json<SampleRow>()
  const byRegion: Record<string, RawStats[]> = {}
  for (const row of rows) {
    const common = {
      region: row.region,
      orchestrator: row.orchestrator,
      success_rate: Number(row.success_rate),
      round_trip_time: Number(row.round_trip_ms) / 1000,
      errors: JSON.parse(row.errors) as RawStats['errors'],
      timestamp: Math.floor(Number(row.started_ms) / 1000),
    }
    const stats: RawStats =
      row.job_type === 'transcoding'
        ? {
            ...common,
            seg_duration: Number(row.seg_duration_ms) / 1000,
            segments_sent: Number(row.segments_sent),
            segments_received: Number(row.segments_received),
            upload_time: Number(row.upload_ms) / 1000,
            download_time: Number(row.download_ms) / 1000,
            transcode_time: Number(row.transcode_ms) / 1000,
          }
        : { ...common, model: row.model, model_is_warm: Number(row.model_is_warm) === 1, pipeline: row.pipeline, input_parameters: row.input_parameters, response_payload: '' }
    ;(byRegion[row.region] ??= []).push(stats)
  }
  return byRegion
}

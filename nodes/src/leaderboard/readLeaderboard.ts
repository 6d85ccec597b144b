import type { ClickHouseClient } from '@clickhouse/client'
import { computeAiScore } from './computeAiScore.ts'
import { computeTranscodingScore } from './computeTranscodingScore.ts'
import { formatWeiRatio } from './formatWeiRatio.ts'
import { percentileCont } from './percentileCont.ts'
import { sampleWhere, type SampleFilter } from './sampleFilter.ts'
import type { BenchmarkJobType } from './validateBenchmarkSample.ts'

/** Parameters for {@link readLeaderboard}: the client and a {@link SampleFilter}. */
export type ReadLeaderboardParameters = SampleFilter & { clickhouse: ClickHouseClient }

/** One leaderboard row: an orchestrator in a region for one job type (and AI pipeline and model). */
export type LeaderboardRow = {
  orchestrator: string
  region: string
  jobType: BenchmarkJobType
  /** '' for transcoding. */
  pipeline: string
  model: string
  samples: number
  /** AVG(success_rate), 0..1. */
  successRate: number
  /** 0..1: transcoding 1 − e^(−seg/RTT); AI e^(−k·RTT) with the network median scoring 0.8. */
  roundTripScore: number
  /** 0..1: transcoding successRate × roundTripScore; AI 0.65 × successRate + 0.35 × roundTripScore. */
  score: number
  avgRoundTripMs: number
  avgSegDurationMs: number
  /** AI: the median RTT of successful tests of every orchestrator in this region, pipeline and model. */
  medianRoundTripMs: number | null
  /** PERCENTILE_CONT of round_trip_ms over this row's successful samples (null when none). */
  latencyP50Ms: number | null
  latencyP90Ms: number | null
  latencyP99Ms: number | null
  /** The latest sample's advertised price, wei per unit (decimal string). */
  pricePerUnitWei: string
  pixelsPerUnit: string
  /** pricePerUnitWei / pixelsPerUnit, exact decimal string (wei per pixel for transcoding). */
  pricePerPixelWei: string
}

type AggregateRow = {
  orchestrator: string
  region: string
  job_type: BenchmarkJobType
  pipeline: string
  model: string
  samples: string | number
  avg_success_rate: number
  avg_seg_duration_ms: number
  avg_round_trip_ms: number
  successful_round_trips: number[]
  price_per_unit_wei: string
  pixels_per_unit: string
}

/**
 * Leaderboard rows computed from ClickHouse `benchmark_samples` (read with FINAL, so a re-sent
 * sample counts once) exactly as leaderboard-serverless scores them (nodes.md §12.3): window
 * averages per (orchestrator, region, job type, pipeline, model), then the transcoding score, or
 * for AI and live jobs the AI score against the network median RTT of the same region, pipeline
 * and model (taken over every orchestrator, whatever the orchestrator filter). Sorted by score,
 * best first.
 *
 * @example
 * const rows = await readLeaderboard({ clickhouse, region: 'FRA', jobType: 'transcoding' })
 */
export async function readLeaderboard(parameters: ReadLeaderboardParameters): Promise<LeaderboardRow[]> {
  const { clickhouse, ...filter } = parameters
  const { where, params } = sampleWhere(filter)
  const aggregates = await (
    await clickhouse.query({
      query: `SELECT orchestrator, region, job_type, pipeline, model,
          count() AS samples,
          avg(success_rate) AS avg_success_rate,
          avg(seg_duration_ms) AS avg_seg_duration_ms,
          avg(round_trip_ms) AS avg_round_trip_ms,
          groupArrayIf(round_trip_ms, success = 1 AND round_trip_ms > 0) AS successful_round_trips,
          toString(argMax(price_per_unit_wei, (started_at, sample_id))) AS price_per_unit_wei,
          toString(argMax(pixels_per_unit, (started_at, sample_id))) AS pixels_per_unit
        FROM benchmark_samples FINAL
        WHERE ${where}
        GROUP BY orchestrator, region, job_type, pipeline, model`,
      query_params: params,
      format: 'JSONEachRow',
    })
  ).json<AggregateRow>()

  const medians = new Map<string, number | undefined>()
  if (aggregates.some((row) => row.job_type !== 'transcoding')) {
    const median = sampleWhere(filter, ['orchestrator'])
    const groups = await (
      await clickhouse.query({
        query: `SELECT region, job_type, pipeline, model, groupArray(round_trip_ms) AS round_trips
          FROM benchmark_samples FINAL
          WHERE ${median.where} AND job_type != 'transcoding' AND success_rate = 1 AND round_trip_ms != 0
          GROUP BY region, job_type, pipeline, model`,
        query_params: median.params,
        format: 'JSONEachRow',
      })
    ).json<{ region: string; job_type: string; pipeline: string; model: string; round_trips: number[] }>()
    for (const group of groups) medians.set(groupKey(group), percentileCont(group.round_trips.map(Number), 0.5))
  }

  const rows = aggregates.map((row): LeaderboardRow => {
    const successRate = Number(row.avg_success_rate)
    const avgRoundTripMs = Number(row.avg_round_trip_ms)
    const avgSegDurationMs = Number(row.avg_seg_duration_ms)
    const medianRoundTripMs = row.job_type === 'transcoding' ? undefined : medians.get(groupKey(row))
    const scored =
      row.job_type === 'transcoding'
        ? computeTranscodingScore({ successRate, segDuration: avgSegDurationMs, roundTripTime: avgRoundTripMs })
        : computeAiScore({ successRate, roundTripTime: avgRoundTripMs, medianRoundTripTime: medianRoundTripMs })
    const latencies = row.successful_round_trips.map(Number)
    const pixelsPerUnit = BigInt(row.pixels_per_unit)
    return {
      orchestrator: row.orchestrator,
      region: row.region,
      jobType: row.job_type,
      pipeline: row.pipeline,
      model: row.model,
      samples: Number(row.samples),
      ...scored,
      avgRoundTripMs,
      avgSegDurationMs,
      medianRoundTripMs: medianRoundTripMs ?? null,
      latencyP50Ms: percentileCont(latencies, 0.5) ?? null,
      latencyP90Ms: percentileCont(latencies, 0.9) ?? null,
      latencyP99Ms: percentileCont(latencies, 0.99) ?? null,
      pricePerUnitWei: row.price_per_unit_wei,
      pixelsPerUnit: row.pixels_per_unit,
      pricePerPixelWei: pixelsPerUnit > 0n ? formatWeiRatio(BigInt(row.price_per_unit_wei), pixelsPerUnit) : '0',
    }
  })
  return rows.sort((a, b) => b.score - a.score || a.orchestrator.localeCompare(b.orchestrator) || a.region.localeCompare(b.region))
}

function groupKey(row: { region: string; job_type: string; pipeline: string; model: string }): string {
  return [row.region, row.job_type, row.pipeline, row.model].join('\u0000')
}

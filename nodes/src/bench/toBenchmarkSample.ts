import { randomUUID } from 'node:crypto'
import type { SegmentReport } from '../gateway/types.ts'
import type { BenchmarkSample } from '../leaderboard/validateBenchmarkSample.ts'

/** Parameters for {@link toBenchmarkSample}. */
export type ToBenchmarkSampleParameters = {
  /** One orchestrator's segments of one test. */
  reports: readonly SegmentReport[]
  orchestrator: string
  serviceUri: string
  region: string
  gateway: string
  round: bigint
  /** Renditions asked per segment. */
  profiles: number
  inputParameters: Record<string, unknown>
}

const average = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length)

/**
 * Folds one orchestrator test (orch-tester: N segments) into a `benchmark_samples` row:
 * success_rate = renditions received / (profiles × segments sent); latencies averaged over the
 * segments that succeeded; spend = EV of every ticket sent; errors counted by code.
 *
 * @see shared/spec/nodes.md §12.2–§12.3, indexer/clickhouse/migrations/0004_benchmarks.sql
 *
 * @example
 * const sample = toBenchmarkSample({ reports, orchestrator, serviceUri, region: 'FRA', gateway, round, profiles: 2, inputParameters: {} })
 */
export function toBenchmarkSample(parameters: ToBenchmarkSampleParameters): BenchmarkSample {
  const { reports, orchestrator, serviceUri, region, gateway, round, profiles, inputParameters } = parameters
  const ok = reports.filter((r) => r.success)
  const received = reports.reduce((sum, r) => sum + r.renditionsReceived, 0)
  const successRate = reports.length === 0 ? 0 : Math.min(1, received / (profiles * reports.length))
  const errors = new Map<string, { error_code: string; message: string; count: number }>()
  for (const report of reports)
    for (const attempt of report.attempts) {
      if (!attempt.errorCode) continue
      const entry = errors.get(attempt.errorCode) ?? { error_code: attempt.errorCode, message: attempt.error ?? '', count: 0 }
      entry.count++
      errors.set(attempt.errorCode, entry)
    }
  const topError = [...errors.values()].sort((a, b) => b.count - a.count)[0]
  const priced = reports.find((r) => r.pricePerUnit > 0n) ?? reports[0]
  const times = reports.map((r) => [r.startedAt.getTime(), r.finishedAt.getTime()]).flat()
  return {
    sample_id: randomUUID(),
    started_at: new Date(Math.min(...times)).toISOString(),
    finished_at: new Date(Math.max(...times)).toISOString(),
    orchestrator: orchestrator.toLowerCase(),
    service_uri: serviceUri,
    region: region.toUpperCase(),
    gateway: gateway.toLowerCase(),
    job_type: 'transcoding',
    pipeline: '',
    model: '',
    model_is_warm: 0,
    round: round.toString(),
    success: ok.length === reports.length && reports.length > 0 ? 1 : 0,
    success_rate: successRate,
    round_trip_ms: average(ok.map((r) => r.roundTripMs)),
    upload_ms: average(ok.map((r) => r.uploadMs)),
    download_ms: average(ok.map((r) => r.downloadMs)),
    transcode_ms: average(ok.map((r) => r.transcodeMs)),
    time_to_first_ms: 0,
    seg_duration_ms: average(reports.map((r) => r.segDurationMs)),
    segments_sent: reports.length,
    segments_received: ok.length,
    pixels: reports.reduce((sum, r) => sum + r.pixels, 0n).toString(),
    output_fps: 0,
    price_per_unit_wei: (priced?.pricePerUnit ?? 0n).toString(),
    pixels_per_unit: (priced?.pixelsPerUnit ?? 1n).toString(),
    spend_wei: reports.reduce((sum, r) => sum + r.evSentWei, 0n).toString(),
    tickets_sent: reports.reduce((sum, r) => sum + r.ticketsSent, 0),
    ticket_face_value: (reports.find((r) => r.faceValue > 0n)?.faceValue ?? 0n).toString(),
    error_code: topError?.error_code ?? '',
    errors: JSON.stringify([...errors.values()]),
    input_parameters: JSON.stringify(inputParameters),
  }
}

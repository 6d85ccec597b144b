import type { LeaderboardScore } from './computeTranscodingScore.ts'

/** Parameters for {@link computeAiScore}. */
export type ComputeAiScoreParameters = {
  /** AVG(success_rate) of this orchestrator in the region, pipeline and model, 0..1. */
  successRate: number
  /** AVG(round_trip_time) of this orchestrator; same unit as `medianRoundTripTime`. */
  roundTripTime: number
  /**
   * PERCENTILE_CONT(0.5) of round_trip_time over every orchestrator's successful tests
   * (success_rate = 1, RTT ≠ 0) in the same window, region, pipeline and model; undefined if none.
   */
  medianRoundTripTime: number | undefined
}

/**
 * AI round-trip score `e^(−k · roundTripTime)` with `k = −ln(0.8) / medianRoundTripTime`, so an
 * orchestrator at the median scores exactly 0.8. With no successful test to take a median from
 * (or a zero median) it is 0: nothing to compare against.
 *
 * @see shared/spec/nodes.md §12.3
 * @example
 * aiRoundTripScore({ roundTripTime: 2, medianRoundTripTime: 1 }) // 0.64
 */
export function aiRoundTripScore({ roundTripTime, medianRoundTripTime }: { roundTripTime: number; medianRoundTripTime: number | undefined }): number {
  if (medianRoundTripTime === undefined || !(medianRoundTripTime > 0)) return 0
  const k = -Math.log(0.8) / medianRoundTripTime
  return Math.exp(-k * roundTripTime)
}

/**
 * AI total score `0.65 × successRate + 0.35 × roundTripScore` (leaderboard-serverless
 * `score/stats_scorer.go`).
 *
 * @see shared/spec/nodes.md §12.3
 * @example
 * computeAiScore({ successRate: 1, roundTripTime: 1, medianRoundTripTime: 1 }).score // 0.65 + 0.35 × 0.8 = 0.93
 */
export function computeAiScore({ successRate, roundTripTime, medianRoundTripTime }: ComputeAiScoreParameters): LeaderboardScore {
  const roundTripScore = aiRoundTripScore({ roundTripTime, medianRoundTripTime })
  return { successRate, roundTripScore, score: 0.65 * successRate + 0.35 * roundTripScore }
}

/** Parameters for {@link computeTranscodingScore}: window averages of one orchestrator in one region. */
export type ComputeTranscodingScoreParameters = {
  /** AVG(success_rate), 0..1. */
  successRate: number
  /** AVG(seg_duration); any unit, the same as `roundTripTime`. */
  segDuration: number
  /** AVG(round_trip_time). */
  roundTripTime: number
}

/** Return type of the score functions: the leaderboard-serverless triple, each 0..1. */
export type LeaderboardScore = { successRate: number; roundTripScore: number; score: number }

/**
 * Transcoding latency score: `1 − e^(−segDuration / roundTripTime)`; 0 when the round trip is 0
 * (0.632 at real time, 0.865 at twice real time). leaderboard-serverless `score/stats_scorer.go`,
 * nodes.md §12.3.
 *
 * @example
 * transcodingRoundTripScore({ segDuration: 2, roundTripTime: 1 }) // 0.8646647…
 */
export function transcodingRoundTripScore({ segDuration, roundTripTime }: { segDuration: number; roundTripTime: number }): number {
  if (!(roundTripTime > 0)) return 0
  return 1 - Math.exp(-(segDuration / roundTripTime))
}

/**
 * Transcoding total score: `successRate × roundTripScore` (0 when the success rate is 0).
 *
 * @see shared/spec/nodes.md §12.3
 * @example
 * computeTranscodingScore({ successRate: 0.9, segDuration: 2000, roundTripTime: 2000 }).score // 0.9 × 0.632… = 0.5689…
 */
export function computeTranscodingScore({ successRate, segDuration, roundTripTime }: ComputeTranscodingScoreParameters): LeaderboardScore {
  const roundTripScore = transcodingRoundTripScore({ segDuration, roundTripTime })
  return { successRate, roundTripScore, score: successRate === 0 ? 0 : successRate * roundTripScore }
}

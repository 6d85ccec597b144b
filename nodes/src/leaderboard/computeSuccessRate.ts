/** Parameters for {@link computeSuccessRate}: one stream test's counts. */
export type ComputeSuccessRateParameters = { segmentsSent: number; segmentsReceived: number; profiles: number }

/**
 * orch-tester's per-test success rate: `segments_received / profiles / segments_sent` (each sent
 * segment should come back once per rendition), clamped to [0, 1]; 0 when nothing was sent
 * (nodes.md §12.2).
 *
 * @example
 * computeSuccessRate({ segmentsSent: 15, segmentsReceived: 42, profiles: 3 }) // 0.9333…
 */
export function computeSuccessRate({ segmentsSent, segmentsReceived, profiles }: ComputeSuccessRateParameters): number {
  if (segmentsSent <= 0 || profiles <= 0) return 0
  return Math.min(1, Math.max(0, segmentsReceived / profiles / segmentsSent))
}

import { Counter, Histogram, Registry } from 'prom-client'

/**
 * The gateway's Prometheus metrics (go-livepeer census names where one exists), on their own registry.
 *
 * @example
 * const metrics = createGatewayMetrics()
 * metrics.roundTrip.observe(1.9)
 */
export function createGatewayMetrics() {
  const registry = new Registry()
  const registers = [registry]
  const seconds = [0.1, 0.25, 0.5, 1, 2, 4, 8, 16]
  return {
    registry,
    segments: new Counter({ name: 'gateway_segments_total', help: 'Segments by result', labelNames: ['result'], registers }),
    failures: new Counter({ name: 'gateway_segment_transcode_failed_total', help: 'Failed attempts by error code', labelNames: ['error_code'], registers }),
    roundTrip: new Histogram({ name: 'gateway_transcode_overall_latency_seconds', help: 'Segment emergence to all renditions downloaded', buckets: seconds, registers }),
    upload: new Histogram({ name: 'gateway_upload_time_seconds', help: 'Segment upload until the 200', buckets: seconds, registers }),
    transcode: new Histogram({ name: 'gateway_transcode_time_seconds', help: 'From the 200 to the result body', buckets: seconds, registers }),
    download: new Histogram({ name: 'gateway_download_time_seconds', help: 'Rendition downloads', buckets: seconds, registers }),
    ticketsSent: new Counter({ name: 'gateway_tickets_sent_total', help: 'Tickets sent', registers }),
    ticketValueSent: new Counter({ name: 'gateway_ticket_value_sent_gwei', help: 'Expected value of tickets sent, gwei', registers }),
    swaps: new Counter({ name: 'gateway_orchestrator_swaps_total', help: 'Retries on another orchestrator', registers }),
  }
}

/** The metrics of {@link createGatewayMetrics}. */
export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>

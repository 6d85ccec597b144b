import { Counter, Gauge, Histogram, Registry } from 'prom-client'

/**
 * The orchestrator's Prometheus metrics (names after go-livepeer's census where one exists), on
 * their own registry so several nodes can live in one process.
 *
 * @example
 * const metrics = createOrchestratorMetrics()
 * metrics.segments.inc({ result: 'ok' })
 */
export function createOrchestratorMetrics() {
  const registry = new Registry()
  const registers = [registry]
  return {
    registry,
    segments: new Counter({ name: 'orchestrator_segments_total', help: 'Segments by result (ok or an error code)', labelNames: ['result'], registers }),
    transcodeSeconds: new Histogram({ name: 'orchestrator_transcode_seconds', help: 'Job time per segment (queue + worker)', buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8], registers }),
    pixels: new Counter({ name: 'orchestrator_pixels_total', help: 'Output pixels billed', registers }),
    ticketsReceived: new Counter({ name: 'orchestrator_tickets_received_total', help: 'Tickets accepted', registers }),
    ticketValueReceived: new Counter({ name: 'orchestrator_ticket_value_recv_gwei', help: 'Expected value of accepted tickets, gwei', registers }),
    winningTickets: new Counter({ name: 'orchestrator_winning_tickets_recv_total', help: 'Winning tickets received', registers }),
    valueRedeemed: new Counter({ name: 'orchestrator_value_redeemed_gwei', help: 'Face value of redeemed tickets, gwei', registers }),
    workers: new Gauge({ name: 'orchestrator_workers', help: 'Workers in the pool', labelNames: ['kind'], registers }),
    capacity: new Gauge({ name: 'orchestrator_transcode_capacity', help: 'Transcode slots', labelNames: ['state'], registers }),
    price: new Gauge({ name: 'orchestrator_price_per_pixel_wei', help: 'Advertised price per pixel, wei', registers }),
  }
}

/** The metrics of {@link createOrchestratorMetrics}. */
export type OrchestratorMetrics = ReturnType<typeof createOrchestratorMetrics>

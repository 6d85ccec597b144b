import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * The API's Prometheus metrics on their own registry (the indexer in the same process keeps its
 * own): requests by route and status, request duration, rate-limited requests.
 *
 * @example
 * const metrics = createApiMetrics()
 * metrics.requests.inc({ route: '/graphql', status: '200' })
 */
export function createApiMetrics({ defaultMetrics = false }: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry()
  if (defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'peerscope_api_' })
  const requests = new Counter({ name: 'peerscope_api_requests_total', help: 'HTTP requests served', labelNames: ['route', 'status'], registers: [registry] })
  const duration = new Histogram({
    name: 'peerscope_api_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  })
  const rateLimited = new Counter({ name: 'peerscope_api_rate_limited_total', help: 'Requests refused by the per-IP rate limit', registers: [registry] })
  return { registry, requests, duration, rateLimited }
}

/** The metrics of {@link createApiMetrics}. */
export type ApiMetrics = ReturnType<typeof createApiMetrics>

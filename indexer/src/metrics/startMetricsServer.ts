import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { IndexerMetrics } from './index.ts'

/** Parameters for {@link startMetricsServer}. */
export type StartMetricsServerParameters = {
  metrics: IndexerMetrics
  /** 0 picks a free port. */
  port: number
  host?: string
}

/** A running metrics server. */
export type MetricsServer = { url: string; port: number; stop: () => Promise<void> }

/**
 * Serves `GET /metrics` (Prometheus text) and `GET /health` (JSON snapshot; 200 once the indexer
 * reached the chain head, 503 before).
 *
 * @example
 * const server = await startMetricsServer({ metrics, port: 9464 })
 * await fetch(`${server.url}/health`)
 */
export async function startMetricsServer({ metrics, port, host = '127.0.0.1' }: StartMetricsServerParameters): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]
    if (path === '/metrics') {
      metrics.snapshot()
      void metrics.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        (error: unknown) => response.writeHead(500).end(String(error)),
      )
      return
    }
    if (path === '/health') {
      const snapshot = metrics.snapshot()
      response.writeHead(snapshot.caughtUp ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(snapshot))
      return
    }
    response.writeHead(404).end('not found\n')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const bound = (server.address() as AddressInfo).port
  return {
    url: `http://${host}:${bound}`,
    port: bound,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

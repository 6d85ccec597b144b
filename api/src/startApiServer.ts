import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Pool } from 'pg'
import { createApi, type CreateApiParameters } from './createApi.ts'
import { ApiError } from './errors/base.ts'
import { createApiMetrics } from './server/createApiMetrics.ts'
import { createRateLimiter, type RateLimit } from './server/createRateLimiter.ts'
import { createResponseCache, type CreateResponseCacheParameters } from './server/createResponseCache.ts'
import { silentLogger } from './types.ts'

/** A fetch-style route tried before yoga for paths other than /graphql, /health and /metrics. */
export type ApiRoute = (request: Request) => Promise<Response | undefined>

/** Parameters for {@link startApiServer}. */
export type StartApiServerParameters = Omit<CreateApiParameters, 'pool'> & {
  /** Default 4000; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Postgres URL (the indexer's `DB_URL` or embedded Postgres URL). */
  dbUrl: string
  /** Connections in the API's pool. Default 10. */
  poolSize?: number
  /** Extra routes (leaderboard REST, sample ingest): the first non-undefined Response wins. */
  routes?: ApiRoute[]
  /** Per-IP rate limit; false disables it. Default 100 requests/s with bursts of 200. */
  rateLimit?: RateLimit | false
  /** Take the client IP from the first X-Forwarded-For entry (behind a reverse proxy). Default false. */
  trustProxy?: boolean
  /**
   * Client addresses the rate limit never applies to. Default loopback: the web server's server-side
   * rendering calls the API from this machine. Behind a reverse proxy on this machine, set `trustProxy`.
   */
  rateLimitExempt?: string[]
  /** Largest accepted request body, bytes. Default 256 KiB. */
  maxBodyBytes?: number
  /** Response cache keyed on the indexed head; false disables it. Default 2,000 entries, 60 s. */
  responseCache?: CreateResponseCacheParameters | false
}

/** What {@link startApiServer} returns. */
export type StartApiServerReturnType = { url: string; graphqlUrl: string; stop: () => Promise<void> }

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  return headers
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > max) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * Serves the API over node http: `/graphql` (yoga; GraphiQL on GET), `/health`, `/metrics`
 * (Prometheus), then each of `routes` for other paths, else 404. Applies the per-IP rate limit and
 * a body-size bound before any work. The Postgres pool is opened here and closed by `stop()`; the
 * ClickHouse client belongs to the caller (in embedded mode, the indexer's).
 *
 * @example
 * // embedded (chDB is single-process): the indexer's client, same process
 * const indexer = await startIndexer({ flags, logger })
 * const api = await startApiServer({ dbUrl: indexer.dbUrl, clickhouse: indexer.clickhouse, logger })
 * // standalone: DB_URL + CLICKHOUSE_URL
 * const api2 = await startApiServer({ dbUrl: process.env.DB_URL!, clickhouse: createClient({ url: process.env.CLICKHOUSE_URL }) })
 */
export async function startApiServer(parameters: StartApiServerParameters): Promise<StartApiServerReturnType> {
  const { port = 4000, host = '127.0.0.1', dbUrl, poolSize = 10, routes = [], trustProxy = false, maxBodyBytes = 256 * 1024, logger = silentLogger } = parameters
  const exempt = new Set(parameters.rateLimitExempt ?? ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
  const limits = { ...parameters.limits }
  const pool = new Pool({ connectionString: dbUrl, max: poolSize, statement_timeout: limits.timeoutMs ?? 10_000, idleTimeoutMillis: 30_000 })
  pool.on('error', (error) => logger.warn({ err: error.message }, 'postgres pool client error'))
  const { yoga, head } = createApi({ ...parameters, pool })
  const cache = parameters.responseCache === false ? undefined : createResponseCache(parameters.responseCache ?? {})
  const metrics = createApiMetrics()
  const limiter = parameters.rateLimit === false ? undefined : createRateLimiter(parameters.rateLimit ?? { requestsPerSecond: 100, burst: 200 })

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const route = path === '/graphql' || path === '/health' || path === '/metrics' ? path : 'other'
    res.once('finish', () => {
      metrics.requests.inc({ route, status: String(res.statusCode) })
      metrics.duration.observe({ route }, (performance.now() - started) / 1000)
    })
    const ip = (trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '') || req.socket.remoteAddress || 'unknown'
    if (limiter && req.method !== 'OPTIONS' && !exempt.has(ip) && !limiter.take(ip)) {
      metrics.rateLimited.inc()
      return sendJson(res, 429, { errors: [{ message: 'Rate limit exceeded: slow down and retry.', extensions: { code: 'RATE_LIMITED' } }] }, { 'retry-after': '1' })
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes)
      return sendJson(res, 413, { errors: [{ message: `Request body above ${maxBodyBytes} bytes.`, extensions: { code: 'QUERY_LIMIT' } }] })
    if (path === '/graphql') {
      // GraphiQL pages and CORS preflights go straight to yoga; queries pass the response cache.
      if (req.method === 'OPTIONS' || (req.method === 'GET' && String(req.headers.accept ?? '').includes('text/html'))) return yoga(req, res)
      const body = req.method === 'POST' ? await readBody(req, maxBodyBytes) : Buffer.alloc(0)
      if (body === undefined) return sendJson(res, 413, { errors: [{ message: `Request body above ${maxBodyBytes} bytes.`, extensions: { code: 'QUERY_LIMIT' } }] })
      const text = body.toString('utf8')
      const key = cache?.key({ head: await head(), method: req.method ?? 'GET', url: req.url ?? '', body: text })
      const hit = key ? cache?.get(key) : undefined
      if (hit) {
        res.writeHead(200, { ...hit.headers, 'x-cache': 'hit' })
        return res.end(hit.body)
      }
      const response = await yoga.fetch(new URL(req.url ?? '/graphql', `http://${req.headers.host ?? 'localhost'}`), {
        method: req.method ?? 'GET',
        headers: toHeaders(req),
        ...(req.method === 'POST' ? { body: text } : {}),
      })
      const out = Buffer.from(await response.arrayBuffer())
      const headers: Record<string, string> = {}
      response.headers.forEach((value, name) => (headers[name] = value))
      headers['content-length'] = String(out.length)
      if (key) cache?.set(key, response.status, headers, out)
      res.writeHead(response.status, headers)
      return res.end(out)
    }
    if (path === '/health') return sendJson(res, 200, { status: 'ok', indexedBlock: (await head())?.number ?? null })
    if (path === '/metrics') {
      const text = await metrics.registry.metrics()
      res.writeHead(200, { 'content-type': metrics.registry.contentType })
      return res.end(text)
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const body = hasBody ? await readBody(req, maxBodyBytes) : undefined
    if (hasBody && body === undefined) return sendJson(res, 413, { errors: [{ message: `Request body above ${maxBodyBytes} bytes.`, extensions: { code: 'QUERY_LIMIT' } }] })
    const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), { method: req.method ?? 'GET', headers: toHeaders(req), ...(body ? { body: new Uint8Array(body) } : {}) })
    for (const route of routes) {
      const response = await route(request)
      if (!response) continue
      const out = Buffer.from(await response.arrayBuffer())
      const responseHeaders: Record<string, string> = {}
      response.headers.forEach((value, name) => (responseHeaders[name] = value))
      res.writeHead(response.status, { ...responseHeaders, 'content-length': String(out.length) })
      return res.end(out)
    }
    return sendJson(res, 404, { error: 'not found', path })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error instanceof Error ? error.message : String(error), url: req.url }, 'api request failed')
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
      else res.end()
    })
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new ApiError(`Cannot listen on ${host}:${port}.`, { cause: error })))
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
  logger.info({ url: `${url}/graphql` }, 'api listening')
  let stopped = false
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    async stop() {
      if (stopped) return
      stopped = true
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await pool.end()
    },
  }
}

import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import nextModule from 'next'
import { WebBuildMissingError, WebConfigError } from './errors.ts'
import { webDir } from './webDir.ts'

/** The logging the web server needs (pino's shape). */
export type WebLogger = {
  info: (fields: object, message?: string) => void
  warn: (fields: object, message?: string) => void
  error: (fields: object, message?: string) => void
}

/** Parameters for {@link startWebServer}. */
export type StartWebServerParameters = {
  /** Port to listen on; 0 picks a free one. Default 3000. */
  port?: number
  /** Interface to bind. Default 127.0.0.1. */
  host?: string
  /** The API's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  apiUrl: string
  logger?: WebLogger
}

/** A running explorer. */
export type StartWebServerReturnType = {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  url: string
  stop: () => Promise<void>
}

// NOTE: `next` is CommonJS typed as `export default`: under NodeNext TypeScript sees the module object,
// while Node's default import is already the function.
const createNext = nextModule as unknown as typeof nextModule.default

const silent: WebLogger = { info: () => {}, warn: () => {}, error: () => {} }

/**
 * Serves the explorer's production build (`web/.next`, made by `npm run build -w @peerscope/web` or
 * {@link buildWeb}) with Next's custom-server API. Pages read the API at `apiUrl` on the server.
 *
 * NOTE: the Next app reads `API_URL` from the environment (that is also how `next start` is
 * configured), so this sets `process.env.API_URL`: one explorer per process.
 *
 * @throws {WebBuildMissingError} when there is no build.
 * @throws {WebConfigError} when `apiUrl` is not an http(s) URL or `port` is out of range.
 *
 * @example
 * const web = await startWebServer({ port: 3000, apiUrl: 'http://127.0.0.1:4000/graphql', logger })
 * // later
 * await web.stop()
 */
export async function startWebServer({ port = 3000, host = '127.0.0.1', apiUrl, logger = silent }: StartWebServerParameters): Promise<StartWebServerReturnType> {
  if (!/^https?:\/\/[^\s]+$/.test(apiUrl)) throw new WebConfigError(`apiUrl is not an http(s) URL: "${apiUrl}".`)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new WebConfigError(`port must be an integer in 0..65535, got ${port}.`)
  if (!existsSync(join(webDir, '.next', 'BUILD_ID'))) throw new WebBuildMissingError({ dir: webDir })
  process.env.API_URL = apiUrl
  process.env.NEXT_TELEMETRY_DISABLED = '1'

  let handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined
  const server = createServer((req, res) => {
    if (!handle) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('starting')
      return
    }
    const started = performance.now()
    res.once('finish', () => {
      if (res.statusCode >= 500) logger.warn({ method: req.method, url: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'web request failed')
    })
    handle(req, res).catch((error: unknown) => {
      logger.error({ url: req.url, error: String(error) }, 'web handler threw')
      if (!res.headersSent) res.writeHead(500).end('internal error')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const actualPort = (server.address() as AddressInfo).port
  const app = createNext({ dev: false, dir: webDir, hostname: host, port: actualPort, quiet: true })
  try {
    await app.prepare()
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    throw error
  }
  const requestHandler = app.getRequestHandler()
  handle = (req, res) => requestHandler(req, res)
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`
  logger.info({ url, apiUrl }, 'explorer listening')

  let stopped: Promise<void> | undefined
  return {
    url,
    stop: () =>
      (stopped ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
        await app.close()
      })()),
  }
}

import type { StartWebServerReturnType } from '@peerscope/web'
import { waitForSignal, type Common } from '../common.ts'

/** Flags of `peerscope web`. */
export type WebCommandOptions = {
  port: number
  host: string
  apiUrl: string
  build: boolean
}

/**
 * Starts the explorer for `web` and `up`: builds the Next.js app first when its sources are newer
 * than the build (a fresh clone builds once at `npm install`), then serves it.
 */
export async function startPeerscopeWeb(common: Common, { port, host = '127.0.0.1', apiUrl, build = true }: { port: number; host?: string; apiUrl: string; build?: boolean }): Promise<StartWebServerReturnType> {
  const logger = common.logger.child({ service: 'web' })
  // NOTE: imported here so commands that never serve the site don't load Next.js.
  const { buildWeb, isBuildStale, startWebServer } = await import('@peerscope/web')
  if (build && isBuildStale()) {
    logger.info('building the explorer (next build)…')
    const { durationMs } = await buildWeb({ ifStale: true })
    logger.info({ seconds: Math.round(durationMs / 100) / 10 }, 'explorer built')
  }
  const web = await startWebServer({ port, host, apiUrl, logger })
  common.onShutdown(() => web.stop())
  logger.info({ url: web.url, api: apiUrl }, 'explorer serving')
  return web
}

/** `peerscope web`: serves the explorer, reading the API at `--api-url` (or `API_URL`). */
export async function runWebCommand(common: Common, options: WebCommandOptions): Promise<void> {
  const stopping = waitForSignal(common)
  await startPeerscopeWeb(common, options)
  await stopping
}

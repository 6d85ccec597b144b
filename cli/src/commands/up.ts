import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createDevnet } from '@peerscope/nodes'
import { waitForSignal, type Common } from '../common.ts'
import { createDevnetProgressRenderer } from './devnet.ts'

/** Every service `up` knows, in start order. */
export const services = ['devnet', 'indexer', 'api', 'web', 'nodes'] as const
export type Service = (typeof services)[number]

/** Services that exist in this version; later issues add the rest. */
const available: readonly Service[] = ['devnet']

/** Flags of `peerscope up`. */
export type UpCommandOptions = {
  dataDir: string
  chainPort: number
  apiPort: number
  webPort: number
  only?: string
  seed: string
  asArbitrum: boolean
}

/** What `ready.json` holds: where each started service answers, null for those not started. */
export type ReadyFile = { rpcUrl: string | null; graphqlUrl: string | null; webUrl: string | null; manifest: string | null }

/** Parses `--only`, rejecting unknown or not-yet-built services with a clear message. */
export function parseOnly(only: string | undefined): Service[] {
  if (only === undefined) return [...available]
  const requested = only.split(',').map((name) => name.trim()).filter(Boolean)
  if (requested.length === 0) throw new Error('--only needs at least one service')
  for (const name of requested) {
    if (!services.includes(name as Service)) throw new Error(`--only: unknown service "${name}" (known: ${services.join(', ')})`)
    if (!available.includes(name as Service)) throw new Error(`--only: service "${name}" is not part of this version yet (available: ${available.join(', ')})`)
  }
  return requested as Service[]
}

/**
 * `peerscope up`: the whole stack on a devnet. Writes `<data-dir>/ready.json` atomically once every
 * started service answers, and stops everything cleanly on Ctrl-C.
 */
export async function runUpCommand(common: Common, options: UpCommandOptions): Promise<void> {
  const { logger } = common
  let selected: Service[]
  try {
    selected = parseOnly(options.only)
  } catch (error) {
    logger.error((error as Error).message)
    process.exitCode = 2
    return
  }
  const dataDir = resolve(options.dataDir)
  await mkdir(dataDir, { recursive: true })
  const ready: ReadyFile = { rpcUrl: null, graphqlUrl: null, webUrl: null, manifest: null }

  const stopping = waitForSignal(common)
  if (selected.includes('devnet')) {
    const manifestPath = join(dataDir, 'devnet.json')
    const devnet = await createDevnet({
      port: options.chainPort,
      manifestPath,
      seed: options.seed,
      live: true,
      asArbitrum: options.asArbitrum,
      logger: logger.child({ service: 'devnet' }),
      onProgress: createDevnetProgressRenderer(common),
    })
    common.onShutdown(() => devnet.stop())
    ready.rpcUrl = devnet.rpcUrl
    ready.manifest = manifestPath
    logger.info({ rpcUrl: devnet.rpcUrl, manifest: manifestPath }, 'devnet ready')
  }

  if (common.isShuttingDown()) return
  const readyPath = join(dataDir, 'ready.json')
  await writeFile(`${readyPath}.tmp`, `${JSON.stringify(ready, null, 2)}\n`)
  await rename(`${readyPath}.tmp`, readyPath)
  logger.info({ ready: readyPath, ...ready }, 'peerscope is up; Ctrl-C stops')
  process.stdout.write(`${readyPath}\n`)
  await stopping
}

import { resolve } from 'node:path'
import { createDevnet, type DevnetProgress } from '@peerscope/nodes'
import { waitForSignal, type Common } from '../common.ts'
import { createProgress, type Progress } from '../ui/progress.ts'

/** Flags of `peerscope devnet`, as commander parses them. */
export type DevnetCommandOptions = {
  port: number
  manifest: string
  seed: string
  orchestrators: number
  delegators: number
  gateways: number
  rounds: number
  scale: 'default' | 'large'
  live: boolean
  asArbitrum: boolean
}

/** Renders devnet progress events as one progress bar per phase. */
export function createDevnetProgressRenderer(common: Common): (state: DevnetProgress) => void {
  let bar: Progress | undefined
  let phase = ''
  return (state) => {
    if (state.phase !== phase) {
      bar?.stop()
      phase = state.phase
      bar = createProgress({
        label: state.phase,
        total: state.total,
        unit: state.unit,
        interactive: common.interactive,
        logger: common.logger,
        format: '{events} events | {rate} events/s',
      })
    }
    bar?.setTotal(state.total)
    bar?.update(state.done, { events: state.events, rate: Math.round(state.eventsPerSecond) })
    if (state.done >= state.total && state.final) {
      bar?.stop()
      bar = undefined
      phase = ''
    }
  }
}

/**
 * `peerscope devnet`: a live local Livepeer network. Prints the manifest path on stdout once the
 * scenario's history is on chain, so scripts can wait for it.
 */
export async function runDevnetCommand(common: Common, options: DevnetCommandOptions): Promise<void> {
  const { logger } = common
  const manifestPath = resolve(options.manifest)
  const devnet = await createDevnet({
    port: options.port,
    manifestPath,
    seed: options.seed,
    orchestrators: options.orchestrators,
    delegators: options.delegators,
    gateways: options.gateways,
    rounds: options.rounds,
    scale: options.scale,
    live: options.live,
    asArbitrum: options.asArbitrum,
    logger,
    onProgress: createDevnetProgressRenderer(common),
  })
  common.onShutdown(() => devnet.stop())
  const { stats } = devnet
  logger.info(
    { rpcUrl: devnet.rpcUrl, chainId: devnet.manifest.chainId, events: stats.events, transactions: stats.transactions, seconds: stats.seconds },
    'scenario on chain',
  )
  logger.info({ eventsByName: stats.eventsByName }, 'scenario events')
  process.stdout.write(`${manifestPath}\n`)
  if (!options.live) {
    await devnet.stop()
    return
  }
  logger.info('producing live activity; Ctrl-C stops')
  await waitForSignal(common)
}

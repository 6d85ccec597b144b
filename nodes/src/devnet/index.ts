import { arbitrumOne, type DevnetManifest } from '@peerscope/protocol'
import { startAnvil } from '@peerscope/protocol/anvil'
import { devnetParameters, type ProtocolDeployment, type ProtocolParameters } from '@peerscope/protocol/deploy'
import type { Address } from 'viem'
import { DevnetStoppedError } from '../errors/simulator.ts'
import { playLarge } from '../simulator/large/playLarge.ts'
import { startLive } from '../simulator/live/startLive.ts'
import { silentLogger, type Logger } from '../simulator/logger.ts'
import { minimumCoverageRounds } from '../simulator/scenario/createScenarioPlan.ts'
import { playScenario } from '../simulator/scenario/playScenario.ts'
import { createEventStats, type DevnetStats } from '../simulator/stats/createEventStats.ts'
import { missingEvents } from '../simulator/stats/protocolContracts.ts'
import { buildManifest } from './buildManifest.ts'
import type { DevnetAccounts } from './createDevnetAccounts.ts'
import { deployDevnet } from './deployDevnet.ts'
import { writeManifest } from './writeManifest.ts'

/** Options of {@link createDevnet}; every field has a default. */
export type CreateDevnetParameters = {
  /** JSON-RPC port; 0 picks a free one. Default 8545. */
  port?: number | undefined
  /** Interface to bind. Default 127.0.0.1. */
  host?: string | undefined
  /** Scenario seed: the same seed gives the same history (accounts, amounts, events). Default 'peerscope'. */
  seed?: string | undefined
  /** Default 20 (more than the 15 active seats, so the pool is contested). */
  orchestrators?: number | undefined
  /** Default 200. */
  delegators?: number | undefined
  /** Default 5. */
  gateways?: number | undefined
  /** Scenario rounds. Default 30; every contract event needs at least 12. */
  rounds?: number | undefined
  /** 'large' adds a bulk phase after the scenario until `largeEvents` events are on chain. */
  scale?: 'default' | 'large' | undefined
  /** Event target of the large scale. Default 1,000,000. */
  largeEvents?: number | undefined
  /** Accounts of the large scale's bulk phase. Default 4,000 delegators. */
  largeDelegators?: number | undefined
  /** Bulk blocks per round in the large scale (each bulk delegator acts once per block). Default 12. */
  largeBlocksPerRound?: number | undefined
  /** Chain id 42161 and the contracts at their Arbitrum One addresses. Default false. */
  asArbitrum?: boolean | undefined
  /** Keep producing blocks and activity after the scenario until `stop()`. Default true. */
  live?: boolean | undefined
  /** Live: milliseconds between blocks. Default 1,000 (a 40-block round every 40 s). */
  blockIntervalMs?: number | undefined
  /** History: seconds between block timestamps. Default 12 (an L1 block, what rounds count on Arbitrum). */
  blockTime?: number | undefined
  /** History: genesis timestamp (unix seconds). Default: chosen so the scenario ends about now. */
  genesisTimestamp?: number | undefined
  /** Where to write the manifest; false writes none. Default '.peerscope/devnet.json'. */
  manifestPath?: string | false | undefined
  /** Overrides of `devnetParameters`. */
  parameters?: Partial<ProtocolParameters> | undefined
  /** pino-compatible logger; the library never prints. */
  logger?: Logger | undefined
  /** Progress of each phase, for a progress bar. */
  onProgress?: ((progress: DevnetProgress) => void) | undefined
  /** Aborting stops anvil and rejects (before ready) or stops the devnet (after). */
  signal?: AbortSignal | undefined
}

type ProgressBase = {
  done: number
  total: number
  /** Events on chain so far (the whole devnet). */
  events: number
  transactions: number
  eventsPerSecond: number
  elapsedSeconds: number
  /** The phase's last update. */
  final: boolean
}

/** Progress of {@link createDevnet}, one discriminated member per phase. */
export type DevnetProgress =
  | (ProgressBase & { phase: 'deploy'; unit: 'steps' })
  | (ProgressBase & { phase: 'scenario'; unit: 'rounds' })
  | (ProgressBase & { phase: 'large'; unit: 'events' })
  | (ProgressBase & { phase: 'live'; unit: 'rounds'; round: number })

/** A running devnet. */
export type Devnet = {
  rpcUrl: string
  chainId: number
  /** The manifest (also written to `manifestPath`). */
  manifest: DevnetManifest
  manifestPath: string | undefined
  accounts: DevnetAccounts
  deployment: ProtocolDeployment
  parameters: ProtocolParameters
  /** What the history (deployment, scenario, large bulk) put on chain, and how long it took. */
  stats: DevnetStats
  /** Contract events the ABIs declare that the history never emitted (empty with ≥ 12 rounds). */
  missingEvents: string[]
  /** What live activity added since the history (zeros when `live` is false). */
  liveStats: () => DevnetStats
  /** Stops live activity and anvil. Safe to call twice. */
  stop: () => Promise<void>
}

/**
 * Starts a local Livepeer network: anvil, our protocol contracts (at their Arbitrum One addresses
 * with `asArbitrum`), funded accounts derived from `seed`, a deterministic scenario that makes
 * every contract event happen, the manifest once that history is on chain, then (with `live`) a
 * new round every `roundLength` blocks with rewards, bonds and tickets until `stop()`.
 *
 * @param parameters - {@link CreateDevnetParameters}
 * @returns A {@link Devnet} handle, after the manifest is written.
 *
 * @example
 * const devnet = await createDevnet({ port: 0, live: false, logger })
 * devnet.stats.eventsByName.Bond
 * await devnet.stop()
 */
export async function createDevnet(parameters: CreateDevnetParameters = {}): Promise<Devnet> {
  const {
    port = 8545,
    host,
    seed = 'peerscope',
    rounds = 30,
    scale = 'default',
    largeEvents = 1_000_000,
    largeDelegators = 4_000,
    largeBlocksPerRound = 12,
    asArbitrum = false,
    live = true,
    blockIntervalMs = 1_000,
    blockTime = 12,
    manifestPath = '.peerscope/devnet.json',
    logger = silentLogger,
    onProgress,
    signal,
  } = parameters
  const sizes = { orchestrators: parameters.orchestrators ?? 20, delegators: parameters.delegators ?? 200, gateways: Math.max(1, parameters.gateways ?? 5) }
  const protocolParameters: ProtocolParameters = { ...devnetParameters, ...parameters.parameters }
  const chainId = asArbitrum ? arbitrumOne.chainId : 31337
  signal?.throwIfAborted()

  // NOTE: timestamps advance `blockTime` per block from a genesis chosen so the scenario ends near
  // now: the history spans realistic time and the same seed gives the same block hashes.
  const estimatedBlocks = (rounds + 3) * Number(protocolParameters.roundLength) + (scale === 'large' ? Math.ceil(largeEvents / 25_000) * 41 : 0)
  const genesisTimestamp = parameters.genesisTimestamp ?? Math.floor(Date.now() / 1000) - estimatedBlocks * blockTime

  const started = performance.now()
  const anvil = await startAnvil({
    port,
    host,
    chainId,
    gasLimit: scale === 'large' ? 30_000_000_000n : undefined,
    args: ['--timestamp', String(genesisTimestamp)],
  })
  const abortController = new AbortController()
  let stopping: Promise<void> | undefined
  let liveLoop: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      signal?.removeEventListener('abort', onAbort)
      abortController.abort(new DevnetStoppedError())
      await liveLoop?.catch(() => {})
      await anvil.stop()
    })()
    return stopping
  }
  const onAbort = () => void stop()
  signal?.addEventListener('abort', onAbort, { once: true })
  anvil.process.once('exit', (code, signalName) => {
    if (stopping) return
    logger.error({ code, signal: signalName }, 'anvil exited unexpectedly; stopping the devnet')
    void stop()
  })

  try {
    const { ctx, stats, rpc } = await deployDevnet({ anvil, logger, seed, rounds, sizes, chainId, asArbitrum, protocolParameters, blockTime, signal: abortController.signal, onProgress, started })
    const progress = (phase: 'scenario' | 'large', done: number, total: number, final: boolean) => {
      const snapshot = stats.snapshot()
      const base = { done, total, events: snapshot.events, transactions: snapshot.transactions, eventsPerSecond: snapshot.eventsPerSecond, elapsedSeconds: snapshot.seconds, final }
      onProgress?.(phase === 'scenario' ? { ...base, phase, unit: 'rounds' } : { ...base, phase, unit: 'events' })
    }

    let state = await playScenario({ ctx, rpc, rounds, signal: abortController.signal, onRound: (done, total) => progress('scenario', done, total, done === total) })
    let step = rounds
    let bulkDelegators: Address[] = []
    if (scale === 'large') {
      const result = await playLarge({
        ctx,
        targetEvents: largeEvents,
        delegators: largeDelegators,
        blocksPerRound: largeBlocksPerRound,
        firstStep: step,
        previous: state,
        stats,
        signal: abortController.signal,
        onProgress: (events, final) => progress('large', events, largeEvents, final),
      })
      state = result.state
      step = result.nextStep
      bulkDelegators = result.delegators
    }

    const history = stats.snapshot()
    const missing = missingEvents(history)
    if (missing.length > 0 && rounds >= minimumCoverageRounds) logger.warn({ missing }, 'some contract events never occurred')
    const manifest = buildManifest({
      chainId,
      rpcUrl: anvil.rpcUrl,
      deployment: ctx.deployment,
      accounts: {
        orchestrators: ctx.accounts.orchestrators.map((a) => a.address),
        delegators: [...ctx.accounts.delegators.map((a) => a.address), ...bulkDelegators],
        gateways: ctx.accounts.gateways.map((a) => a.address),
      },
      asArbitrum,
      seed,
      parameters: protocolParameters,
    })
    if (manifestPath !== false) await writeManifest(manifestPath, manifest)
    logger.info({ events: history.events, transactions: history.transactions, seconds: round2(history.seconds), manifestPath: manifestPath || undefined }, 'devnet history on chain')

    const liveRun = live
      ? await startLive({
          ctx,
          rpc,
          firstStep: step,
          previous: state,
          blockIntervalMs,
          signal: abortController.signal,
          onRound: (played, round, snapshot) =>
            onProgress?.({ phase: 'live', unit: 'rounds', round: Number(round), done: played, total: played, events: snapshot.events, transactions: snapshot.transactions, eventsPerSecond: snapshot.eventsPerSecond, elapsedSeconds: snapshot.seconds, final: false }),
        })
      : undefined
    liveLoop = liveRun?.done
    const noLiveStats = createEventStats({ contracts: [] })

    return {
      rpcUrl: anvil.rpcUrl,
      chainId,
      manifest,
      manifestPath: manifestPath === false ? undefined : manifestPath,
      accounts: ctx.accounts,
      deployment: ctx.deployment,
      parameters: protocolParameters,
      stats: history,
      missingEvents: missing,
      liveStats: () => (liveRun?.stats ?? noLiveStats).snapshot(),
      stop,
    }
  } catch (error) {
    await stop()
    if (abortController.signal.aborted && !(error instanceof DevnetStoppedError)) throw new DevnetStoppedError({ cause: error })
    throw error
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

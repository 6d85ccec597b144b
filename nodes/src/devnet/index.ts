import { arbitrumOne, type DevnetManifest } from '@peerscope/protocol'
import { createDevnetClient, startAnvil, type Anvil } from '@peerscope/protocol/anvil'
import { deployProtocol, devnetParameters, type ProtocolDeployment, type ProtocolParameters } from '@peerscope/protocol/deploy'
import type { Address, Hex } from 'viem'
import { DevnetStoppedError } from '../errors/simulator.ts'
import { createProtocolCalls } from '../simulator/chain/createProtocolCalls.ts'
import { createTransactionSender } from '../simulator/chain/createTransactionSender.ts'
import { playLarge } from '../simulator/large/playLarge.ts'
import { createInstantClock, createLiveClock } from '../simulator/live/createLiveClock.ts'
import { playLive } from '../simulator/live/playLive.ts'
import { silentLogger, type Logger } from '../simulator/logger.ts'
import { createRandom } from '../simulator/random/createRandom.ts'
import { createRpcClient } from '../simulator/rpc/createRpcClient.ts'
import type { ScenarioContext } from '../simulator/scenario/context.ts'
import { createNetworkModel } from '../simulator/scenario/createNetworkModel.ts'
import { createScenarioPlan, minimumCoverageRounds } from '../simulator/scenario/createScenarioPlan.ts'
import { playScenario } from '../simulator/scenario/playScenario.ts'
import { createEventStats, type DevnetStats, type EventStats } from '../simulator/stats/createEventStats.ts'
import { missingEvents, statsContracts } from '../simulator/stats/protocolContracts.ts'
import { arbitrumLayout, placeholderCode } from './arbitrumLayout.ts'
import { buildManifest } from './buildManifest.ts'
import { createDevnetAccounts, type DevnetAccounts } from './createDevnetAccounts.ts'
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
  const onAbort = () => abortController.abort(signal?.reason)
  signal?.addEventListener('abort', onAbort, { once: true })
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

  try {
    const ready = await setUp({ anvil, logger, seed, rounds, sizes, chainId, asArbitrum, protocolParameters, blockTime, signal: abortController.signal, onProgress, started })
    const { ctx, stats, rpc } = ready
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

    const liveStats: EventStats = createEventStats({ contracts: statsContracts(ctx.deployment) })
    if (live) {
      await rpc.request('anvil_removeBlockTimestampInterval')
      const latest = await rpc.request<{ timestamp: Hex }>('eth_getBlockByNumber', ['latest', false])
      let lastTimestamp = BigInt(latest.timestamp)
      const liveSender = await createTransactionSender({
        rpc,
        nextTimestamp: () => {
          const now = BigInt(Math.floor(Date.now() / 1000))
          lastTimestamp = now > lastTimestamp ? now : lastTimestamp + 1n
          return lastTimestamp
        },
        onMined: (mined) => liveStats.record(mined),
      })
      const liveCtx: ScenarioContext = {
        ...ctx,
        sender: liveSender,
        clock: createLiveClock({ sender: liveSender, blockIntervalMs, signal: abortController.signal }),
        tolerateReverts: true,
        random: ctx.random.fork('live'),
      }
      liveLoop = playLive({
        ctx: liveCtx,
        firstStep: step,
        previous: state,
        signal: abortController.signal,
        retryMs: Math.max(blockIntervalMs, 500),
        onRound: (played, round) => {
          const s = liveStats.snapshot()
          onProgress?.({ phase: 'live', unit: 'rounds', round: Number(round), done: played, total: played, events: s.events, transactions: s.transactions, eventsPerSecond: s.eventsPerSecond, elapsedSeconds: s.seconds, final: false })
        },
      })
    }

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
      liveStats: () => liveStats.snapshot(),
      stop,
    }
  } catch (error) {
    await stop()
    if (abortController.signal.aborted && !(error instanceof DevnetStoppedError)) throw new DevnetStoppedError({ cause: error })
    throw error
  }
}

/** Deploys, wires the scenario context and counts the deployment's events. */
async function setUp(p: {
  anvil: Anvil
  logger: Logger
  seed: string
  rounds: number
  sizes: { orchestrators: number; delegators: number; gateways: number }
  chainId: number
  asArbitrum: boolean
  protocolParameters: ProtocolParameters
  blockTime: number
  signal: AbortSignal
  onProgress: ((progress: DevnetProgress) => void) | undefined
  started: number
}) {
  const { anvil, logger, seed, rounds, sizes, chainId, asArbitrum, protocolParameters, signal, onProgress, started } = p
  const rpc = createRpcClient({ url: anvil.rpcUrl })
  const client = createDevnetClient({ rpcUrl: anvil.rpcUrl, chainId })
  const deployProgress = (done: number, final: boolean) =>
    onProgress?.({ phase: 'deploy', unit: 'steps', done, total: 2, events: 0, transactions: 0, eventsPerSecond: 0, elapsedSeconds: (performance.now() - started) / 1000, final })
  deployProgress(0, false)
  await rpc.request('anvil_setBlockTimestampInterval', [p.blockTime])

  const accounts = createDevnetAccounts({ seed, ...sizes })
  const layout = asArbitrum ? arbitrumLayout() : undefined
  for (const address of layout?.placeholders ?? []) await client.setCode({ address, bytecode: placeholderCode })
  const deployment = await deployProtocol({
    client,
    deployer: accounts.deployer.address,
    parameters: protocolParameters,
    placement: layout?.placement,
    registry: layout?.registry,
    verifier: accounts.verifier.address,
  })
  signal.throwIfAborted()
  deployProgress(1, false)

  // The deployment ran with automine; count its logs and transactions, then switch to batches.
  const stats = createEventStats({ contracts: statsContracts(deployment), startedAt: started })
  const head = BigInt(await rpc.request<Hex>('eth_blockNumber'))
  const [deployLogs, deployTxs] = await Promise.all([
    rpc.request<Parameters<EventStats['recordLogs']>[0]>('eth_getLogs', [{ fromBlock: '0x0', toBlock: `0x${head.toString(16)}` }]),
    rpc.request<Hex>('eth_getTransactionCount', [accounts.deployer.address, 'latest']),
  ])
  stats.recordLogs(deployLogs, Number(deployTxs), Number(head))
  await rpc.request('evm_setAutomine', [false])
  const sender = await createTransactionSender({ rpc, onMined: (mined) => stats.record(mined) })
  deployProgress(2, true)
  logger.debug({ contracts: Object.fromEntries(Object.entries(deployment.contracts).map(([name, c]) => [name, c.address])) }, 'protocol deployed')

  const random = createRandom(seed)
  const ctx: ScenarioContext = {
    seed,
    client,
    sender,
    deployment,
    parameters: protocolParameters,
    calls: createProtocolCalls({ deployment }),
    accounts,
    plan: createScenarioPlan({ random, accounts, rounds, numActiveTranscoders: Number(protocolParameters.numActiveTranscoders) }),
    model: createNetworkModel({ bondingManager: deployment.contracts.BondingManager.address }),
    random: random.fork('scenario'),
    logger,
    clock: createInstantClock({ sender }),
    tolerateReverts: false,
  }
  return { ctx, stats, rpc }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

import { readFile } from 'node:fs/promises'
import { parseDevnetManifest, type DevnetManifest } from '@peerscope/protocol'
import { fundDevnetAccount, runBenchmark, startGateway, startOrchestrator, startWorker, type Gateway, type Orchestrator } from '@peerscope/nodes'
import { parseEther, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { waitForSignal, type Common } from '../common.ts'

/** Flags every chain-facing node takes. */
export type NodeChainOptions = {
  manifest: string
  rpcUrl?: string
  privateKey?: string
}

/** Flags of `peerscope node orchestrator`. */
export type OrchestratorCommandOptions = NodeChainOptions & {
  host: string
  port: number
  serviceUri?: string
  pricePerUnit: string
  pixelsPerUnit: string
  rewardCut: string
  feeShare: string
  maxSessions: number
  capacity?: number
  localWorker: boolean
  workerSecret?: string
  ai: boolean
}

/** Flags of `peerscope node gateway`. */
export type GatewayCommandOptions = NodeChainOptions & {
  orchestrators?: string
  maxPricePerUnit?: string
  streams: number
  region: string
  apiUrl?: string
}

/** Flags of `peerscope node worker`. */
export type WorkerCommandOptions = { orchestrator: string; secret: string; name?: string; capacity?: number; ai: boolean }

/** Flags of `peerscope bench`. */
export type BenchCommandOptions = NodeChainOptions & {
  mode: 'sequential' | 'load'
  segments: number
  streams: number
  orchestrators?: string
  region: string
  apiUrl?: string
  live: boolean
}

const keyPattern = /^0x[0-9a-fA-F]{64}$/

/** Reads and validates a devnet manifest file, naming the file when it is missing or malformed. */
export async function loadManifest(path: string): Promise<DevnetManifest> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new Error(`no devnet manifest at ${path}: start one with \`peerscope devnet\` or pass --manifest`)
  }
  return parseDevnetManifest(JSON.parse(text))
}

/**
 * The node's key: `--private-key` (or `PEERSCOPE_PRIVATE_KEY`); on a devnet without one, a fresh
 * key funded through anvil (ETH for gas and deposits, LPT to self-bond), so a node never shares an
 * account, and its nonces, with the simulator.
 */
export async function resolveNodeKey(common: Common, manifest: DevnetManifest, options: Omit<NodeChainOptions, 'manifest'>, funding: { eth: bigint; lpt: bigint }): Promise<Hex> {
  const given = options.privateKey ?? process.env.PEERSCOPE_PRIVATE_KEY
  if (given !== undefined) {
    if (!keyPattern.test(given)) throw new Error('--private-key must be 0x followed by 64 hex digits')
    return given as Hex
  }
  const key = generatePrivateKey()
  const address = privateKeyToAccount(key).address
  await fundDevnetAccount({ manifest, rpcUrl: options.rpcUrl ?? manifest.rpcUrl, address, eth: parseEther(funding.eth.toString()), lpt: parseEther(funding.lpt.toString()) })
  common.logger.info({ address, eth: String(funding.eth), lpt: String(funding.lpt) }, 'devnet: funded a fresh node key')
  return key
}

/** Parses a decimal wei / ppm flag as a bigint, naming the flag on bad input. */
export function bigintFlag(value: string | undefined, flag: string): bigint | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new Error(`${flag} must be a non-negative integer, got "${value}"`)
  return BigInt(value)
}

/** The OCR pipelines when `--ai` is on. NOTE: imported on demand: onnxruntime and the models load only then. */
async function loadAiPipelines(enabled: boolean, logger: Common['logger']) {
  if (!enabled) return undefined
  const { createAiPipelines } = await import('@peerscope/nodes/ai')
  return { pipelines: await createAiPipelines({ logger }) }
}

const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter(Boolean)

/** Starts a reference orchestrator as the CLI and `up` configure it. */
export async function startCliOrchestrator(common: Common, manifest: DevnetManifest, options: Omit<OrchestratorCommandOptions, 'manifest'>): Promise<Orchestrator> {
  const logger = common.logger.child({ service: 'orchestrator' })
  // Flags first: bad input fails before anything touches the chain.
  const prices = {
    pricePerUnit: bigintFlag(options.pricePerUnit, '--price-per-unit'),
    pixelsPerUnit: bigintFlag(options.pixelsPerUnit, '--pixels-per-unit'),
    rewardCut: bigintFlag(options.rewardCut, '--reward-cut'),
    feeShare: bigintFlag(options.feeShare, '--fee-share'),
  }
  const privateKey = await resolveNodeKey(common, manifest, options, { eth: 100n, lpt: 10_000n })
  const ai = await loadAiPipelines(options.ai, logger)
  const orchestrator = await startOrchestrator({
    manifest,
    rpcUrl: options.rpcUrl,
    privateKey,
    host: options.host,
    port: options.port,
    serviceUri: options.serviceUri,
    ...prices,
    maxSessions: options.maxSessions,
    localCapacity: options.capacity,
    localWorker: options.localWorker,
    workerSecret: options.workerSecret,
    ai,
    logger,
  })
  common.onShutdown(() => orchestrator.stop())
  logger.info({ url: orchestrator.url, address: orchestrator.address, encoder: orchestrator.encoder }, 'orchestrator serving')
  return orchestrator
}

/** Starts a reference gateway as the CLI and `up` configure it. */
export async function startCliGateway(common: Common, manifest: DevnetManifest, options: Omit<NodeChainOptions, 'manifest'> & { orchestrators?: string; maxPricePerUnit?: string }): Promise<Gateway> {
  const logger = common.logger.child({ service: 'gateway' })
  const maxPricePerUnit = bigintFlag(options.maxPricePerUnit, '--max-price-per-unit')
  const privateKey = await resolveNodeKey(common, manifest, options, { eth: 100n, lpt: 0n })
  const gateway = await startGateway({
    manifest,
    rpcUrl: options.rpcUrl,
    privateKey,
    orchestrators: list(options.orchestrators),
    maxPricePerUnit,
    logger,
  })
  common.onShutdown(() => gateway.stop())
  logger.info({ address: gateway.address, metrics: gateway.url }, 'gateway ready')
  return gateway
}

/**
 * Sends live-paced segments through the gateway until `signal` aborts, posting every sample to the
 * API (`<apiUrl>/ingest/benchmark-samples`): the traffic the explorer's performance pages show.
 */
export async function driveTraffic(common: Common, gateway: Gateway, { streams, region, apiUrl, signal }: { streams: number; region: string; apiUrl?: string | undefined; signal: AbortSignal }): Promise<void> {
  const logger = common.logger.child({ service: 'gateway' })
  while (!signal.aborted) {
    try {
      const result = await runBenchmark({ gateway, mode: 'load', streams, segments: 5, live: true, region, apiUrl, print: false, logger, signal })
      const failed = result.reports.filter((report) => !report.success).length
      logger.info({ segments: result.reports.length, failed, postErrors: result.postErrors.length }, 'traffic: segments sent')
    } catch (error) {
      if (signal.aborted) return
      logger.warn({ err: (error as Error).message }, 'traffic: round of segments failed; retrying in 5 s')
      await new Promise((resolve) => setTimeout(resolve, 5_000))
    }
  }
}

/** `peerscope node orchestrator`. */
export async function runOrchestratorCommand(common: Common, options: OrchestratorCommandOptions): Promise<void> {
  const stopping = waitForSignal(common)
  await startCliOrchestrator(common, await loadManifest(options.manifest), options)
  await stopping
}

/** `peerscope node gateway`: continuous traffic until Ctrl-C. */
export async function runGatewayCommand(common: Common, options: GatewayCommandOptions): Promise<void> {
  const stopping = waitForSignal(common)
  const abort = new AbortController()
  common.onShutdown(() => abort.abort())
  const gateway = await startCliGateway(common, await loadManifest(options.manifest), options)
  void driveTraffic(common, gateway, { streams: options.streams, region: options.region, apiUrl: options.apiUrl, signal: abort.signal })
  await stopping
}

/** `peerscope node worker`: a remote transcoder (and AI) worker for an orchestrator. */
export async function runWorkerCommand(common: Common, options: WorkerCommandOptions): Promise<void> {
  const stopping = waitForSignal(common)
  const logger = common.logger.child({ service: 'worker' })
  const ai = await loadAiPipelines(options.ai, logger)
  const worker = await startWorker({ orchestrator: options.orchestrator, secret: options.secret, name: options.name, capacity: options.capacity, ai, logger })
  common.onShutdown(() => worker.stop())
  logger.info({ name: worker.name, encoder: worker.encoder, orchestrator: options.orchestrator }, 'worker connected')
  await stopping
}

/** `peerscope bench`: benchmarks orchestrators through a gateway, prints the table, posts samples. */
export async function runBenchCommand(common: Common, options: BenchCommandOptions): Promise<void> {
  const abort = new AbortController()
  void waitForSignal(common)
  const gateway = await startCliGateway(common, await loadManifest(options.manifest), options)
  // Registered last, so Ctrl-C aborts the run before the gateway stops.
  common.onShutdown(() => abort.abort())
  try {
    const result = await runBenchmark({
      gateway,
      mode: options.mode,
      segments: options.segments,
      streams: options.streams,
      live: options.live,
      region: options.region,
      apiUrl: options.apiUrl,
      logger: common.logger.child({ service: 'bench' }),
      signal: abort.signal,
    })
    if (result.postErrors.length > 0) common.logger.warn({ errors: result.postErrors.slice(0, 5) }, 'some samples were not accepted by the API')
  } finally {
    await common.shutdown('bench done')
  }
}

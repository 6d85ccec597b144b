import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { DevnetManifest } from '@peerscope/protocol'
import { roundsManagerAbi, ticketBrokerAbi } from '@peerscope/protocol/abi'
import { getAddress, isAddressEqual, parseEventLogs, type Address, type Hex } from 'viem'
import { createNodeChain } from '../chain/createNodeChain.ts'
import { createSignerRecovery, signText } from '../chain/signatures.ts'
import { makeTestSegment } from '../media/makeTestSegment.ts'
import { resolveMediaBinaries } from '../media/resolveMediaBinaries.ts'
import { defaultProfiles, type VideoProfile } from '../media/videoProfiles.ts'
import { ChainSetupError, NoOrchestratorsError } from '../wire/errors.ts'
import { silentNodeLogger, type NodeLogger } from '../wire/logger.ts'
import { createGatewayMetrics } from './createGatewayMetrics.ts'
import { createPaymentSession, type PaymentSession } from './createPaymentSession.ts'
import { createSelector, type CreateSelectorParameters } from './createSelector.ts'
import { pollOrchestrators, readActiveOrchestrators, type DiscoveredOrchestrator, type DiscoveryFailure, type OrchestratorCandidate } from './discoverOrchestrators.ts'
import { AttemptError, submitSegment } from './submitSegment.ts'
import type { SegmentReport } from './types.ts'

/** Options of {@link startGateway} (the `peerscope node gateway` flags). */
export type StartGatewayParameters = {
  manifest: DevnetManifest
  rpcUrl?: string | undefined
  /** The gateway's key (devnet: `deriveDevnetPrivateKey(seed, 'gateway', i)`); it needs ETH for deposit and reserve. */
  privateKey: Hex
  /** Deposit and reserve to top up to at start, wei. Defaults 1 ETH and 1 ETH; 0 skips. */
  deposit?: bigint | undefined
  reserve?: bigint | undefined
  /** Static orchestrator service URIs (`-orchAddr`); default: the on-chain active set. */
  orchestrators?: readonly string[] | undefined
  /** Price cap (`-maxPricePerUnit` / `-pixelsPerUnit`); default none. */
  maxPricePerUnit?: bigint | undefined
  pixelsPerUnit?: bigint | undefined
  /** Leaderboard scores and the minimum, weights: see `createSelector`. */
  selection?: Omit<CreateSelectorParameters, 'maxPricePerPixel'> | undefined
  /** Renditions requested. Default P240p30fps16x9,P360p30fps16x9. */
  profiles?: readonly VideoProfile[] | undefined
  /** Test stream shape. Default 1280×720, 30 fps, 2 s segments. */
  source?: { width?: number; height?: number; fps?: number; segmentSeconds?: number } | undefined
  /** Attempts per segment, each on another orchestrator. Default 3. */
  maxAttempts?: number | undefined
  /** Discovery: per-call timeout, first wait, refresh interval (ms). Defaults 3,000, 500, 60,000. */
  discovery?: { callTimeoutMs?: number; discoveryTimeoutMs?: number; refreshMs?: number } | undefined
  uploadTimeoutMs?: number | undefined
  httpTimeoutMs?: number | undefined
  /** Serve /metrics and /health here; false for none. Default 127.0.0.1:0. */
  host?: string | undefined
  port?: number | false | undefined
  ffmpegPath?: string | undefined
  ffprobePath?: string | undefined
  logger?: NodeLogger | undefined
}

/** Input of {@link Gateway.transcode}. */
export type TranscodeParameters = {
  segment: Uint8Array
  seq: number
  manifestId: string
  /** Default the source segment length. */
  durationMs?: number | undefined
  /** When the segment emerged (round trip starts here). Default now. */
  emergedAt?: number | undefined
  /** Use only this orchestrator (one-at-a-time benchmarks); no retries elsewhere. */
  pin?: Address | undefined
}

/** A running gateway. */
export type Gateway = {
  address: Address
  /** /metrics and /health, when served. */
  url: string | undefined
  profiles: readonly VideoProfile[]
  source: { width: number; height: number; fps: number; segmentSeconds: number }
  /** Discovers (or returns the cached) orchestrators. */
  discover: (options?: { force?: boolean }) => Promise<{ found: DiscoveredOrchestrator[]; failed: DiscoveryFailure[] }>
  /** Transcodes one segment with retries, verification and accounting. */
  transcode: (parameters: TranscodeParameters) => Promise<SegmentReport>
  /** Makes `count` test segments (720p30 test pattern with audio by default). */
  makeSegments: (count: number, firstSeq?: number) => Promise<Buffer[]>
  /** Streams segments: live (one per segment duration) or back to back. */
  stream: (parameters: { segments: number | readonly Uint8Array[]; manifestId?: string; live?: boolean; pin?: Address; onSegment?: (report: SegmentReport) => void; signal?: AbortSignal }) => Promise<SegmentReport[]>
  funds: () => Promise<{ deposit: bigint; reserve: bigint; withdrawRound: bigint }>
  /** Chain reads for reports: block, round, and this gateway's redeemed (won) tickets per recipient since a block. */
  chainState: () => Promise<{ block: bigint; round: bigint }>
  ticketsWon: (fromBlock: bigint) => Promise<Map<Address, { count: number; faceValue: bigint }>>
  stop: () => Promise<void>
}

/**
 * Starts a reference gateway (broadcaster): funds its TicketBroker deposit and reserve, discovers
 * active orchestrators from the chain (pool + ServiceRegistry) or a static list, polls their info in
 * parallel, selects by price cap, perf score, stake and latency, pays with tickets covering pixels ×
 * price, verifies every rendition with ffprobe, retries failures on another orchestrator (3 attempts)
 * and records upload / transcode / download / round-trip times, price and spend per segment.
 *
 * @see shared/spec/nodes.md §3, §5, §8, §9
 *
 * @example
 * const gateway = await startGateway({ manifest, privateKey })
 * const reports = await gateway.stream({ segments: 5 })
 * await gateway.stop()
 */
export async function startGateway(parameters: StartGatewayParameters): Promise<Gateway> {
  const { manifest, rpcUrl, privateKey, deposit = 10n ** 18n, reserve = 10n ** 18n, profiles = defaultProfiles, maxAttempts = 3, logger = silentNodeLogger } = parameters
  const source = { width: 1280, height: 720, fps: 30, segmentSeconds: 2, ...parameters.source }
  const { ffmpegPath, ffprobePath } = resolveMediaBinaries(parameters)
  const chain = createNodeChain({ manifest, rpcUrl, privateKey })
  const address = chain.address
  const recover = createSignerRecovery()
  const metrics = createGatewayMetrics()
  const maxPricePerPixel =
    parameters.maxPricePerUnit === undefined ? undefined : Number(parameters.maxPricePerUnit) / Number(parameters.pixelsPerUnit ?? 1n)
  const selector = createSelector({ ...parameters.selection, maxPricePerPixel })
  // One payment session per orchestrator and stream, as go-livepeer's BroadcastSession.
  const sessions = new Map<string, PaymentSession>()
  const sessionKey = (orchestrator: Address, manifestId: string) => `${orchestrator}/${manifestId}`
  const infoSig = signText(privateKey, address.toLowerCase())
  const discoveryOptions = { callTimeoutMs: 3_000, discoveryTimeoutMs: 500, refreshMs: 60_000, ...parameters.discovery }

  const funds = async () => {
    const [sender, reserveInfo] = await chain.client.readContract({ address: chain.contracts.TicketBroker, abi: ticketBrokerAbi, functionName: 'getSenderInfo', args: [address] })
    return { deposit: sender.deposit, reserve: reserveInfo.fundsRemaining, withdrawRound: sender.withdrawRound }
  }
  const current = await funds()
  const depositTopUp = deposit > current.deposit ? deposit - current.deposit : 0n
  const reserveTopUp = reserve > current.reserve ? reserve - current.reserve : 0n
  if (depositTopUp + reserveTopUp > 0n) {
    const balance = await chain.client.getBalance({ address })
    if (balance < depositTopUp + reserveTopUp) throw new ChainSetupError({ step: 'fundDepositAndReserve', reason: `ETH balance ${balance} is below ${depositTopUp + reserveTopUp}` })
    await chain.send('TicketBroker.fundDepositAndReserve', {
      address: chain.contracts.TicketBroker,
      abi: ticketBrokerAbi,
      functionName: 'fundDepositAndReserve',
      args: [depositTopUp, reserveTopUp],
      value: depositTopUp + reserveTopUp,
    })
    logger.info({ deposit: depositTopUp.toString(), reserve: reserveTopUp.toString() }, 'funded deposit and reserve')
  }
  let cachedDeposit = (await funds()).deposit

  let discovered: { found: DiscoveredOrchestrator[]; failed: DiscoveryFailure[]; at: number } | undefined
  const discover = async ({ force = false } = {}) => {
    if (!force && discovered && Date.now() - discovered.at < discoveryOptions.refreshMs) return discovered
    const candidates: OrchestratorCandidate[] = parameters.orchestrators
      ? parameters.orchestrators.map((serviceUri) => ({ address: undefined, serviceUri, stake: 0n }))
      : await readActiveOrchestrators(chain)
    const result = await pollOrchestrators({ candidates, address, sig: infoSig, ...discoveryOptions })
    cachedDeposit = (await funds()).deposit
    discovered = { ...result, at: Date.now() }
    logger.info({ found: result.found.length, failed: result.failed.length }, 'discovered orchestrators')
    return discovered
  }

  /** A session with fresh params for `orchestrator` (re-polled when new or about to expire). */
  const sessionFor = async (orchestrator: DiscoveredOrchestrator, manifestId: string): Promise<PaymentSession | undefined> => {
    let session = sessions.get(sessionKey(orchestrator.address, manifestId))
    const block = await chain.client.getBlockNumber({ cacheTime: 1_000 })
    if (session && !session.expiring(block) && !session.priceJumped()) return session
    const { found } = await pollOrchestrators({ candidates: [orchestrator], address, sig: infoSig, ...discoveryOptions, maxWaitMs: discoveryOptions.callTimeoutMs })
    const fresh = found[0]
    if (!fresh) return undefined
    session = createPaymentSession({ info: fresh.info, sender: address, privateKey })
    sessions.set(sessionKey(orchestrator.address, manifestId), session)
    return session
  }

  const transcode = async ({ segment, seq, manifestId, durationMs = source.segmentSeconds * 1000, emergedAt = Date.now(), pin }: TranscodeParameters): Promise<SegmentReport> => {
    const started = performance.now() - (Date.now() - emergedAt)
    const report: SegmentReport = {
      manifestId,
      seq,
      success: false,
      errorCode: undefined,
      error: undefined,
      attempts: [],
      orchestrator: undefined,
      serviceUri: undefined,
      startedAt: new Date(emergedAt),
      finishedAt: new Date(emergedAt),
      segDurationMs: durationMs,
      uploadMs: 0,
      transcodeMs: 0,
      downloadMs: 0,
      roundTripMs: 0,
      ffmpegMs: 0,
      renditionsExpected: profiles.length,
      renditionsReceived: 0,
      pixels: 0n,
      pricePerUnit: 0n,
      pixelsPerUnit: 1n,
      feeWei: 0n,
      evSentWei: 0n,
      ticketsSent: 0,
      faceValue: 0n,
      winProb: 0n,
      encoder: undefined,
    }
    const exclude = new Set<Address>()
    const attempts = pin ? 1 : maxAttempts
    for (let attempt = 0; attempt < attempts; attempt++) {
      const { found } = await discover()
      const chosen = pin ? found.find((o) => isAddressEqual(o.address, pin)) : selector.select(found, exclude)
      if (!chosen) {
        report.errorCode ??= 'NoOrchestrators'
        report.error ??= new NoOrchestratorsError({ reason: pin ? `${pin} did not answer discovery` : `${found.length} found, none eligible` }).shortMessage
        break
      }
      if (attempt > 0) metrics.swaps.inc()
      exclude.add(chosen.address)
      report.orchestrator = chosen.address
      report.serviceUri = chosen.serviceUri
      const session = await sessionFor(chosen, manifestId)
      if (!session) {
        report.attempts.push({ orchestrator: chosen.address, serviceUri: chosen.serviceUri, errorCode: 'DiscoveryFailed', error: 'no info' })
        report.errorCode = 'DiscoveryFailed'
        selector.recordFailure(chosen.address)
        continue
      }
      report.pricePerUnit = session.price.pricePerUnit
      report.pixelsPerUnit = session.price.pixelsPerUnit
      const attemptStarted = performance.now()
      try {
        const result = await submitSegment({
          session,
          sender: address,
          privateKey,
          recover,
          ffprobePath,
          manifestId,
          seq,
          segment,
          durationMs,
          sourceFps: source.fps,
          profiles,
          deposit: cachedDeposit,
          uploadTimeoutMs: parameters.uploadTimeoutMs,
          httpTimeoutMs: parameters.httpTimeoutMs,
        })
        report.attempts.push({ orchestrator: chosen.address, serviceUri: chosen.serviceUri, errorCode: undefined, error: undefined })
        Object.assign(report, {
          success: true,
          errorCode: undefined,
          error: undefined,
          uploadMs: result.uploadMs,
          transcodeMs: result.transcodeMs,
          downloadMs: result.downloadMs,
          ffmpegMs: result.ffmpegMs,
          renditionsReceived: result.renditions.length,
          pixels: result.pixels,
          feeWei: (result.pixels * session.price.pricePerUnit + session.price.pixelsPerUnit - 1n) / session.price.pixelsPerUnit,
          faceValue: result.faceValue || report.faceValue,
          winProb: result.winProb || report.winProb,
          encoder: result.encoder,
        })
        report.evSentWei += result.evSent
        report.ticketsSent += result.tickets
        const tookAll = result.uploadMs + result.transcodeMs
        selector.recordSuccess(chosen.address, tookAll / Math.max(1_500, durationMs))
        metrics.upload.observe(result.uploadMs / 1000)
        metrics.transcode.observe(result.transcodeMs / 1000)
        metrics.download.observe(result.downloadMs / 1000)
        break
      } catch (error) {
        const wireCode = error instanceof AttemptError ? error.wireCode : 'InternalError'
        const message = String((error as Error).message).split('\n')[0]
        if (error instanceof AttemptError) {
          report.evSentWei += error.evSent
          report.ticketsSent += error.tickets
        }
        report.attempts.push({ orchestrator: chosen.address, serviceUri: chosen.serviceUri, errorCode: wireCode, error: message })
        report.errorCode = wireCode
        report.error = message
        metrics.failures.inc({ error_code: wireCode })
        // Busy or capped is a capacity answer, not a fault: try elsewhere without suspending.
        if (wireCode !== 'OrchestratorBusy' && wireCode !== 'OrchestratorCapped') selector.recordFailure(chosen.address)
        // Params, token or price the orchestrator no longer accepts: start a fresh session next time.
        sessions.delete(sessionKey(chosen.address, manifestId))
        logger.warn({ seq, orchestrator: chosen.address, code: wireCode, error: message, ms: Math.round(performance.now() - attemptStarted) }, 'segment attempt failed')
      }
    }
    report.roundTripMs = performance.now() - started
    report.finishedAt = new Date()
    metrics.segments.inc({ result: report.success ? 'ok' : (report.errorCode ?? 'failed') })
    metrics.ticketsSent.inc(report.ticketsSent)
    metrics.ticketValueSent.inc(Number(report.evSentWei) / 1e9)
    if (report.success) metrics.roundTrip.observe(report.roundTripMs / 1000)
    return report
  }

  const makeSegments = async (count: number, firstSeq = 0) => {
    const out: Buffer[] = []
    for (let i = 0; i < count; i++)
      out.push(await makeTestSegment({ ffmpegPath, width: source.width, height: source.height, fps: source.fps, durationSec: source.segmentSeconds, seq: firstSeq + i }))
    return out
  }

  const stream: Gateway['stream'] = async ({ segments, manifestId = `peerscope-${randomUUID().slice(0, 8)}`, live = false, pin, onSegment, signal }) => {
    const list = typeof segments === 'number' ? await makeSegments(segments) : segments
    const reports: SegmentReport[] = []
    const durationMs = source.segmentSeconds * 1000
    const begin = Date.now()
    for (let seq = 0; seq < list.length; seq++) {
      signal?.throwIfAborted()
      const emergeAt = live ? begin + seq * durationMs : Date.now()
      if (emergeAt > Date.now()) await new Promise((resolve) => setTimeout(resolve, emergeAt - Date.now()))
      const report = await transcode({ segment: list[seq] as Uint8Array, seq, manifestId, durationMs, emergedAt: Math.min(emergeAt, Date.now()), pin })
      reports.push(report)
      onSegment?.(report)
    }
    return reports
  }

  let server: Server | undefined
  let url: string | undefined
  if (parameters.port !== false) {
    const host = parameters.host ?? '127.0.0.1'
    server = createServer((req, res) => {
      void (async () => {
        if (req.url === '/metrics') {
          res.writeHead(200, { 'content-type': metrics.registry.contentType })
          return res.end(await metrics.registry.metrics())
        }
        if (req.url === '/health') {
          res.writeHead(200, { 'content-type': 'application/json' })
          return res.end(JSON.stringify({ status: 'ok', address, orchestrators: discovered?.found.length ?? 0 }))
        }
        res.writeHead(404).end()
      })().catch(() => res.writeHead(500).end())
    })
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject)
      server!.listen(parameters.port || 0, host, () => resolve())
    })
    url = `http://${host}:${(server.address() as AddressInfo).port}`
  }

  return {
    address,
    url,
    profiles,
    source,
    discover,
    transcode,
    makeSegments,
    stream,
    funds,
    async chainState() {
      const [block, round] = await Promise.all([
        chain.client.getBlockNumber({ cacheTime: 0 }),
        chain.client.readContract({ address: chain.contracts.RoundsManager, abi: roundsManagerAbi, functionName: 'currentRound' }),
      ])
      return { block, round }
    },
    async ticketsWon(fromBlock) {
      const logs = await chain.client.getLogs({ address: chain.contracts.TicketBroker, fromBlock, toBlock: 'latest' })
      const won = new Map<Address, { count: number; faceValue: bigint }>()
      for (const log of parseEventLogs({ abi: ticketBrokerAbi, logs, eventName: 'WinningTicketRedeemed' })) {
        if (!isAddressEqual(log.args.sender, address)) continue
        const recipient = getAddress(log.args.recipient)
        const entry = won.get(recipient) ?? { count: 0, faceValue: 0n }
        entry.count++
        entry.faceValue += log.args.faceValue
        won.set(recipient, entry)
      }
      return won
    },
    async stop() {
      if (server) {
        server.closeAllConnections()
        await new Promise<void>((resolve) => server!.close(() => resolve()))
      }
    },
  }
}

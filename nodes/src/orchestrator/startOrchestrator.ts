import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus } from 'node:os'
import { defaultTicketEV, type DevnetManifest } from '@peerscope/protocol'
import { bytesToHex, concat, isAddressEqual, keccak256, type Address, type Hex } from 'viem'
import type { AiPipelines, AiPrice } from '../ai/index.ts'
import { createChainView } from '../chain/createChainView.ts'
import { createNodeChain } from '../chain/createNodeChain.ts'
import createKeccak from 'keccak'
import { keccakBytes } from '../chain/keccakBytes.ts'
import { createSignerRecovery, signDigest } from '../chain/signatures.ts'
import { detectEncoder, type EncoderChoice } from '../media/detectEncoder.ts'
import { resolveMediaBinaries } from '../media/resolveMediaBinaries.ts'
import { transcodeSegment } from '../media/transcodeSegment.ts'
import { validateProfile } from '../media/videoProfiles.ts'
import { decodeHeader, parsePayment, parseSegData, paymentHeader, priceJson, segmentCredentialsMessage, segmentHeader, ticketParamsJson, type Payment, type Price } from '../wire/codec.ts'
import { estimatePixels, feeFor } from '../wire/estimateFee.ts'
import { NodeProtocolError } from '../wire/errors.ts'
import { silentNodeLogger, type NodeLogger } from '../wire/logger.ts'
import type { AuthTokenJson, OrchestratorInfoJson, RenditionJson, TranscodeResultJson } from '../wire/types.ts'
import { createOrchestratorMetrics } from './createOrchestratorMetrics.ts'
import { createRemoteWorkerHub, type WorkerResultJson } from './createRemoteWorkerHub.ts'
import { startChainDuties } from './startChainDuties.ts'
import { createTicketRecipient } from './createTicketRecipient.ts'
import { createWorkerPool } from './createWorkerPool.ts'

/** Options of {@link startOrchestrator} (the `peerscope node orchestrator` flags). */
export type StartOrchestratorParameters = {
  /** Devnet manifest: contract addresses and chain id. */
  manifest: DevnetManifest
  /** JSON-RPC URL. Default the manifest's. */
  rpcUrl?: string | undefined
  /** The orchestrator's key (devnet: `deriveDevnetPrivateKey(seed, 'orchestrator', i)`); it needs ETH for gas and LPT to bond. */
  privateKey: Hex
  /** Interface and port to serve on; port 0 picks one. Default 127.0.0.1:8935. */
  host?: string | undefined
  port?: number | undefined
  /** Registered on chain and advertised. Default `http://host:port`. */
  serviceUri?: string | undefined
  /** Price per pixel = pricePerUnit / pixelsPerUnit wei. Default 1200 / 1. */
  pricePerUnit?: bigint | undefined
  pixelsPerUnit?: bigint | undefined
  /** Ticket expected value, wei. Default 8 gwei. */
  ticketEV?: bigint | undefined
  /** Face value cap, wei (`-maxFaceValue`); 0 = none. */
  maxFaceValue?: bigint | undefined
  /** HMAC secret for recipientRand (32 bytes hex). Default: derived from the key, so restarts can redeem old tickets. */
  ticketSecret?: Hex | undefined
  /** LPT wei kept self-bonded. Default 1,000 LPT. */
  selfBond?: bigint | undefined
  /** Parts per million. Defaults 100,000 (10 %) and 500,000 (50 %). */
  rewardCut?: bigint | undefined
  feeShare?: bigint | undefined
  /** Concurrent streams before `OrchestratorCapped` (`-maxSessions`). Default 10. */
  maxSessions?: number | undefined
  /** Transcode on this machine too. Default true. */
  localWorker?: boolean | undefined
  /** Concurrent local transcodes. Default max(1, cpus / 2). */
  localCapacity?: number | undefined
  /** Accept remote workers presenting this secret (`-orchSecret`). Default: none accepted. */
  workerSecret?: string | undefined
  /** A remote job unanswered this long drops its worker (the job retries elsewhere). Default max(10 s, 8 × segment duration); AI 60 s. */
  workerJobTimeoutMs?: number | undefined
  /** Encoder choice; default auto-detect (NVENC when an NVIDIA GPU and an NVENC ffmpeg are present). */
  encoder?: 'auto' | 'libx264' | 'h264_nvenc' | undefined
  x264Preset?: string | undefined
  /** FFMPEG_PATH / FFPROBE_PATH; default the bundled static binaries. */
  ffmpegPath?: string | undefined
  ffprobePath?: string | undefined
  /**
   * AI: `pipelines` from nodes/src/ai (`createAiPipelines()`) run here; without them, AI requests go
   * to remote workers that registered pipelines. Either way they are served on go-livepeer's AI
   * paths behind ticket payments, billed at `prices` (per pipeline/model, 'default' model matches all).
   */
  ai?: { pipelines?: AiPipelines | undefined; prices?: readonly AiPrice[] | undefined } | undefined
  /** Chain polling, ms. Default 500. */
  chainPollMs?: number | undefined
  /** Renditions stay downloadable this long. Default 120 s. */
  renditionTtlMs?: number | undefined
  logger?: NodeLogger | undefined
}

/** A running orchestrator. */
export type Orchestrator = {
  url: string
  serviceUri: string
  address: Address
  encoder: EncoderChoice
  /** Per-block duty counters and ticket totals. */
  stats: () => { rewards: number; rounds: number; redeemed: number; redeemFailed: number; ticketsReceived: number; winningTickets: number; rejected: number; segments: number }
  workers: () => { id: string; name: string; remote: boolean; capacity: number; inUse: number }[]
  /** Jobs per worker name. */
  routed: () => Map<string, number>
  /** A sender's credit for a stream, wei. */
  balance: (sender: Address, manifestId?: string) => bigint
  stop: () => Promise<void>
}

const maxSegmentBytes = 300 * 1024 * 1024

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new NodeProtocolError({ code: 'BadRequest', message: 'body is not JSON', cause })
  }
}
const authTokenValidSeconds = 30 * 60

/**
 * Starts a reference orchestrator: an HTTP service speaking the JSON reference protocol with
 * go-livepeer's semantics (`POST /getOrchestrator`, `POST /segment` answering 200 before the
 * transcode, `POST /payment`, `GET /stream/...` renditions, AI paths when `ai` is given, remote
 * workers under `/worker/*`, `/health`, `/metrics`), transcoding with ffmpeg, and on chain:
 * self-bond, registration, round initialization, reward every round, ticket redemption.
 *
 * @see shared/spec/nodes.md §2–§8, §15
 *
 * @example
 * const orchestrator = await startOrchestrator({ manifest, privateKey, port: 0, workerSecret: 's3cret' })
 * orchestrator.url // http://127.0.0.1:40123
 * await orchestrator.stop()
 */
export async function startOrchestrator(parameters: StartOrchestratorParameters): Promise<Orchestrator> {
  const {
    manifest,
    rpcUrl,
    privateKey,
    host = '127.0.0.1',
    port = 8935,
    pricePerUnit = 1200n,
    pixelsPerUnit = 1n,
    ticketEV = defaultTicketEV,
    maxFaceValue = 0n,
    selfBond = 1_000n * 10n ** 18n,
    rewardCut = 100_000n,
    feeShare = 500_000n,
    maxSessions = 10,
    localWorker = true,
    localCapacity = Math.max(1, Math.floor(cpus().length / 2)),
    workerSecret,
    x264Preset,
    chainPollMs = 500,
    renditionTtlMs = 120_000,
    logger = silentNodeLogger,
  } = parameters
  if (pixelsPerUnit <= 0n || pricePerUnit < 0n) throw new RangeError('startOrchestrator: the price must be non-negative with positive pixelsPerUnit')
  const price: Price = { pricePerUnit, pixelsPerUnit }
  const { ffmpegPath, ffprobePath } = resolveMediaBinaries(parameters)
  const encoder = await detectEncoder({ ffmpegPath, prefer: parameters.encoder })
  logger.info({ encoder: encoder.encoder, reason: encoder.reason }, 'transcoding encoder')
  const metrics = createOrchestratorMetrics()
  metrics.price.set(Number(pricePerUnit) / Number(pixelsPerUnit))

  const chain = createNodeChain({ manifest, rpcUrl, privateKey })
  const address = chain.address
  let duties: Awaited<ReturnType<typeof startChainDuties>> | undefined
  const view = await createChainView({ chain, pollMs: chainPollMs, onBlock: () => void duties?.tick(), onError: (error) => logger.warn({ error: String(error) }, 'chain poll failed') })
  const recipient = createTicketRecipient({
    address,
    secret: parameters.ticketSecret ?? keccak256(concat([privateKey, bytesToHex(new TextEncoder().encode('peerscope/recipient-secret'))])),
    ev: ticketEV,
    price: () => price,
    view,
    maxFaceValue,
    onWinningTicket: (winner) => {
      metrics.winningTickets.inc()
      duties?.redeem(winner)
    },
  })
  const recover = createSignerRecovery()
  const pool = createWorkerPool({ logger })
  const hub = workerSecret ? createRemoteWorkerHub({ pool, secret: workerSecret, logger, jobTimeoutMs: parameters.workerJobTimeoutMs }) : undefined
  if (localWorker)
    pool.add({
      id: 'local',
      name: 'local',
      remote: false,
      capacity: localCapacity,
      transcode: (job) => transcodeSegment({ ffmpegPath, ffprobePath, segment: job.segment, profiles: job.profiles, encoder: encoder.encoder, x264Preset }),
      close: () => {},
    })

  const renditions = new Map<string, { data: Buffer; expires: number }>()
  const sweep = setInterval(() => {
    const now = Date.now()
    for (const [key, value] of renditions) if (value.expires < now) renditions.delete(key)
  }, 5_000)
  const sessions = new Map<string, number>() // manifestId → last activity (ms)
  const authTokens = new Map<Hex, { sender: Address; expiration: number }>()
  const senderTokens = new Map<Address, AuthTokenJson>()
  let segmentsDone = 0

  const authTokenFor = (sender: Address): AuthTokenJson => {
    const now = Math.floor(Date.now() / 1000)
    const current = senderTokens.get(sender)
    if (current && current.expiration - now > authTokenValidSeconds / 10) return current
    const token: AuthTokenJson = { token: bytesToHex(randomBytes(16)), sessionId: randomUUID(), expiration: now + authTokenValidSeconds }
    senderTokens.set(sender, token)
    authTokens.set(token.token, { sender, expiration: token.expiration })
    return token
  }

  const info = async (sender: Address): Promise<OrchestratorInfoJson> => {
    const params = await recipient.ticketParams(sender)
    const { total, inUse } = pool.capacity()
    const local = parameters.ai?.pipelines
    const aiCapabilities = [
      ...(local?.capabilities ?? []).map((c) => ({ pipeline: c.pipeline as string, modelId: c.modelId, warm: c.warm, capacity: c.capacity, capacityInUse: local?.inFlight(c.pipeline, c.modelId) ?? 0 })),
      ...pool.aiCapabilities().map((c) => ({ ...c, capacityInUse: 0 })),
    ]
    const aiPrices = parameters.ai?.prices ?? []
    const models: OrchestratorInfoJson['capabilities']['models'] = {}
    for (const capability of aiCapabilities) {
      const byModel = (models[capability.pipeline] ??= {})
      const known = byModel[capability.modelId]
      byModel[capability.modelId] = {
        warm: capability.warm || (known?.warm ?? false),
        capacity: capability.capacity + (known?.capacity ?? 0),
        capacityInUse: capability.capacityInUse + (known?.capacityInUse ?? 0),
      }
    }
    return {
      transcoder: serviceUri,
      address,
      priceInfo: priceJson(price),
      ticketParams: params && ticketParamsJson(params),
      capabilities: {
        list: ['transcode:h264', 'mpegts', 'auth-token', ...new Set(aiCapabilities.map((c) => `ai:${c.pipeline}`))],
        capacities: { transcode: total, transcodeInUse: inUse },
        models,
        version: 'peerscope-0.1.0',
      },
      capabilitiesPrices: aiPrices.map((p) => ({ pipeline: p.pipeline, modelId: p.modelId, ...priceJson(p) })),
      authToken: authTokenFor(sender),
      hardware: { encoder: encoder.encoder, gpu: encoder.gpu, gpus: encoder.gpus, reason: encoder.reason },
    }
  }

  /** Payment and balance checks shared by /segment, /payment and the AI paths; returns the parsed payment. */
  const acceptPayment = async (req: IncomingMessage, requiredWei: bigint, manifestId: string): Promise<Payment> => {
    const payment = parsePayment(decodeHeader(req.headers[paymentHeader], 'Livepeer-Payment'))
    const received = await recipient.receivePayment(payment, manifestId)
    metrics.ticketsReceived.inc(received.tickets)
    metrics.ticketValueReceived.inc(Number(received.credited) / 1e9)
    if (price.pricePerUnit > 0n) {
      const required = requiredWei > recipient.ev ? requiredWei : recipient.ev
      const balance = recipient.balance(payment.sender, manifestId)
      if (balance < required)
        throw new NodeProtocolError({ code: 'InsufficientBalance', message: `credit ${balance} wei is below the ${required} wei this job needs` })
    }
    return payment
  }

  const handleSegment = async (req: IncomingMessage, res: ServerResponse, body: Buffer, bodyHash: Hex) => {
    const seg = parseSegData(decodeHeader(req.headers[segmentHeader], 'Livepeer-Segment'))
    const payment = parsePayment(decodeHeader(req.headers[paymentHeader], 'Livepeer-Payment'))
    const token = authTokens.get(seg.authToken.token)
    if (!token || !isAddressEqual(token.sender, payment.sender) || token.expiration < Date.now() / 1000)
      throw new NodeProtocolError({ code: 'InvalidAuthToken', message: 'missing, foreign or expired auth token; fetch /getOrchestrator again' })
    const signer = recover.text(segmentCredentialsMessage(seg), seg.sig)
    if (!signer || !isAddressEqual(signer, payment.sender)) throw new NodeProtocolError({ code: 'InvalidSegmentCredentials', message: 'segment signature does not match the payment sender' })
    let profiles
    try {
      profiles = seg.profiles.map(validateProfile)
    } catch (cause) {
      throw new NodeProtocolError({ code: 'BadRequest', message: (cause as Error).message.split('\n')[0] ?? 'bad profile', cause })
    }
    // Capacity before payment, as go-livepeer's verifySegCreds → CheckCapacity.
    const now = Date.now()
    for (const [id, last] of sessions) if (now - last > 60_000) sessions.delete(id)
    if (!sessions.has(seg.manifestId) && sessions.size >= maxSessions)
      throw new NodeProtocolError({ code: 'OrchestratorCapped', message: `${sessions.size} sessions, the maximum is ${maxSessions}` })
    if (!pool.hasFreeSlot()) throw new NodeProtocolError({ code: 'OrchestratorBusy', message: 'every worker slot is in use' })
    await acceptPayment(req, feeFor(estimatePixels(profiles, seg.duration), price), seg.manifestId)
    if (bodyHash !== seg.hash) throw new NodeProtocolError({ code: 'SegmentHashMismatch', message: 'segment bytes do not hash to segment.hash' })
    sessions.set(seg.manifestId, now)

    // The 200 goes out before the work: the gateway times upload separately from transcode.
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    res.flushHeaders()
    const started = performance.now()
    let result: TranscodeResultJson
    try {
      const job = await pool.transcode({ manifestId: seg.manifestId, seq: seg.seq, segment: body, profiles, durationMs: seg.duration })
      const jobMs = performance.now() - started
      let pixels = 0n
      const segments: RenditionJson[] = job.renditions.map((rendition) => {
        const path = `/stream/${seg.manifestId}/${rendition.profile.name}/${seg.seq}.ts`
        renditions.set(path, { data: rendition.data, expires: Date.now() + renditionTtlMs })
        pixels += rendition.pixels
        return { name: rendition.profile.name, url: `${serviceUri}${path}`, pixels: rendition.pixels.toString(), frames: rendition.frames, hash: keccakBytes(rendition.data) }
      })
      recipient.debit(payment.sender, feeFor(pixels, price), seg.manifestId)
      metrics.pixels.inc(Number(pixels))
      metrics.transcodeSeconds.observe(jobMs / 1000)
      metrics.segments.inc({ result: 'ok' })
      segmentsDone++
      const sig = signDigest(privateKey, keccak256(concat(segments.map((s) => s.hash))))
      result = { seq: seg.seq, data: { segments, sig }, timings: { ffmpegMs: job.ffmpegMs, jobMs }, encoder: job.encoder, worker: job.worker }
    } catch (error) {
      const code = error instanceof NodeProtocolError ? error.code : 'TranscodeFailed'
      metrics.segments.inc({ result: code })
      logger.warn({ manifestId: seg.manifestId, seq: seg.seq, code, error: String((error as Error).message).split('\n')[0] }, 'transcode failed')
      result = { seq: seg.seq, error: { code, message: error instanceof NodeProtocolError ? error.reason : (String((error as Error).message).split('\n')[0] ?? code) } }
    }
    try {
      result.info = await info(payment.sender)
    } catch (error) {
      logger.warn({ error: String(error) }, 'could not refresh ticket params')
    }
    res.end(JSON.stringify(result))
  }

  // AI requests carry no stream: their credit lives under one per-sender AI balance.
  const aiManifestId = 'ai'
  const aiHandler = parameters.ai?.pipelines ? await createAiHandler(parameters.ai.pipelines) : undefined
  async function createAiHandler(pipelines: AiPipelines) {
    const { createAiRoutes } = await import('../ai/index.ts')
    const senders = new WeakMap<Request, Address>()
    return createAiRoutes({
      pipelines,
      prices: parameters.ai!.prices,
      logger: { debug: logger.debug ?? (() => {}), info: logger.info, warn: logger.warn, error: logger.error },
      authorize: async ({ request }) => {
        const headers = Object.fromEntries(request.headers)
        try {
          const payment = await acceptPayment({ headers } as IncomingMessage, 0n, aiManifestId)
          senders.set(request, payment.sender)
          return undefined
        } catch (error) {
          const e = error instanceof NodeProtocolError ? error : new NodeProtocolError({ code: 'InternalError', message: String(error) })
          return Response.json({ error: { code: e.code, message: e.reason } }, { status: e.status })
        }
      },
      onUsage: ({ request, feeWei }) => {
        const sender = senders.get(request)
        if (sender) recipient.debit(sender, feeWei, aiManifestId)
      },
    })
  }

  /** Reads a body up to `limit` bytes; `hash` also keccaks it chunk by chunk as it arrives (off the latency path). */
  const readBody = <H extends boolean = false>(req: IncomingMessage, limit: number, hash?: H): Promise<H extends true ? { body: Buffer; hash: Hex } : Buffer> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = []
      const hasher = hash ? createKeccak('keccak256') : undefined
      let size = 0
      req.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > limit) {
          reject(new NodeProtocolError({ code: 'BadRequest', message: `body over ${limit} bytes` }))
          req.destroy()
          return
        }
        chunks.push(chunk)
        hasher?.update(chunk)
      })
      req.on('end', () => {
        const body = Buffer.concat(chunks)
        resolve((hasher ? { body, hash: `0x${hasher.digest('hex')}` } : body) as H extends true ? { body: Buffer; hash: Hex } : Buffer)
      })
      req.on('error', reject)
    })

  const sendError = (res: ServerResponse, error: unknown) => {
    const e = error instanceof NodeProtocolError ? error : new NodeProtocolError({ code: 'InternalError', message: String((error as Error)?.message ?? error).split('\n')[0] ?? 'error', cause: error })
    if (e.code === 'InternalError') logger.error({ error: String((error as Error)?.stack ?? error) }, 'request failed')
    if (res.headersSent) return void res.end()
    res.writeHead(e.status, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: { code: e.code, message: e.reason } }))
  }

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://orchestrator')
    const path = url.pathname
    if (req.method === 'GET' && path === '/health') {
      const state = view.state()
      res.writeHead(200, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify({ status: 'ok', address, block: state.block.toString(), round: state.currentRound.toString(), capacity: pool.capacity(), workers: pool.workers().length }))
    }
    if (req.method === 'GET' && path === '/metrics') {
      const { total, inUse } = pool.capacity()
      metrics.capacity.set({ state: 'total' }, total)
      metrics.capacity.set({ state: 'in_use' }, inUse)
      metrics.workers.set({ kind: 'remote' }, pool.workers().filter((w) => w.remote).length)
      metrics.workers.set({ kind: 'local' }, pool.workers().filter((w) => !w.remote).length)
      res.writeHead(200, { 'content-type': metrics.registry.contentType })
      return void res.end(await metrics.registry.metrics())
    }
    if (req.method === 'POST' && path === '/getOrchestrator') {
      const body = parseJson((await readBody(req, 10_000)).toString() || '{}') as { address?: string; sig?: string }
      const sender = body.address && body.sig ? recover.text(body.address.toLowerCase(), body.sig as Hex) : undefined
      if (!sender || !body.address || !isAddressEqual(sender, body.address as Address))
        throw new NodeProtocolError({ code: 'BadRequest', message: 'address and a signature of it (personal_sign of the lower-case address) are required' })
      const answer = JSON.stringify(await info(sender))
      res.writeHead(200, { 'content-type': 'application/json' })
      return void res.end(answer)
    }
    if (req.method === 'POST' && path === '/segment') {
      const { body, hash } = await readBody(req, maxSegmentBytes, true)
      return await handleSegment(req, res, body, hash)
    }
    if (req.method === 'POST' && path === '/payment') {
      await readBody(req, 10_000)
      // Top-up for a stream named by `?manifestId=` (go-livepeer sends the segment header; its manifestID is all that matters here).
      const manifestId = url.searchParams.get('manifestId') ?? ''
      const payment = await acceptPayment(req, 0n, manifestId)
      const answer = JSON.stringify({ balance: recipient.balance(payment.sender, manifestId).toString(), info: await info(payment.sender) })
      res.writeHead(200, { 'content-type': 'application/json' })
      return void res.end(answer)
    }
    if (req.method === 'GET' && path.startsWith('/stream/')) {
      const entry = renditions.get(path)
      if (!entry) throw new NodeProtocolError({ code: 'NotFound', message: `no rendition ${path}` })
      res.writeHead(200, { 'content-type': 'video/MP2T', 'content-length': entry.data.length })
      return void res.end(entry.data)
    }
    if (path.startsWith('/worker/')) {
      if (!hub) throw new NodeProtocolError({ code: 'NotFound', message: 'this orchestrator accepts no remote workers' })
      if (!hub.authorized(req)) throw new NodeProtocolError({ code: 'Unauthorized', message: 'bad worker secret' })
      if (req.method === 'GET' && path === '/worker/register') return hub.register(req, res, url)
      const match = /^\/worker\/jobs\/([\w-]+)\/(input|result)$/.exec(path)
      if (match && req.method === 'GET' && match[2] === 'input') return hub.input(match[1] as string, res)
      if (match && req.method === 'POST' && match[2] === 'result') {
        const body = parseJson((await readBody(req, maxSegmentBytes)).toString()) as WorkerResultJson
        hub.result(match[1] as string, body)
        res.writeHead(204)
        return void res.end()
      }
    }
    const remotePipeline = !aiHandler && req.method === 'POST' ? pool.aiCapabilities().find((c) => `/${c.pipeline}` === path)?.pipeline : undefined
    if (remotePipeline) {
      if (!pool.hasFreeSlot(remotePipeline)) throw new NodeProtocolError({ code: 'OrchestratorBusy', message: `no free ${remotePipeline} worker` })
      const body = await readBody(req, 25 * 1024 * 1024)
      const payment = await acceptPayment(req, 0n, aiManifestId)
      const { response, worker } = await pool.runAi(remotePipeline, { path, contentType: String(req.headers['content-type'] ?? 'application/octet-stream'), body })
      const headers: Record<string, string> = { ...response.headers, 'livepeer-worker': worker }
      if (response.status === 200) {
        const units = BigInt(response.headers['livepeer-billing-units'] ?? '0')
        const modelId = response.headers['livepeer-model-id'] ?? ''
        const prices = parameters.ai?.prices ?? []
        const aiPrice = prices.find((p) => p.pipeline === remotePipeline && p.modelId === modelId) ?? prices.find((p) => p.pipeline === remotePipeline && p.modelId === 'default')
        const fee = aiPrice ? feeFor(units, aiPrice) : 0n
        recipient.debit(payment.sender, fee, aiManifestId)
        headers['livepeer-billing-fee-wei'] = fee.toString()
      }
      res.writeHead(response.status, headers)
      return void res.end(response.body)
    }
    if (aiHandler) {
      const body = req.method === 'POST' ? await readBody(req, 25 * 1024 * 1024) : undefined
      const headers = new Headers()
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value)
      const response = await aiHandler(new Request(`http://orchestrator${req.url ?? '/'}`, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined }))
      if (response) {
        res.writeHead(response.status, Object.fromEntries(response.headers))
        return void res.end(Buffer.from(await response.arrayBuffer()))
      }
    }
    throw new NodeProtocolError({ code: 'NotFound', message: `${req.method} ${path}` })
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error) => sendError(res, error))
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const bound = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound.port}`
  const serviceUri = parameters.serviceUri ?? url

  const stop = async () => {
    clearInterval(sweep)
    view.stop()
    await duties?.stop()
    hub?.close()
    pool.close()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  try {
    duties = await startChainDuties({
      chain,
      view,
      recipient,
      serviceUri,
      selfBond,
      rewardCut,
      feeShare,
      logger,
      onRedeemed: (winner) => metrics.valueRedeemed.inc(Number(winner.ticket.faceValue) / 1e9),
    })
  } catch (error) {
    await stop()
    throw error
  }
  logger.info({ url, serviceUri, address, price: `${pricePerUnit}/${pixelsPerUnit}`, workers: pool.workers().length }, 'orchestrator ready')

  return {
    url,
    serviceUri,
    address,
    encoder,
    stats: () => ({ ...duties!.stats, ...recipient.totals, segments: segmentsDone }),
    workers: () => pool.workers(),
    routed: () => pool.stats.routed,
    balance: (sender, manifestId) => recipient.balance(sender, manifestId),
    stop,
  }
}

import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, test } from 'node:test'
import { ticketBrokerAbi } from '@peerscope/protocol/abi'
import { keccak256, parseEventLogs, type Hex } from 'viem'
import { signText } from '../chain/signatures.ts'
import { startGateway, type Gateway } from '../gateway/startGateway.ts'
import { createPaymentSession } from '../gateway/createPaymentSession.ts'
import { makeTestSegment } from '../media/makeTestSegment.ts'
import { resolveMediaBinaries } from '../media/resolveMediaBinaries.ts'
import type { VideoProfile } from '../media/videoProfiles.ts'
import { createTestNetwork, type TestNetwork } from '../testing/createTestNetwork.ts'
import { encodeHeader, paymentHeader, segmentCredentialsMessage, segmentHeader } from '../wire/codec.ts'
import { estimatePixels } from '../wire/estimateFee.ts'
import type { OrchestratorInfoJson, PaymentJson, SegDataJson } from '../wire/types.ts'
import { startWorker } from '../worker/startWorker.ts'
import { startOrchestrator, type Orchestrator } from './startOrchestrator.ts'

// One small devnet for the file; orchestrators and gateways get fresh funded accounts. Segments are
// 1 s of 320×180 into 144p (+240p) so real ffmpeg stays fast on 2 cores.
const { ffmpegPath } = resolveMediaBinaries()
const p144: VideoProfile = { name: 'P144p30fps16x9', width: 256, height: 144, bitrate: 400_000, fps: 30 }
const p240: VideoProfile = { name: 'P240p30fps16x9', width: 426, height: 240, bitrate: 600_000, fps: 30 }
const source = { width: 320, height: 180, segmentSeconds: 1 }
const ev = 1_000_000_000n // 1 gwei: a 1 s 144p segment at 1200 wei/px needs ~2 tickets
const feeFor1s144 = (estimatePixels([p144], 1_000) * 102n * 1200n) / 100n

let network: TestNetwork
let orchestrator: Orchestrator
let segment: Buffer
const stops: (() => Promise<unknown>)[] = []

before(async () => {
  network = await createTestNetwork()
  orchestrator = await startOrchestrator({ manifest: network.manifest, privateKey: await network.fundedKey({ lpt: 2_000n }), port: 0, ticketEV: ev, chainPollMs: 100 })
  stops.push(orchestrator.stop)
  segment = await makeTestSegment({ ffmpegPath, width: 320, height: 180, durationSec: 1 })
})
after(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => {})
  await network?.stop()
})

const newGateway = async (options: Partial<Parameters<typeof startGateway>[0]> = {}): Promise<Gateway> => {
  const gateway = await startGateway({ manifest: network.manifest, privateKey: await network.fundedKey({ eth: 10n }), source, profiles: [p144, p240], port: false, ...options })
  stops.push(gateway.stop)
  return gateway
}

test('behavior: a real segment goes end to end through gateway and orchestrator, paid and verified', async () => {
  const gateway = await newGateway({ orchestrators: [orchestrator.url] })
  const [first, second] = await gateway.stream({ segments: [segment, segment], manifestId: 'e2e' })
  for (const report of [first!, second!]) {
    assert.equal(report.success, true, report.error)
    assert.equal(report.orchestrator, orchestrator.address)
    assert.equal(report.renditionsReceived, 2)
    assert.equal(report.pixels, 30n * (256n * 144n + 426n * 240n))
    assert.equal(report.feeWei, report.pixels * 1200n)
    assert.ok(report.uploadMs > 0 && report.transcodeMs > 0 && report.downloadMs > 0)
    assert.ok(report.roundTripMs >= report.uploadMs + report.transcodeMs + report.downloadMs)
    assert.equal(report.encoder, 'libx264')
  }
  // The first segment prepaid its estimate (×1.02, whole tickets); the second used the change.
  const estimate = (estimatePixels([p144, p240], 1_000) * 102n * 1200n) / 100n
  assert.equal(first!.ticketsSent, Number((estimate + ev - 1n) / ev))
  assert.equal(first!.evSentWei, BigInt(first!.ticketsSent) * ev)
  const credit = first!.evSentWei + second!.evSentWei - first!.feeWei - second!.feeWei
  assert.equal(orchestrator.balance(gateway.address, 'e2e'), credit)
  // Renditions stay downloadable; /health and /metrics report the work.
  const health = (await (await fetch(`${orchestrator.url}/health`)).json()) as { status: string; address: string }
  assert.deepEqual([health.status, health.address], ['ok', orchestrator.address])
  const metrics = await (await fetch(`${orchestrator.url}/metrics`)).text()
  assert.match(metrics, /orchestrator_segments_total\{result="ok"\} [1-9]/)
  assert.match(metrics, new RegExp(`orchestrator_pixels_total ${Number(first!.pixels + second!.pixels)}`))
})

/** Info, a signed segment and a payment for raw requests. */
const rawClient = async (key: Hex, url = orchestrator.url, manifestId = 'raw') => {
  const address = network.address(key)
  const infoResponse = await fetch(`${url}/getOrchestrator`, { method: 'POST', body: JSON.stringify({ address, sig: signText(key, address.toLowerCase()) }) })
  const info = (await infoResponse.json()) as OrchestratorInfoJson
  assert.equal(infoResponse.status, 200, JSON.stringify(info))
  const session = createPaymentSession({ info, sender: address, privateKey: key })
  const seg: SegDataJson = { manifestId, seq: 0, hash: keccak256(segment), sig: '0x', duration: 1_000, profiles: [p144], authToken: info.authToken }
  seg.sig = signText(key, segmentCredentialsMessage(seg))
  const send = async (payment: PaymentJson, body: Uint8Array = segment) => {
    const response = await fetch(`${url}/segment`, { method: 'POST', headers: { [segmentHeader]: encodeHeader(seg), [paymentHeader]: encodeHeader(payment) }, body: new Uint8Array(body) })
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } }
  }
  // No credit carried between raw payments: each covers its segment on its own.
  const payment = () => {
    session.resetCredit()
    return session.prepare({ estimatedPixels: (estimatePixels([p144], 1_000) * 102n) / 100n }).payment
  }
  return { address, info, send, payment }
}

const gatewayKey = async () => {
  const key = await network.fundedKey({ eth: 10n })
  const gateway = await startGateway({ manifest: network.manifest, privateKey: key, port: false, orchestrators: [orchestrator.url] }) // funds deposit + reserve
  await gateway.stop()
  return key
}

test('behavior: bad signature, price below ours, replay, tampered segment, expired, underpaid and insufficient deposit are refused with their code and do no work', async () => {
  const before = orchestrator.stats().segments
  const key = await gatewayKey()
  const client = await rawClient(key)

  const forged = client.payment()
  const first = forged.ticketSenderParams[0]!
  first.sig = `${first.sig.slice(0, 10)}${first.sig[10] === '0' ? '1' : '0'}${first.sig.slice(11)}` as Hex
  assert.deepEqual((await client.send(forged)).body.error?.code, 'InvalidTicketSignature')
  const cheap = await client.send({ ...client.payment(), expectedPrice: { pricePerUnit: '1', pixelsPerUnit: '1' } })
  assert.deepEqual(cheap.body.error, { code: 'PriceMismatch', message: 'expected price 1/1 is below 1200/1' })

  const paid = client.payment()
  const ok = await client.send(paid)
  assert.equal(ok.status, 200, JSON.stringify(ok.body))
  const replay = await client.send(paid)
  assert.equal(replay.status, 402)
  assert.deepEqual(replay.body.error, { code: 'TicketReplay', message: `sender nonce ${paid.ticketSenderParams[0]!.senderNonce} was already used` })

  const tampered = await client.send(client.payment(), segment.subarray(0, segment.length - 188))
  assert.deepEqual(tampered.body.error, { code: 'SegmentHashMismatch', message: 'segment bytes do not hash to segment.hash' })

  const underpaid = await rawClient(await gatewayKey())
  const empty = { ...underpaid.payment(), ticketSenderParams: [] }
  const refused = await underpaid.send(empty)
  assert.equal(refused.status, 402)
  assert.equal(refused.body.error?.code, 'InsufficientBalance')

  const late = await rawClient(await gatewayKey())
  await network.mine(41)
  await new Promise((resolve) => setTimeout(resolve, 400)) // the orchestrator's chain view polls every 100 ms
  const expired = await late.send(late.payment())
  assert.equal(expired.body.error?.code, 'TicketExpired')

  const unlocking = await rawClient(await gatewayKey())
  const hash = await network.client.writeContract({ account: unlocking.address, address: network.manifest.contracts.TicketBroker!.address, abi: ticketBrokerAbi, functionName: 'unlock', chain: null, gasPrice: 0n })
  await network.client.waitForTransactionReceipt({ hash })
  await new Promise((resolve) => setTimeout(resolve, 400))
  const unfunded = await unlocking.send(unlocking.payment())
  assert.equal(unfunded.status, 402)
  assert.match(unfunded.body.error?.message ?? '', /^sender 0x[0-9a-fA-F]{40} is unlocking its deposit/)

  // Only the one paid segment was transcoded.
  assert.equal(orchestrator.stats().segments, before + 1)
  // A sender with no reserve gets no ticket params at all.
  const brokeKey = await network.fundedKey()
  const broke = network.address(brokeKey)
  const noReserve = await fetch(`${orchestrator.url}/getOrchestrator`, { method: 'POST', body: JSON.stringify({ address: broke, sig: signText(brokeKey, broke.toLowerCase()) }) })
  assert.equal(noReserve.status, 402)
  assert.equal(((await noReserve.json()) as { error: { code: string } }).error.code, 'InsufficientSenderReserve')
  // And an unsigned info request is refused outright.
  const unsigned = await fetch(`${orchestrator.url}/getOrchestrator`, { method: 'POST', body: JSON.stringify({ address: broke, sig: '0x' }) })
  assert.equal(unsigned.status, 400)
})

test('behavior: winning tickets wait until the orchestrator is active, then are redeemed on chain (WinningTicketRedeemed, deposit debited)', async () => {
  // maxFaceValue = EV makes winProb = 2^256 − 1: every ticket wins.
  const winner = await startOrchestrator({ manifest: network.manifest, privateKey: await network.fundedKey({ lpt: 2_000n }), port: 0, ticketEV: ev, maxFaceValue: ev, chainPollMs: 100 })
  stops.push(winner.stop)
  const gateway = await newGateway({ orchestrators: [winner.url], profiles: [p144] })
  const fromBlock = await network.client.getBlockNumber({ cacheTime: 0 })
  const before = await gateway.funds()
  const [report] = await gateway.stream({ segments: [segment] })
  assert.equal(report!.success, true, report!.error)
  assert.ok(report!.ticketsSent >= 1)
  // Registered this round, active from the next: nothing can be redeemed yet.
  await new Promise((resolve) => setTimeout(resolve, 300))
  assert.equal(winner.stats().redeemed, 0)
  await network.nextRound()
  let redeemed: { args: { sender: string; recipient: string; faceValue: bigint } }[] = []
  for (let i = 0; i < 100 && redeemed.length < report!.ticketsSent; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    const logs = await network.client.getLogs({ address: network.manifest.contracts.TicketBroker!.address, fromBlock })
    redeemed = parseEventLogs({ abi: ticketBrokerAbi, logs, eventName: 'WinningTicketRedeemed' }) as unknown as typeof redeemed
  }
  assert.equal(redeemed.length, report!.ticketsSent)
  for (const event of redeemed) {
    assert.equal(event.args.sender, gateway.address)
    assert.equal(event.args.recipient, winner.address)
    assert.equal(event.args.faceValue, ev)
  }
  const afterFunds = await gateway.funds()
  assert.equal(afterFunds.deposit, before.deposit - BigInt(redeemed.length) * ev)
  assert.equal(winner.stats().redeemed, redeemed.length)
})

test('behavior: the orchestrator initializes new rounds and calls reward() every round', async () => {
  const rewards = orchestrator.stats().rewards
  await network.nextRound()
  for (let i = 0; i < 50 && orchestrator.stats().rewards === rewards; i++) await new Promise((resolve) => setTimeout(resolve, 100))
  assert.equal(orchestrator.stats().rewards, rewards + 1)
})

test('behavior: a remote worker gets the work; once it dies the orchestrator stops routing to it', async () => {
  const remote = await startOrchestrator({ manifest: network.manifest, privateKey: await network.fundedKey({ lpt: 2_000n }), port: 0, ticketEV: ev, workerSecret: 's3cret', localCapacity: 1, chainPollMs: 100 })
  stops.push(remote.stop)
  await assert.rejects(startWorker({ orchestrator: remote.url, secret: 'wrong', reconnectMs: 60_000 }).then(async (w) => {
    const stats = await Promise.race([w.ready().then(() => 'ready'), new Promise((resolve) => setTimeout(() => resolve('refused'), 500))])
    await w.stop()
    if (stats === 'refused') throw new Error('refused')
  }), /refused/)
  const worker = await startWorker({ orchestrator: remote.url, secret: 's3cret', name: 'remote-1', capacity: 1 })
  await worker.ready()
  assert.deepEqual(remote.workers().map((w) => [w.name, w.remote]), [['local', false], ['remote-1', true]])
  const gateway = await newGateway({ orchestrators: [remote.url], profiles: [p144] })
  const [first] = await gateway.stream({ segments: [segment] })
  assert.equal(first!.success, true, first!.error)
  assert.equal(remote.routed().get('remote-1'), 1)
  assert.equal(worker.stats().jobs, 1)

  await worker.stop()
  for (let i = 0; i < 50 && remote.workers().length > 1; i++) await new Promise((resolve) => setTimeout(resolve, 50))
  assert.deepEqual(remote.workers().map((w) => w.name), ['local'])
  const [second] = await gateway.stream({ segments: [segment] })
  assert.equal(second!.success, true, second!.error)
  assert.equal(remote.routed().get('remote-1'), 1)
  assert.equal(remote.routed().get('local'), 1)
})

test('behavior: a worker that stops answering is dropped after the job timeout and the job runs elsewhere', async () => {
  const guarded = await startOrchestrator({ manifest: network.manifest, privateKey: await network.fundedKey({ lpt: 2_000n }), port: 0, ticketEV: ev, workerSecret: 's', workerJobTimeoutMs: 500, localCapacity: 1, chainPollMs: 100 })
  stops.push(guarded.stop)
  // A broken worker: it registers (remote workers are preferred) but never takes its jobs.
  const stuck = new AbortController()
  stops.push(async () => stuck.abort())
  const registered = await fetch(`${guarded.url}/worker/register?name=stuck&capacity=1`, { headers: { authorization: 'Bearer s' }, signal: stuck.signal })
  assert.equal(registered.status, 200)
  for (let i = 0; i < 20 && guarded.workers().length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 25))
  const gateway = await newGateway({ orchestrators: [guarded.url], profiles: [p144] })
  const [report] = await gateway.stream({ segments: [segment] })
  assert.equal(report!.success, true, report!.error)
  assert.deepEqual([guarded.routed().get('stuck'), guarded.routed().get('local')], [1, 1])
  assert.deepEqual(guarded.workers().map((w) => w.name), ['local'])
})

test('behavior: no free worker answers OrchestratorBusy, a session over maxSessions OrchestratorCapped, before any payment', async () => {
  const capped = await startOrchestrator({ manifest: network.manifest, privateKey: await network.fundedKey({ lpt: 2_000n }), port: 0, ticketEV: ev, localWorker: false, workerSecret: 'w', maxSessions: 1, chainPollMs: 100 })
  stops.push(capped.stop)
  const key = await gatewayKey()
  const a = await rawClient(key, capped.url, 'stream-a')
  const busy = await a.send(a.payment())
  assert.equal(busy.status, 503)
  assert.equal(busy.body.error?.code, 'OrchestratorBusy')
  const worker = await startWorker({ orchestrator: capped.url, secret: 'w', name: 'only', capacity: 1 })
  stops.push(worker.stop)
  await worker.ready()
  const ok = await a.send(a.payment())
  assert.equal(ok.status, 200, JSON.stringify(ok.body))
  const b = await rawClient(key, capped.url, 'stream-b')
  const full = await b.send(b.payment())
  assert.equal(full.status, 503)
  assert.deepEqual(full.body.error, { code: 'OrchestratorCapped', message: '1 sessions, the maximum is 1' })
  assert.equal(capped.stats().ticketsReceived, 1 * Number((feeFor1s144 + ev - 1n) / ev))
})

test('behavior: the gateway catches over-billed renditions (ffprobe) and counts the segment as failed', async () => {
  // A dishonest front for the orchestrator: it doubles the pixels billed per rendition.
  let server: Server | undefined
  const proxyUrl = await new Promise<string>((resolve) => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v
      if (req.url === '/getOrchestrator') await new Promise((resolve) => setTimeout(resolve, 150)) // always the slowest to answer
      const upstream = await fetch(`${orchestrator.url}${req.url}`, { method: req.method, headers, body: req.method === "POST" ? new Uint8Array(Buffer.concat(chunks)) : undefined })
      const body = (await upstream.json()) as Record<string, unknown> & { data?: { segments: { pixels: string }[] }; info?: { transcoder: string }; transcoder?: string }
      if (body.transcoder) body.transcoder = proxyUrl
      if (body.info) body.info.transcoder = proxyUrl
      for (const rendition of body.data?.segments ?? []) rendition.pixels = (BigInt(rendition.pixels) * 2n).toString()
      res.writeHead(upstream.status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }).listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`))
  })
  stops.push(() => new Promise((resolve) => server!.close(resolve)))
  const gateway = await newGateway({ orchestrators: [proxyUrl], profiles: [p144] })
  const [report] = await gateway.stream({ segments: [segment] })
  assert.equal(report!.success, false)
  assert.equal(report!.errorCode, 'RenditionMismatch')
  assert.match(report!.error ?? '', /billed 2211840 pixels, rendition has 1105920/)
  // One orchestrator behind the proxy: no second attempt on the same one.
  assert.equal(report!.attempts.length, 1)

  // With an honest orchestrator beside it, the segment is retried there. Discovery sorts by
  // latency and random() = 0.999 picks the last (slowest) candidate first: the proxy.
  const honest = await startOrchestrator({ manifest: network.manifest, privateKey: await network.fundedKey({ lpt: 2_000n }), port: 0, ticketEV: ev, chainPollMs: 100 })
  stops.push(honest.stop)
  const retrying = await newGateway({ orchestrators: [proxyUrl, honest.url], profiles: [p144], selection: { random: () => 0.999 } })
  const [retried] = await retrying.stream({ segments: [segment] })
  assert.equal(retried!.success, true, retried!.error)
  assert.deepEqual(retried!.attempts.map((a) => [a.orchestrator, a.errorCode]), [[orchestrator.address, 'RenditionMismatch'], [honest.address, undefined]])
  assert.equal(retried!.orchestrator, honest.address)
  // Tickets sent to both orchestrators count as spend.
  assert.ok(retried!.ticketsSent >= 2)
})

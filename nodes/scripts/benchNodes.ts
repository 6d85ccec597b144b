// npm run bench:nodes — reference node performance on this machine (real ffmpeg, real devnet):
//   1. transcode real-time ratio: a 2 s 720p30 segment → P240p30 + P360p30 with libx264 (goal ≤ 0.5 on 2 cores)
//   2. per-segment overhead excluding ffmpeg: the protocol work of gateway + orchestrator for one
//      segment (hashing, signed credentials, tickets, validation; goal < 5 ms), plus an end-to-end
//      HTTP breakdown
//   3. ticket verification rate of the orchestrator's recipient, one core (goal ≥ 5,000/s)
//   4. AI inference latency, when nodes/src/ai exports benchAiInference
import { cpus, loadavg } from 'node:os'
import { keccak256, type Hex } from 'viem'
import { createChainView } from '../src/chain/createChainView.ts'
import { createNodeChain } from '../src/chain/createNodeChain.ts'
import { keccakBytes } from '../src/chain/keccakBytes.ts'
import { createSignerRecovery, signText } from '../src/chain/signatures.ts'
import { createPaymentSession } from '../src/gateway/createPaymentSession.ts'
import { startGateway } from '../src/gateway/startGateway.ts'
import { makeTestSegment } from '../src/media/makeTestSegment.ts'
import { resolveMediaBinaries } from '../src/media/resolveMediaBinaries.ts'
import { transcodeSegment } from '../src/media/transcodeSegment.ts'
import { defaultProfiles } from '../src/media/videoProfiles.ts'
import { createTicketRecipient } from '../src/orchestrator/createTicketRecipient.ts'
import { startOrchestrator } from '../src/orchestrator/startOrchestrator.ts'
import { createTestNetwork } from '../src/testing/createTestNetwork.ts'
import { decodeHeader, encodeHeader, parsePayment, parseSegData, segmentCredentialsMessage } from '../src/wire/codec.ts'
import { estimatePixels } from '../src/wire/estimateFee.ts'
import type { OrchestratorInfoJson, SegDataJson } from '../src/wire/types.ts'

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const ms = (value: number) => `${value.toFixed(2)} ms`
const line = (label: string, value: string, goal = '') => console.log(`${label.padEnd(52)} ${value.padStart(14)}${goal ? `   (${goal})` : ''}`)

const { ffmpegPath, ffprobePath } = resolveMediaBinaries({ ffmpegPath: process.env.FFMPEG_PATH, ffprobePath: process.env.FFPROBE_PATH })
console.log(`bench:nodes on ${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), load average ${loadavg()[0]?.toFixed(1)}\n`)

// 1. Transcode real-time ratio.
const segment = await makeTestSegment({ ffmpegPath })
const runs: { ffmpeg: number; total: number }[] = []
for (let i = 0; i < 6; i++) {
  const started = performance.now()
  const { ffmpegMs } = await transcodeSegment({ ffmpegPath, ffprobePath, segment, profiles: defaultProfiles })
  if (i > 0) runs.push({ ffmpeg: ffmpegMs, total: performance.now() - started })
}
line('transcode 2 s 720p30 → 240p+360p, ffmpeg (median of 5)', ms(median(runs.map((r) => r.ffmpeg))))
line('  real-time ratio, ffmpeg only', (median(runs.map((r) => r.ffmpeg)) / 2000).toFixed(3), 'goal ≤ 0.5')
line('  real-time ratio, with frame counting (ffprobe)', (median(runs.map((r) => r.total)) / 2000).toFixed(3))

// A devnet with an orchestrator and a funded gateway for 2–3.
const network = await createTestNetwork({ seed: 'bench-nodes' })
try {
  const orchestratorKey = await network.fundedKey({ lpt: 2_000n })
  const orchestrator = await startOrchestrator({ manifest: network.manifest, privateKey: orchestratorKey, port: 0, chainPollMs: 1_000, ffmpegPath, ffprobePath })
  const gatewayKey = await network.fundedKey({ eth: 100n })
  const gateway = await startGateway({ manifest: network.manifest, privateKey: gatewayKey, port: false, orchestrators: [orchestrator.url], deposit: 10n ** 19n, reserve: 10n ** 19n, ffmpegPath, ffprobePath })

  // 2a. Protocol overhead per segment, in process: what the gateway and the orchestrator do besides ffmpeg.
  const chain = createNodeChain({ manifest: network.manifest, privateKey: orchestratorKey })
  const view = await createChainView({ chain, pollMs: 60_000 })
  const recipient = createTicketRecipient({ address: chain.address, secret: keccak256('0x01'), ev: 8_000_000_000n, price: () => ({ pricePerUnit: 1200n, pixelsPerUnit: 1n }), view })
  const sender = network.address(gatewayKey)
  const recover = createSignerRecovery()
  const params = await recipient.ticketParams(sender)
  const info = { ticketParams: null, priceInfo: { pricePerUnit: '1200', pixelsPerUnit: '1' }, authToken: { token: '0x00', sessionId: '', expiration: 0 } } as unknown as OrchestratorInfoJson
  const { ticketParamsJson } = await import('../src/wire/codec.ts')
  info.ticketParams = params && ticketParamsJson(params)
  const overhead: { gateway: number; orchestrator: number; hashes: number }[] = []
  for (let i = 0; i < 60; i++) {
    const fresh = await recipient.ticketParams(sender) // new params per segment: nonces never repeat
    const session = createPaymentSession({ info: { ...info, ticketParams: fresh && ticketParamsJson(fresh) }, sender, privateKey: gatewayKey })
    const t0 = performance.now()
    const segmentHash = keccakBytes(segment)
    const hashed = performance.now()
    const seg: SegDataJson = { manifestId: 'bench', seq: i, hash: segmentHash, sig: '0x', duration: 2_000, profiles: [...defaultProfiles], authToken: info.authToken }
    seg.sig = signText(gatewayKey, segmentCredentialsMessage(seg))
    const prepared = session.prepare({ estimatedPixels: (estimatePixels(defaultProfiles, 2_000) * 102n) / 100n })
    const headers = { segment: encodeHeader(seg), payment: encodeHeader(prepared.payment) }
    const t1 = performance.now()
    const parsedSeg = parseSegData(decodeHeader(headers.segment, 'segment'))
    const payment = parsePayment(decodeHeader(headers.payment, 'payment'))
    recover.text(segmentCredentialsMessage(parsedSeg), parsedSeg.sig)
    await recipient.receivePayment(payment, `bench-${i}`)
    const beforeHash = performance.now()
    if (keccakBytes(segment) !== parsedSeg.hash) throw new Error('hash')
    const t2 = performance.now()
    if (i >= 10) overhead.push({ gateway: t1 - t0, orchestrator: t2 - t1, hashes: hashed - t0 + (t2 - beforeHash) })
  }
  const gatewayMs = median(overhead.map((o) => o.gateway))
  const orchestratorMs = median(overhead.map((o) => o.orchestrator))
  console.log('')
  line('per-segment overhead excl. ffmpeg (gateway+orchestrator)', ms(gatewayMs + orchestratorMs), 'goal < 5 ms')
  line(`  gateway: keccak ${(segment.length / 1e6).toFixed(1)} MB, sign creds, 3 tickets`, ms(gatewayMs))
  line('  orchestrator: parse, verify creds + tickets, keccak', ms(orchestratorMs))
  line('  of which the two segment keccaks (native)', ms(median(overhead.map((o) => o.hashes))))
  line('  overhead without the segment hashes', ms(median(overhead.map((o) => o.gateway + o.orchestrator - o.hashes))))

  // 2b. End to end over HTTP on localhost (2 s 720p segments, default ladder).
  const segments = await gateway.makeSegments(5)
  const reports = await gateway.stream({ segments })
  const ok = reports.filter((r) => r.success)
  if (ok.length === 0) throw new Error(`no segment succeeded: ${reports.map((r) => r.error).join('; ')}`)
  const rtt = median(ok.map((r) => r.roundTripMs))
  const ffmpeg = median(ok.map((r) => r.ffmpegMs))
  line('end to end (median of 5): round trip', ms(rtt))
  line('  upload / transcode / download', `${median(ok.map((r) => r.uploadMs)).toFixed(0)} / ${median(ok.map((r) => r.transcodeMs)).toFixed(0)} / ${median(ok.map((r) => r.downloadMs)).toFixed(0)} ms`)
  line('  round trip − orchestrator ffmpeg (HTTP, probes, payment)', ms(rtt - ffmpeg))

  // 3. Ticket verification rate (recipient.receivePayment: params HMAC, replay, signatures, funds).
  const batches = 200
  const perBatch = 50
  const payments = []
  for (let b = 0; b < batches; b++) {
    const fresh = await recipient.ticketParams(sender)
    const session = createPaymentSession({ info: { ...info, ticketParams: fresh && ticketParamsJson(fresh) }, sender, privateKey: gatewayKey })
    payments.push(parsePayment(session.prepare({ estimatedPixels: BigInt(perBatch) * 8_000_000_000n / 1200n }).payment))
  }
  const tickets = payments.reduce((sum, p) => sum + p.tickets.length, 0)
  const started = performance.now()
  for (const payment of payments) await recipient.receivePayment(payment, 'rate')
  const seconds = (performance.now() - started) / 1000
  console.log('')
  line(`ticket verification (${tickets} tickets in ${batches} payments)`, `${Math.round(tickets / seconds)}/s`, 'goal ≥ 5,000/s on one core')
  view.stop()
  await gateway.stop()
  await orchestrator.stop()
} finally {
  await network.stop()
}

// 4. AI inference latency, when the AI module provides a benchmark.
try {
  const ai = (await import('../src/ai/index.ts')) as { benchAiInference?: (p: { runs: number }) => Promise<{ p50Ms: number; p99Ms: number; meanMs: number; loadMs: number; executionProvider: string }> }
  if (ai.benchAiInference) {
    const result = await ai.benchAiInference({ runs: 10 })
    console.log('')
    line(`AI image-to-text inference p50 / p99 (${result.executionProvider})`, `${result.p50Ms.toFixed(0)} / ${result.p99Ms.toFixed(0)} ms`)
    line('  model load', ms(result.loadMs))
  }
} catch (error) {
  console.log(`\nAI inference: skipped (${(error as Error).message.split('\n')[0]})`)
}

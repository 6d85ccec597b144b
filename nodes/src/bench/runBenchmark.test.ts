import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PassThrough } from 'node:stream'
import { after, before, test } from 'node:test'
import { startGateway, type Gateway } from '../gateway/startGateway.ts'
import { computeTranscodingScore } from '../leaderboard/computeTranscodingScore.ts'
import { validateBenchmarkSample, type BenchmarkSample } from '../leaderboard/validateBenchmarkSample.ts'
import { startOrchestrator, type Orchestrator } from '../orchestrator/startOrchestrator.ts'
import { createTestNetwork, type TestNetwork } from '../testing/createTestNetwork.ts'
import { runBenchmark } from './runBenchmark.ts'

let network: TestNetwork
let cheap: Orchestrator
let pricey: Orchestrator
let gateway: Gateway
let received: unknown[] = []
let apiUrl: string
const api = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    if (req.url !== '/ingest/benchmark-samples') return void res.writeHead(404).end()
    received.push(...(JSON.parse(Buffer.concat(chunks).toString()) as unknown[]))
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"inserted":1}')
  })
})

before(async () => {
  network = await createTestNetwork({ seed: 'bench-test' })
  const p = { manifest: network.manifest, port: 0, ticketEV: 1_000_000_000n, chainPollMs: 100, localCapacity: 2 }
  cheap = await startOrchestrator({ ...p, privateKey: await network.fundedKey({ lpt: 2_000n }), pricePerUnit: 1_000n })
  pricey = await startOrchestrator({ ...p, privateKey: await network.fundedKey({ lpt: 2_000n }), pricePerUnit: 3_000n, pixelsPerUnit: 2n })
  gateway = await startGateway({
    manifest: network.manifest,
    privateKey: await network.fundedKey({ eth: 10n }),
    port: false,
    source: { width: 320, height: 180, segmentSeconds: 1 },
    profiles: [{ name: 'P144p30fps16x9', width: 256, height: 144, bitrate: 400_000, fps: 30 }],
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
})
after(async () => {
  await gateway?.stop()
  await cheap?.stop()
  await pricey?.stop()
  api.close()
  await network?.stop()
})

test('behavior: one orchestrator at a time: a valid benchmark_samples row per orchestrator, sent to the sink and the API', async () => {
  const samples: BenchmarkSample[] = []
  const output = new PassThrough()
  let printed = ''
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()))
  received = []
  const result = await runBenchmark({
    gateway,
    segments: 2,
    region: 'fra',
    only: [cheap.address, pricey.address],
    onSample: (sample) => void samples.push(sample),
    apiUrl,
    output,
  })
  assert.deepEqual(result.postErrors, [])
  assert.equal(samples.length, 2)
  assert.deepEqual(received, samples)
  for (const sample of samples) {
    const checked = validateBenchmarkSample(sample)
    assert.equal(checked.status, 'ok', JSON.stringify(checked))
    assert.equal(sample.region, 'FRA')
    assert.equal(sample.job_type, 'transcoding')
    assert.equal(sample.gateway, gateway.address.toLowerCase())
    assert.equal(sample.segments_sent, 2)
    assert.equal(sample.segments_received, 2)
    assert.equal(sample.success_rate, 1)
    assert.equal(sample.pixels, String(2n * 30n * 256n * 144n))
    assert.ok(sample.round_trip_ms > 0 && sample.upload_ms > 0 && sample.transcode_ms > 0)
    assert.ok(BigInt(sample.spend_wei) >= 1_000_000_000n && sample.tickets_sent >= 1)
    assert.match(sample.spend_wei, /^\d+$/)
  }
  const byOrchestrator = new Map(samples.map((s) => [s.orchestrator, s]))
  assert.equal(byOrchestrator.get(cheap.address.toLowerCase())?.price_per_unit_wei, '1000')
  assert.equal(byOrchestrator.get(pricey.address.toLowerCase())?.pixels_per_unit, '2')
  const prices = result.rows.map((row) => row.pricePerPixel).sort()
  assert.deepEqual(prices, [1000, 1500])
  // The default score is the leaderboard's transcoding score.
  for (const row of result.rows) {
    const sample = samples.find((s) => s.orchestrator === row.orchestrator.toLowerCase())!
    assert.equal(row.score, computeTranscodingScore({ successRate: 1, segDuration: sample.seg_duration_ms, roundTripTime: sample.round_trip_ms }).score)
  }
  // Not a TTY: plain progress lines, then the table with a score column.
  assert.match(printed, /^\[1\/4\] 0x[0-9a-fA-F]{8} #0 ok /m)
  assert.match(printed, /orchestrator +ok\/sent +success +rtt ms .* score\n/)
})

test('behavior: load mode spreads concurrent streams through selection; score: false drops the score column', async () => {
  const result = await runBenchmark({ gateway, mode: 'load', streams: 2, segments: 2, print: false, score: false })
  assert.equal(result.reports.length, 4)
  assert.ok(result.reports.every((r) => r.success), JSON.stringify(result.reports.map((r) => r.error)))
  assert.equal(result.samples.reduce((sum, s) => sum + s.segments_sent, 0), 4)
  assert.doesNotMatch(result.table, /score/)
  for (const row of result.rows) assert.ok(row.realtimeRatio > 0)
})

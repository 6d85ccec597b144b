import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { ClickHouseClient } from '@clickhouse/client'
import { createClickhouse, migrateClickhouse } from '@peerscope/indexer'
import { createLeaderboardRoutes } from './createLeaderboardRoutes.ts'
import { readLeaderboard } from './readLeaderboard.ts'

const orchA = '0x00000000000000000000000000000000000000a1'
const orchB = '0x00000000000000000000000000000000000000b2'
const t0 = Date.UTC(2026, 0, 1)
const since = t0 / 1000
const until = since + 3600
const token = 'secret-ingest-token'

let sequence = 0
function sample(fields: Record<string, unknown>, offsetSeconds = 60 * ++sequence) {
  const started = new Date(t0 + offsetSeconds * 1000)
  return {
    sample_id: `s${sequence}-${offsetSeconds}`,
    started_at: started.toISOString(),
    finished_at: new Date(started.getTime() + 5000).toISOString(),
    orchestrator: orchA,
    region: 'FRA',
    job_type: 'transcoding',
    ...fields,
  }
}

const transcoding = [
  sample({ success_rate: 1, seg_duration_ms: 2000, round_trip_ms: 1000, segments_sent: 15, segments_received: 45, upload_ms: 200, download_ms: 100, transcode_ms: 700 }),
  sample({ success_rate: 0.8, seg_duration_ms: 2000, round_trip_ms: 3000, errors: [{ error_code: 'TIMEOUT', message: 'segment timed out', count: 3 }] }),
  sample({ region: 'mdw', success_rate: 1, seg_duration_ms: 2000, round_trip_ms: 500 }),
  sample({ orchestrator: orchB.toUpperCase().replace('0X', '0x'), success_rate: 0, seg_duration_ms: 2000, round_trip_ms: 0 }),
  // Outside the window: must not count.
  sample({ success_rate: 0, seg_duration_ms: 2000, round_trip_ms: 100_000 }, -3600),
]
const ai = { job_type: 'ai', pipeline: 'image-to-text', model: 'M' }
const aiSamples = [
  sample({ ...ai, success_rate: 1, round_trip_ms: 1000, price_per_unit_wei: '1100', pixels_per_unit: '1000', model_is_warm: true }),
  sample({ ...ai, success_rate: 1, round_trip_ms: 3000, price_per_unit_wei: '1200', pixels_per_unit: '1000', input_parameters: { width: 640 } }),
  sample({ ...ai, orchestrator: orchB, success_rate: 1, round_trip_ms: 2000 }),
  sample({ ...ai, orchestrator: orchB, success_rate: 0, round_trip_ms: 9000 }),
  sample({ ...ai, model: 'M2', region: 'LAX', success_rate: 1, round_trip_ms: 400 }),
  sample({ ...ai, model: 'M2', region: 'LAX', success_rate: 0.5, round_trip_ms: 800 }),
]

describe('leaderboard routes on chDB', () => {
  const path = mkdtempSync(join(tmpdir(), 'peerscope-leaderboard-'))
  let clickhouse: ClickHouseClient
  let routes: ReturnType<typeof createLeaderboardRoutes>

  const get = async (query: string) => {
    const response = await routes(new Request(`http://localhost${query}`))
    assert.ok(response, `no route for ${query}`)
    return { status: response.status, body: (await response.json()) as any }
  }
  const ingest = async (body: unknown, authorization: string | null = `Bearer ${token}`) => {
    const response = await routes(
      new Request('http://localhost/ingest/benchmark-samples', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    )
    assert.ok(response)
    return { status: response.status, body: (await response.json()) as any }
  }
  const count = async () =>
    Number((await (await clickhouse.query({ query: 'SELECT count() AS n FROM benchmark_samples FINAL', format: 'JSONEachRow' })).json<{ n: string }>())[0]?.n)

  before(async () => {
    clickhouse = await createClickhouse({ path })
    await migrateClickhouse({ client: clickhouse })
    routes = createLeaderboardRoutes({ clickhouse, ingestToken: token })
  })
  after(async () => {
    await clickhouse?.close()
    rmSync(path, { recursive: true, force: true })
  })

  test('behavior: bad samples are rejected with a 400 naming the field, and nothing is inserted', async () => {
    const bad = [...transcoding.slice(0, 2), { ...transcoding[2], success_rate: 1.5 }]
    assert.deepEqual(await ingest(bad), {
      status: 400,
      body: { error: { code: 'INVALID_SAMPLE', message: 'samples[2].success_rate: must be at most 1', index: 2, field: 'success_rate' } },
    })
    assert.equal((await ingest([{ ...transcoding[0], spend_wei: 12 }])).body.error.field, 'spend_wei')
    assert.equal((await ingest([{ ...transcoding[0], colour: 'red' }])).body.error.message, 'samples[0].colour: is not a benchmark_samples column')
    assert.equal((await ingest([{ ...aiSamples[0], model: '' }])).body.error.field, 'model')
    assert.equal((await ingest({ not: 'an array' })).status, 400)
    assert.equal((await ingest('[{')).body.error.code, 'INVALID_JSON')
    assert.equal((await ingest(transcoding, null)).status, 401)
    assert.equal((await ingest(transcoding, 'Bearer wrong')).status, 401)
    const small = createLeaderboardRoutes({ clickhouse, maxIngestSamples: 2 })
    const tooMany = await small(new Request('http://localhost/ingest/benchmark-samples', { method: 'POST', body: JSON.stringify(transcoding) }))
    assert.equal(tooMany?.status, 413)
    assert.equal(await count(), 0)
  })

  test('behavior: ingest stores valid samples; a re-sent sample counts once', async () => {
    assert.deepEqual(await ingest([...transcoding, ...aiSamples]), { status: 200, body: { inserted: 11 } })
    assert.deepEqual(await ingest([transcoding[0]]), { status: 200, body: { inserted: 1 } })
    assert.equal(await count(), 11)
  })

  test('behavior: /api/aggregated_stats scores transcoding as leaderboard-serverless does', async () => {
    const { status, body } = await get(`/api/aggregated_stats?since=${since}&until=${until}`)
    assert.equal(status, 200)
    // A in FRA: AVG(sr) 0.9, AVG(seg) 2 s, AVG(RTT) 2 s → 1 − e^−1; MDW: RTT 0.5 s → 1 − e^−4.
    assert.deepEqual(body, {
      [orchA]: {
        FRA: { success_rate: 0.9, round_trip_score: 0.6321205588285577, score: 0.5689085029457019 },
        MDW: { success_rate: 1, round_trip_score: 0.9816843611112658, score: 0.9816843611112658 },
      },
      [orchB]: { FRA: { success_rate: 0, round_trip_score: 0, score: 0 } },
    })
    assert.deepEqual((await get(`/api/aggregated_stats?since=${since}&until=${until}&region=mdw&orchestrator=${orchA}`)).body, {
      [orchA]: { MDW: { success_rate: 1, round_trip_score: 0.9816843611112658, score: 0.9816843611112658 } },
    })
  })

  test('behavior: /api/aggregated_stats scores AI against the median RTT of the region, pipeline and model', async () => {
    const { body } = await get(`/api/aggregated_stats?since=${since}&until=${until}&pipeline=image-to-text&model=M`)
    // Successful RTTs 1000, 3000, 2000 → median 2000. A: AVG RTT 2000 → 0.8, 0.65 + 0.28.
    // B: AVG sr 0.5, AVG RTT 5500 → 1.25^−2.75.
    assert.equal(body[orchA].FRA.round_trip_score, 0.8)
    assert.ok(Math.abs(body[orchA].FRA.score - 0.93) < 1e-12)
    assert.equal(body[orchB].FRA.success_rate, 0.5)
    assert.ok(Math.abs(body[orchB].FRA.round_trip_score - 0.5413740868815689) < 1e-12)
    assert.ok(Math.abs(body[orchB].FRA.score - 0.5144809304085491) < 1e-12)
    // The median is network-wide even when one orchestrator is asked for.
    const one = await get(`/api/aggregated_stats?since=${since}&until=${until}&pipeline=image-to-text&model=M&orchestrator=${orchB}`)
    assert.ok(Math.abs(one.body[orchB].FRA.round_trip_score - 0.5413740868815689) < 1e-12)
    assert.deepEqual(Object.keys(one.body), [orchB])
  })

  test('behavior: readLeaderboard returns latency percentiles and prices', async () => {
    const rows = await readLeaderboard({ clickhouse, orchestrator: orchA, pipeline: 'image-to-text', model: 'M', since: new Date(t0), until: new Date(t0 + 3_600_000) })
    assert.equal(rows.length, 1)
    const row = rows[0]
    assert.ok(row)
    assert.deepEqual(
      { samples: row.samples, p50: row.latencyP50Ms, p90: row.latencyP90Ms, p99: row.latencyP99Ms, median: row.medianRoundTripMs, price: row.pricePerUnitWei, ppu: row.pixelsPerUnit, ppp: row.pricePerPixelWei },
      { samples: 2, p50: 2000, p90: 2800, p99: 2980, median: 2000, price: '1200', ppu: '1000', ppp: '1.2' },
    )
    const lax = await readLeaderboard({ clickhouse, region: 'LAX', since: new Date(t0), until: new Date(t0 + 3_600_000) })
    assert.equal(lax.length, 1)
    assert.ok(Math.abs((lax[0]?.score ?? 0) - 0.7379396134799765) < 1e-12)
  })

  test('behavior: /api/raw_stats returns Stats records by region', async () => {
    const { body } = await get(`/api/raw_stats?orchestrator=${orchA}&since=${since}&until=${until}`)
    assert.deepEqual(Object.keys(body).sort(), ['FRA', 'MDW'])
    assert.deepEqual(body.FRA[0], {
      region: 'FRA', orchestrator: orchA, success_rate: 1, round_trip_time: 1, errors: [], timestamp: since + 60,
      seg_duration: 2, segments_sent: 15, segments_received: 45, upload_time: 0.2, download_time: 0.1, transcode_time: 0.7,
    })
    assert.deepEqual(body.FRA[1].errors, [{ error_code: 'TIMEOUT', message: 'segment timed out', count: 3 }])
    const aiStats = await get(`/api/raw_stats?orchestrator=${orchA}&since=${since}&until=${until}&pipeline=image-to-text&model=M`)
    assert.equal(aiStats.body.FRA.length, 2)
    assert.deepEqual(aiStats.body.FRA[1], {
      region: 'FRA', orchestrator: orchA, success_rate: 1, round_trip_time: 3, errors: [], timestamp: since + 6 * 60,
      model: 'M', model_is_warm: false, pipeline: 'image-to-text', input_parameters: '{"width":640}', response_payload: '',
    })
    assert.equal(aiStats.body.FRA[0].model_is_warm, true)
  })

  test('behavior: /api/regions, /api/pipelines and /api/top_ai_score', async () => {
    const regions = (await get('/api/regions')).body.regions as { id: string; name: string; type: string }[]
    assert.deepEqual(regions.find((r) => r.id === 'FRA' && r.type === 'transcoding'), { id: 'FRA', name: 'Frankfurt', type: 'transcoding' })
    assert.ok(regions.some((r) => r.id === 'LAX' && r.type === 'ai'))
    assert.deepEqual((await get(`/api/pipelines?since=${since}&until=${until}`)).body, { pipelines: [{ id: 'image-to-text', models: ['M', 'M2'], regions: ['FRA', 'LAX'] }] })
    assert.deepEqual((await get(`/api/pipelines?since=${since}&until=${until}&region=LAX`)).body, { pipelines: [{ id: 'image-to-text', models: ['M2'], regions: ['LAX'] }] })
    const top = (await get(`/api/top_ai_score?orchestrator=${orchA}&since=${since}&until=${until}`)).body
    assert.deepEqual({ ...top, value: Math.round(top.value * 1e12) / 1e12 }, { region: 'FRA', orchestrator: orchA, value: 0.93, model: 'M', pipeline: 'image-to-text' })
    // Default window is the last 24 h: the 2026-01-01 samples are outside it.
    assert.deepEqual((await get(`/api/top_ai_score?orchestrator=${orchA}`)).body, { region: '', orchestrator: orchA, value: 0, model: '', pipeline: '' })
  })

  test('behavior: bad query parameters are 400s naming the parameter; other paths fall through', async () => {
    assert.deepEqual(await get('/api/aggregated_stats?model=M'), {
      status: 400,
      body: { error: { code: 'INVALID_PARAMETER', message: 'invalid parameter "pipeline": AI stats need both model and pipeline', field: 'pipeline' } },
    })
    assert.equal((await get('/api/raw_stats')).body.error.field, 'orchestrator')
    assert.equal((await get('/api/top_ai_score?orchestrator=0x12')).body.error.field, 'orchestrator')
    assert.equal((await get('/api/aggregated_stats?since=yesterday')).body.error.field, 'since')
    assert.equal((await get(`/api/aggregated_stats?since=${until}&until=${since}`)).status, 400)
    assert.equal((await routes(new Request('http://localhost/api/regions', { method: 'POST' })))?.status, 405)
    assert.equal(await routes(new Request('http://localhost/graphql')), undefined)
  })
})

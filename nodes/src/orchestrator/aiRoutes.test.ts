import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createAiPipelines, type AiPipelines } from '../ai/createAiPipelines.ts'
import { renderTextImage } from '../ai/renderTextImage.ts'
import { signText } from '../chain/signatures.ts'
import { createPaymentSession } from '../gateway/createPaymentSession.ts'
import { startGateway } from '../gateway/startGateway.ts'
import { createTestNetwork, type TestNetwork } from '../testing/createTestNetwork.ts'
import { encodeHeader, paymentHeader } from '../wire/codec.ts'
import type { OrchestratorInfoJson } from '../wire/types.ts'
import { startWorker } from '../worker/startWorker.ts'
import { startOrchestrator, type Orchestrator } from './startOrchestrator.ts'

// The AI seam: the orchestrator advertises the AI module's pipelines and serves them on
// go-livepeer's paths behind the same ticket payments as transcoding (real onnxruntime model).
let network: TestNetwork
let pipelines: AiPipelines
let orchestrator: Orchestrator
const stops: (() => Promise<unknown>)[] = []
before(async () => {
  network = await createTestNetwork({ seed: 'ai-seam' })
  pipelines = await createAiPipelines({ capacity: 1 })
  orchestrator = await startOrchestrator({
    manifest: network.manifest,
    privateKey: await network.fundedKey({ lpt: 2_000n }),
    port: 0,
    ticketEV: 1_000_000_000n,
    ai: { pipelines, prices: [{ pipeline: 'image-to-text', modelId: 'default', pricePerUnit: 10n, pixelsPerUnit: 1n }] },
  })
})
after(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => {})
  await orchestrator?.stop()
  await pipelines?.close()
  await network?.stop()
})

/** A funded gateway key and its info from `url`. */
const client = async (url: string) => {
  const key = await network.fundedKey({ eth: 10n })
  await (await startGateway({ manifest: network.manifest, privateKey: key, port: false, orchestrators: [url] })).stop() // funds deposit + reserve
  const address = network.address(key)
  const info = (await (await fetch(`${url}/getOrchestrator`, { method: 'POST', body: JSON.stringify({ address, sig: signText(key, address.toLowerCase()) }) })).json()) as OrchestratorInfoJson
  return { key, address, info }
}

test('behavior: AI pipelines are advertised and served only when paid', async () => {
  const { key, address, info } = await client(orchestrator.url)
  assert.ok(info.capabilities.list.includes('ai:image-to-text'))
  assert.deepEqual(info.capabilities.models['image-to-text'], { 'PaddlePaddle/PP-OCRv4': { warm: true, capacity: 1, capacityInUse: 0 } })
  assert.deepEqual(info.capabilitiesPrices, [{ pipeline: 'image-to-text', modelId: 'default', pricePerUnit: '10', pixelsPerUnit: '1' }])

  const image = Buffer.from(renderTextImage({ lines: ['paid 42'] })).toString('base64')
  const unpaid = await fetch(`${orchestrator.url}/image-to-text`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ image }) })
  assert.equal(unpaid.status, 400)
  assert.deepEqual(await unpaid.json(), { error: { code: 'BadRequest', message: 'missing Livepeer-Payment header' } })

  const session = createPaymentSession({ info, sender: address, privateKey: key })
  const { payment, tickets } = session.prepare({ estimatedPixels: 1n })
  assert.equal(tickets, 1)
  const paid = await fetch(`${orchestrator.url}/image-to-text`, { method: 'POST', headers: { 'content-type': 'application/json', [paymentHeader]: encodeHeader(payment) }, body: JSON.stringify({ image }) })
  assert.equal(paid.status, 200, await paid.clone().text())
  assert.deepEqual(await paid.json(), { text: 'paid 42' })
  const fee = BigInt(paid.headers.get('livepeer-billing-fee-wei') ?? '0')
  assert.ok(fee > 0n)
  assert.equal(orchestrator.balance(address, 'ai'), 1_000_000_000n - fee)
})

test('behavior: without local pipelines, AI requests go to a remote AI worker and are billed at the orchestrator price', async () => {
  const front = await startOrchestrator({
    manifest: network.manifest,
    privateKey: await network.fundedKey({ lpt: 2_000n }),
    port: 0,
    ticketEV: 1_000_000_000n,
    localWorker: false,
    workerSecret: 'ai-secret',
    ai: { prices: [{ pipeline: 'image-to-text', modelId: 'default', pricePerUnit: 3n, pixelsPerUnit: 1n }] },
  })
  stops.push(front.stop)
  const worker = await startWorker({ orchestrator: front.url, secret: 'ai-secret', name: 'ai-worker', capacity: 1, ai: { pipelines } })
  stops.push(worker.stop)
  await worker.ready()
  const { key, address, info } = await client(front.url)
  assert.deepEqual(info.capabilities.models['image-to-text'], { 'PaddlePaddle/PP-OCRv4': { warm: true, capacity: 1, capacityInUse: 0 } })
  const { payment } = createPaymentSession({ info, sender: address, privateKey: key }).prepare({ estimatedPixels: 1n })
  const image = Buffer.from(renderTextImage({ lines: ['remote 7'] })).toString('base64')
  const response = await fetch(`${front.url}/image-to-text`, { method: 'POST', headers: { 'content-type': 'application/json', [paymentHeader]: encodeHeader(payment) }, body: JSON.stringify({ image }) })
  assert.equal(response.status, 200, await response.clone().text())
  assert.deepEqual(await response.json(), { text: 'remote 7' })
  assert.equal(response.headers.get('livepeer-worker'), 'ai-worker')
  const units = BigInt(response.headers.get('livepeer-billing-units') ?? '0')
  assert.ok(units > 0n)
  assert.equal(response.headers.get('livepeer-billing-fee-wei'), (units * 3n).toString())
  assert.equal(front.balance(address, 'ai'), 1_000_000_000n - units * 3n)
  assert.equal(worker.stats().jobs, 1)
})

import { Counter, Histogram, type Registry } from 'prom-client'
import { silentLogger, type Logger } from '../simulator/logger.ts'
import { computeAiBillingUnits, computeAiFee } from './computeAiBillingUnits.ts'
import type { AiPipelines } from './createAiPipelines.ts'
import { AiError, InvalidAiRequestError, UnsupportedPipelineError } from './errors.ts'

/** A price for one (pipeline, model), like an `aiModels.json` entry (nodes.md §11.4); `modelId: 'default'` covers every model. */
export type AiPrice = { pipeline: string; modelId: string; pricePerUnit: bigint; pixelsPerUnit: bigint }

/** What one served request cost, handed to `onUsage` after a successful run. */
export type AiUsage = {
  pipeline: string
  modelId: string
  /** Billed units (nodes.md §11.3; image-to-text: input H × W). */
  units: bigint
  feeWei: bigint
  pricePerUnit: bigint
  pixelsPerUnit: bigint
  inferenceMs: number
  request: Request
}

/** Parameters for {@link createAiRoutes}. */
export type CreateAiRoutesParameters = {
  pipelines: AiPipelines
  /** Prices per pipeline and model; a pipeline without a price is served for free (fee 0). */
  prices?: readonly AiPrice[] | undefined
  /**
   * Called before a job runs (e.g. to check the `Livepeer-Payment` header); return a Response to
   * refuse the job with it (say 402), or undefined to go on.
   */
  authorize?: ((context: { request: Request; pipeline: string; modelId: string | undefined }) => Promise<Response | undefined> | Response | undefined) | undefined
  /** Called after a job succeeded, before the response is sent (e.g. debit the sender's balance). */
  onUsage?: ((usage: AiUsage) => Promise<void> | void) | undefined
  /** Largest request body accepted. Default 20 MiB. */
  maxBodyBytes?: number | undefined
  logger?: Logger | undefined
  /**
   * Prometheus registry to add `ai_requests_total{pipeline,model_id,status}`,
   * `ai_inference_seconds{pipeline,model_id}` and `ai_billed_units_total{pipeline,model_id}` to
   * (served on the node's `/metrics`). None by default.
   */
  registry?: Registry | undefined
}

/** A fetch-style handler: a Response for the AI paths, undefined for any other path. */
export type AiRouteHandler = (request: Request) => Promise<Response | undefined>

/** Every AI path of go-livepeer's orchestrator HTTP (nodes.md §11.2); unserved ones answer UNSUPPORTED_PIPELINE. */
export const aiPaths = [
  '/text-to-image',
  '/image-to-image',
  '/image-to-video',
  '/upscale',
  '/audio-to-text',
  '/llm',
  '/segment-anything-2',
  '/image-to-text',
  '/text-to-speech',
  '/live-video-to-video',
] as const

/**
 * HTTP routes for the node's AI pipelines, shaped after go-livepeer's AI HTTP: `POST /image-to-text`
 * takes multipart (`image` file, optional `model_id`, `prompt`) or JSON (`{ image: base64 or data
 * URL, model_id?, prompt? }`) and answers `{ "text": "…" }`. Billing goes in the response headers
 * `Livepeer-Billing-Units` and `Livepeer-Billing-Fee-Wei`. Errors are JSON
 * `{ "error": { "code", "message" } }` with 400 (bad input), 402/other (from `authorize`), 404
 * (pipeline not served), 405, 413, 503 (at capacity) or 500.
 *
 * @example
 * const ai = createAiRoutes({ pipelines, prices: [{ pipeline: 'image-to-text', modelId: 'default', pricePerUnit: 1n, pixelsPerUnit: 1n }] })
 * const response = (await ai(request)) ?? new Response('not found', { status: 404 })
 */
export function createAiRoutes(parameters: CreateAiRoutesParameters): AiRouteHandler {
  const { pipelines, prices = [], authorize, onUsage, maxBodyBytes = 20 * 1024 * 1024, logger = silentLogger, registry } = parameters
  const registers = registry ? [registry] : []
  const requests = new Counter({ name: 'ai_requests_total', help: 'AI requests by pipeline, model and HTTP status', labelNames: ['pipeline', 'model_id', 'status'], registers })
  const inferenceSeconds = new Histogram({
    name: 'ai_inference_seconds',
    help: 'Model time per successful AI request',
    labelNames: ['pipeline', 'model_id'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers,
  })
  const billedUnits = new Counter({ name: 'ai_billed_units_total', help: 'Billed units (nodes.md §11.3; image-to-text: input pixels)', labelNames: ['pipeline', 'model_id'], registers })
  for (const price of prices) {
    if (price.pixelsPerUnit <= 0n || price.pricePerUnit < 0n) throw new RangeError(`createAiRoutes: bad price for ${price.pipeline} ${price.modelId}`)
  }
  const priceFor = (pipeline: string, modelId: string) =>
    prices.find((p) => p.pipeline === pipeline && p.modelId === modelId) ?? prices.find((p) => p.pipeline === pipeline && p.modelId === 'default')

  return async (request) => {
    const path = new URL(request.url).pathname.replace(/\/+$/, '')
    if (!(aiPaths as readonly string[]).includes(path)) return undefined
    const response = await handle(request, path.slice(1))
    requests.inc({ pipeline: path.slice(1), model_id: response.headers.get('livepeer-model-id') ?? '', status: String(response.status) })
    return response
  }

  async function handle(request: Request, pipeline: string): Promise<Response> {
    const path = `/${pipeline}`
    try {
      if (request.method !== 'POST') return errorResponse(405, 'INVALID_REQUEST', `${path} accepts POST only`, { allow: 'POST' })
      if (!pipelines.capabilities.some((c) => c.pipeline === pipeline)) {
        const unsupported = new UnsupportedPipelineError({ pipeline, available: pipelines.capabilities.map((c) => c.pipeline) })
        return errorResponse(404, unsupported.code, unsupported.shortMessage)
      }
      const length = Number(request.headers.get('content-length') ?? 0)
      if (length > maxBodyBytes) return errorResponse(413, 'INVALID_REQUEST', `body over ${maxBodyBytes} bytes`)
      const input = await readImageToTextRequest(request, maxBodyBytes)
      const refused = await authorize?.({ request, pipeline, modelId: input.modelId })
      if (refused) return refused
      const result = await pipelines.run(pipeline, input)
      const units = computeAiBillingUnits({ pipeline: 'image-to-text', width: result.width, height: result.height })
      const price = priceFor(pipeline, result.modelId) ?? { pricePerUnit: 0n, pixelsPerUnit: 1n }
      const feeWei = computeAiFee({ units, pricePerUnit: price.pricePerUnit, pixelsPerUnit: price.pixelsPerUnit })
      await onUsage?.({ pipeline, modelId: result.modelId, units, feeWei, pricePerUnit: price.pricePerUnit, pixelsPerUnit: price.pixelsPerUnit, inferenceMs: result.inferenceMs, request })
      inferenceSeconds.observe({ pipeline, model_id: result.modelId }, result.inferenceMs / 1000)
      billedUnits.inc({ pipeline, model_id: result.modelId }, Number(units))
      return Response.json(
        { text: result.text },
        {
          headers: {
            'Livepeer-Billing-Units': units.toString(),
            'Livepeer-Billing-Fee-Wei': feeWei.toString(),
            'Livepeer-Model-Id': result.modelId,
            'Livepeer-Execution-Provider': result.executionProvider,
          },
        },
      )
    } catch (error) {
      if (error instanceof AiError) {
        if (error.status >= 500) logger.error({ pipeline, err: error.message }, 'AI request failed')
        return errorResponse(error.status, error.code, error.shortMessage)
      }
      logger.error({ pipeline, err: error instanceof Error ? error.message : String(error) }, 'AI request failed')
      return errorResponse(500, 'INFERENCE_FAILED', 'internal error')
    }
  }
}

async function readImageToTextRequest(request: Request, maxBodyBytes: number) {
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (type.startsWith('multipart/form-data')) {
    let form: FormData
    try {
      form = await request.formData()
    } catch (error) {
      throw new InvalidAiRequestError({ reason: `unreadable multipart body (${error instanceof Error ? error.message : String(error)})` })
    }
    const image = form.get('image')
    if (image === null || typeof image === 'string') throw new InvalidAiRequestError({ field: 'image', reason: 'must be a file part' })
    if (image.size > maxBodyBytes) throw new InvalidAiRequestError({ field: 'image', reason: `over ${maxBodyBytes} bytes` })
    return { image: new Uint8Array(await image.arrayBuffer()), modelId: optionalText(form.get('model_id'), 'model_id'), prompt: optionalText(form.get('prompt'), 'prompt') }
  }
  if (type.startsWith('application/json')) {
    const text = await request.text()
    if (text.length > maxBodyBytes * 1.4) throw new InvalidAiRequestError({ reason: `body over ${maxBodyBytes} bytes` })
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new InvalidAiRequestError({ reason: 'body is not valid JSON' })
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new InvalidAiRequestError({ reason: 'body must be a JSON object' })
    const { image, model_id: modelId, prompt } = body as Record<string, unknown>
    if (typeof image !== 'string' || image === '') throw new InvalidAiRequestError({ field: 'image', reason: 'must be a base64 string or data URL' })
    const base64 = image.replace(/^data:[^;,]*;base64,/, '')
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(base64)) throw new InvalidAiRequestError({ field: 'image', reason: 'is not valid base64' })
    return { image: new Uint8Array(Buffer.from(base64, 'base64')), modelId: optionalText(modelId, 'model_id'), prompt: optionalText(prompt, 'prompt') }
  }
  throw new InvalidAiRequestError({ field: 'content-type', reason: 'must be multipart/form-data or application/json' })
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value !== 'string') throw new InvalidAiRequestError({ field, reason: 'must be a string' })
  return value
}

function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers })
}

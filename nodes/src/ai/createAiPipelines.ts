import { silentLogger, type Logger } from '../simulator/logger.ts'
import { createOcrPipeline, type OcrResult } from './createOcrPipeline.ts'
import { AiCapacityError, AiError, AiInferenceError, UnsupportedPipelineError } from './errors.ts'
import type { ExecutionProvider } from './selectExecutionProvider.ts'

/** go-livepeer capability id of image-to-text (`core/capabilities.go`, nodes.md §4.2). */
export const imageToTextCapabilityId = 34

/** One (pipeline, model) this node serves, as an orchestrator advertises it (nodes.md §4.1). */
export type AiCapability = {
  pipeline: 'image-to-text'
  capabilityId: number
  modelId: string
  /** Requests run at once before the node answers CAPACITY_EXCEEDED. */
  capacity: number
  warm: boolean
  executionProvider: ExecutionProvider
}

/** Input of image-to-text. */
export type ImageToTextInput = {
  /** Encoded image bytes (PNG, JPEG, WebP, GIF, BMP). */
  image: Uint8Array
  /** Default: the pipeline's only model. */
  modelId?: string | undefined
  /** Accepted for ai-worker compatibility; an OCR model reads whatever text is in the image. */
  prompt?: string | undefined
}

/** Output of image-to-text: the recognised text plus regions and the billed size. */
export type ImageToTextResult = OcrResult & { pipeline: 'image-to-text'; modelId: string; executionProvider: ExecutionProvider }

/** Parameters for {@link createAiPipelines}. */
export type CreateAiPipelinesParameters = {
  logger?: Logger | undefined
  /** `auto` (default): CUDA when an NVIDIA GPU is present, else CPU. */
  executionProvider?: ExecutionProvider | 'auto' | undefined
  /** Concurrent requests per model. Default 1 (inference already uses every core). */
  capacity?: number | undefined
  /** onnxruntime intra-op threads. */
  threads?: number | undefined
}

/** The loaded AI pipelines of a node. */
export type AiPipelines = {
  capabilities: AiCapability[]
  /** Where the models run: `cuda` only when every model loaded on CUDA. */
  executionProvider: ExecutionProvider
  /** Runs a pipeline; throws an {@link AiError} subclass for bad input, capacity or inference failure. */
  run: (pipeline: string, input: ImageToTextInput) => Promise<ImageToTextResult>
  /** Requests in flight for a model. */
  inFlight: (pipeline: string, modelId: string) => number
  close: () => Promise<void>
}

/**
 * Loads the node's AI pipelines from models shipped in npm packages (no download at run time).
 * Today: image-to-text with PaddleOCR PP-OCRv4 on onnxruntime-node.
 *
 * @example
 * const pipelines = await createAiPipelines({ logger })
 * const { text } = await pipelines.run('image-to-text', { image: pngBytes })
 * await pipelines.close()
 */
export async function createAiPipelines(parameters: CreateAiPipelinesParameters = {}): Promise<AiPipelines> {
  const { logger = silentLogger, executionProvider, capacity = 1, threads } = parameters
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('createAiPipelines: capacity must be a positive integer')
  const ocr = await createOcrPipeline({ logger, executionProvider, threads })
  const capabilities: AiCapability[] = [
    { pipeline: 'image-to-text', capabilityId: imageToTextCapabilityId, modelId: ocr.modelId, capacity, warm: true, executionProvider: ocr.executionProvider },
  ]
  const busy = new Map<string, number>()
  const key = (pipeline: string, modelId: string) => `${pipeline}\u0000${modelId}`

  return {
    capabilities,
    executionProvider: ocr.executionProvider,
    inFlight: (pipeline, modelId) => busy.get(key(pipeline, modelId)) ?? 0,
    async run(pipeline, input) {
      const served = capabilities.filter((capability) => capability.pipeline === pipeline)
      if (served.length === 0) throw new UnsupportedPipelineError({ pipeline, available: capabilities.map((c) => c.pipeline) })
      const modelId = input.modelId ?? (served[0] as AiCapability).modelId
      const capability = served.find((c) => c.modelId === modelId)
      if (!capability) throw new UnsupportedPipelineError({ pipeline, modelId, available: served.map((c) => c.modelId) })
      const slot = key(pipeline, modelId)
      const running = busy.get(slot) ?? 0
      if (running >= capability.capacity) throw new AiCapacityError({ pipeline, modelId, capacity: capability.capacity })
      busy.set(slot, running + 1)
      try {
        const result = await ocr.recognize(input.image)
        return { ...result, pipeline: 'image-to-text', modelId, executionProvider: capability.executionProvider }
      } catch (error) {
        if (error instanceof AiError) throw error
        throw new AiInferenceError({ pipeline, modelId, cause: error })
      } finally {
        busy.set(slot, (busy.get(slot) ?? 1) - 1)
      }
    },
    close: () => ocr.close(),
  }
}

import { InvalidAiRequestError } from './errors.ts'

/** The AI pipelines go-livepeer bills (nodes.md §11.3). */
export type AiPipelineName =
  | 'text-to-image'
  | 'image-to-image'
  | 'upscale'
  | 'image-to-video'
  | 'audio-to-text'
  | 'llm'
  | 'segment-anything-2'
  | 'image-to-text'
  | 'text-to-speech'
  | 'live-video-to-video'

/** What the billed quantity depends on; each pipeline reads only its own fields. */
export type ComputeAiBillingUnitsParameters = {
  pipeline: AiPipelineName
  /** Input image width (image-to-image, upscale, SAM2, image-to-text) or requested output width. */
  width?: number | undefined
  height?: number | undefined
  /** text-to-image and image-to-image; default 1. */
  numImages?: number | undefined
  /** audio-to-text: audio duration in milliseconds. */
  durationMs?: number | undefined
  /** llm: `max_tokens`; default 256. */
  maxTokens?: number | undefined
  /** text-to-speech: the text to speak. */
  text?: string | undefined
  /** live-video-to-video: seconds of stream paid for. */
  seconds?: number | undefined
}

/** Pixels per second of live video billed by go-livepeer: 1280 × 720 × 30. */
export const liveVideoPixelsPerSecond = 1280n * 720n * 30n

/**
 * The billed unit count ("pixels", overloaded per pipeline) for one AI request, as the
 * go-livepeer orchestrator computes it (`outPixels`, nodes.md §11.3): H × W × images for the image
 * pipelines, H × W × 25 frames for image-to-video, milliseconds of audio, `max_tokens` for llm
 * (not actual usage), 1000 × characters for text-to-speech (the orchestrator's debit; the gateway
 * prepays bytes), and 27.6 M per second of live video.
 *
 * @returns The unit count as a bigint (multiply by pricePerUnit / pixelsPerUnit for wei).
 * @example
 * computeAiBillingUnits({ pipeline: 'image-to-text', width: 640, height: 480 }) // 307200n
 */
export function computeAiBillingUnits(parameters: ComputeAiBillingUnitsParameters): bigint {
  const { pipeline } = parameters
  const size = (defaultWidth?: number, defaultHeight?: number) => {
    const width = positiveInteger('width', parameters.width ?? defaultWidth)
    const height = positiveInteger('height', parameters.height ?? defaultHeight)
    return BigInt(width) * BigInt(height)
  }
  const images = () => BigInt(positiveInteger('num_images', parameters.numImages ?? 1))
  switch (pipeline) {
    case 'text-to-image':
      return size(512, 512) * images()
    case 'image-to-image':
      return size() * images()
    case 'upscale':
    case 'segment-anything-2':
    case 'image-to-text':
      return size()
    case 'image-to-video':
      return size(1024, 576) * 25n
    case 'audio-to-text':
      return BigInt(Math.ceil(nonNegative('duration_ms', parameters.durationMs)))
    case 'llm':
      return BigInt(positiveInteger('max_tokens', parameters.maxTokens ?? 256))
    case 'text-to-speech': {
      if (typeof parameters.text !== 'string') throw new InvalidAiRequestError({ field: 'text', reason: 'must be a string' })
      // NOTE: runes (code points), not UTF-16 units: "é" and "😀" are one each, as Go counts them.
      return 1000n * BigInt([...parameters.text].length)
    }
    case 'live-video-to-video':
      return liveVideoPixelsPerSecond * BigInt(Math.ceil(nonNegative('seconds', parameters.seconds)))
    default:
      throw new InvalidAiRequestError({ field: 'pipeline', reason: `unknown pipeline ${JSON.stringify(pipeline)}` })
  }
}

/** Parameters for {@link computeAiFee}: a go-livepeer PriceInfo and the billed units. */
export type ComputeAiFeeParameters = { units: bigint; pricePerUnit: bigint; pixelsPerUnit: bigint }

/**
 * Fee in wei for `units` at `pricePerUnit / pixelsPerUnit` wei per unit (a rational, so sub-wei
 * prices work), rounded up so a node never bills less than its advertised price. No 1.02 multiplier
 * for AI (`estimateAIFee`, nodes.md §11.4).
 *
 * @example
 * computeAiFee({ units: 307200n, pricePerUnit: 1n, pixelsPerUnit: 4n }) // 76800n
 */
export function computeAiFee({ units, pricePerUnit, pixelsPerUnit }: ComputeAiFeeParameters): bigint {
  if (pixelsPerUnit <= 0n) throw new InvalidAiRequestError({ field: 'pixels_per_unit', reason: 'must be positive' })
  if (pricePerUnit < 0n || units < 0n) throw new InvalidAiRequestError({ field: 'price_per_unit', reason: 'price and units must not be negative' })
  return (units * pricePerUnit + pixelsPerUnit - 1n) / pixelsPerUnit
}

function positiveInteger(field: string, value: number | undefined): number {
  if (value === undefined || !Number.isInteger(value) || value <= 0) throw new InvalidAiRequestError({ field, reason: 'must be a positive integer' })
  return value
}

function nonNegative(field: string, value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value) || value < 0) throw new InvalidAiRequestError({ field, reason: 'must be a non-negative number' })
  return value
}

import { BaseError } from '../errors/base.ts'

/** Machine-readable codes the AI routes put in `{ error: { code, message } }` bodies. */
export type AiErrorCode = 'INVALID_REQUEST' | 'INVALID_IMAGE' | 'UNSUPPORTED_PIPELINE' | 'UNSUPPORTED_MODEL' | 'CAPACITY_EXCEEDED' | 'PAYMENT_REQUIRED' | 'INFERENCE_FAILED'

/** Root of the AI pipeline errors: each carries its {@link AiErrorCode} and HTTP status. */
export class AiError extends BaseError {
  override name = 'AiError'
  readonly code: AiErrorCode
  readonly status: number
  constructor(shortMessage: string, parameters: { code: AiErrorCode; status: number; details?: string; cause?: unknown; retryable?: boolean; metaMessages?: string[] }) {
    const { code, status, ...rest } = parameters
    super(shortMessage, { ...rest, docsPath: undefined })
    this.code = code
    this.status = status
  }
}

/** Type of {@link InvalidAiRequestError}. */
export type InvalidAiRequestErrorType = InvalidAiRequestError & { name: 'InvalidAiRequestError' }

/** The request body is missing a field or has one of the wrong type. */
export class InvalidAiRequestError extends AiError {
  override name = 'InvalidAiRequestError'
  readonly field: string | undefined
  constructor({ reason, field }: { reason: string; field?: string }) {
    super(field ? `invalid field "${field}": ${reason}` : `invalid request: ${reason}`, { code: 'INVALID_REQUEST', status: 400 })
    this.field = field
  }
}

/** Type of {@link ImageDecodeError}. */
export type ImageDecodeErrorType = ImageDecodeError & { name: 'ImageDecodeError' }

/** The image bytes are not a PNG, JPEG, WebP, GIF or BMP the decoder can read. */
export class ImageDecodeError extends AiError {
  override name = 'ImageDecodeError'
  constructor({ cause, reason }: { cause?: unknown; reason?: string } = {}) {
    super(`the image could not be decoded${reason ? `: ${reason}` : ''}`, { code: 'INVALID_IMAGE', status: 400, cause, details: 'Send a PNG, JPEG, WebP, GIF or BMP image.' })
  }
}

/** Type of {@link UnsupportedPipelineError}. */
export type UnsupportedPipelineErrorType = UnsupportedPipelineError & { name: 'UnsupportedPipelineError' }

/** No pipeline (or no such model in it) is loaded on this node. */
export class UnsupportedPipelineError extends AiError {
  override name = 'UnsupportedPipelineError'
  constructor({ pipeline, modelId, available }: { pipeline: string; modelId?: string | undefined; available: readonly string[] }) {
    super(modelId === undefined ? `pipeline "${pipeline}" is not served here` : `model "${modelId}" is not served for pipeline "${pipeline}"`, {
      code: modelId === undefined ? 'UNSUPPORTED_PIPELINE' : 'UNSUPPORTED_MODEL',
      status: 400,
      metaMessages: [`available: ${available.join(', ') || '(none)'}`],
    })
  }
}

/** Type of {@link AiCapacityError}. */
export type AiCapacityErrorType = AiCapacityError & { name: 'AiCapacityError' }

/** Every slot of the model is busy (go-livepeer answers the same case with "OrchestratorCapped"). */
export class AiCapacityError extends AiError {
  override name = 'AiCapacityError'
  constructor({ pipeline, modelId, capacity }: { pipeline: string; modelId: string; capacity: number }) {
    super(`${pipeline} ${modelId} is at capacity (${capacity} in flight)`, { code: 'CAPACITY_EXCEEDED', status: 503, retryable: true })
  }
}

/** Type of {@link AiInferenceError}. */
export type AiInferenceErrorType = AiInferenceError & { name: 'AiInferenceError' }

/** onnxruntime failed while running the model. */
export class AiInferenceError extends AiError {
  override name = 'AiInferenceError'
  constructor({ pipeline, modelId, cause }: { pipeline: string; modelId: string; cause: unknown }) {
    super(`inference failed for ${pipeline} ${modelId}`, { code: 'INFERENCE_FAILED', status: 500, cause, retryable: true })
  }
}

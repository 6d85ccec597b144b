import assert from 'node:assert/strict'
import { test } from 'node:test'
import { computeAiBillingUnits, computeAiFee } from './computeAiBillingUnits.ts'
import { InvalidAiRequestError } from './errors.ts'

test('unit: billing units per pipeline follow go-livepeer (nodes.md §11.3)', () => {
  assert.equal(computeAiBillingUnits({ pipeline: 'text-to-image' }), 262144n)
  assert.equal(computeAiBillingUnits({ pipeline: 'text-to-image', width: 1024, height: 1024, numImages: 2 }), 2097152n)
  assert.equal(computeAiBillingUnits({ pipeline: 'image-to-image', width: 640, height: 480, numImages: 3 }), 921600n)
  assert.equal(computeAiBillingUnits({ pipeline: 'upscale', width: 256, height: 256 }), 65536n)
  assert.equal(computeAiBillingUnits({ pipeline: 'image-to-video' }), 14745600n)
  assert.equal(computeAiBillingUnits({ pipeline: 'audio-to-text', durationMs: 61_000.2 }), 61001n)
  assert.equal(computeAiBillingUnits({ pipeline: 'llm' }), 256n)
  assert.equal(computeAiBillingUnits({ pipeline: 'llm', maxTokens: 1000 }), 1000n)
  assert.equal(computeAiBillingUnits({ pipeline: 'segment-anything-2', width: 100, height: 50 }), 5000n)
  assert.equal(computeAiBillingUnits({ pipeline: 'image-to-text', width: 640, height: 480 }), 307200n)
  assert.equal(computeAiBillingUnits({ pipeline: 'text-to-speech', text: 'héllo 😀' }), 7000n)
  assert.equal(computeAiBillingUnits({ pipeline: 'live-video-to-video', seconds: 5 }), 138240000n)
  assert.throws(() => computeAiBillingUnits({ pipeline: 'image-to-text', width: 640 }), InvalidAiRequestError)
  assert.throws(() => computeAiBillingUnits({ pipeline: 'upscale', width: 1.5, height: 2 }), /invalid field "width": must be a positive integer/)
})

test('unit: fee is units × pricePerUnit / pixelsPerUnit rounded up', () => {
  assert.equal(computeAiFee({ units: 307200n, pricePerUnit: 1n, pixelsPerUnit: 4n }), 76800n)
  assert.equal(computeAiFee({ units: 3n, pricePerUnit: 1n, pixelsPerUnit: 2n }), 2n)
  assert.equal(computeAiFee({ units: 262144n, pricePerUnit: 4768371n, pixelsPerUnit: 1n }), 1249999847424n)
  assert.equal(computeAiFee({ units: 10n, pricePerUnit: 0n, pixelsPerUnit: 1n }), 0n)
  assert.throws(() => computeAiFee({ units: 1n, pricePerUnit: 1n, pixelsPerUnit: 0n }), InvalidAiRequestError)
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { benchAiInference } from './benchAiInference.ts'

// Only that the bench runs on the real model; its numbers belong to `npm run bench:nodes`.
test('behavior: benchAiInference times image-to-text and names the execution provider', async () => {
  const result = await benchAiInference({ runs: 2 })
  assert.ok(result.p50Ms > 0 && result.p99Ms >= result.p50Ms)
  assert.ok(['cpu', 'cuda'].includes(result.executionProvider))
  assert.ok(result.width > 0 && result.height > 0)
  await assert.rejects(benchAiInference({ runs: 0 }), RangeError)
})

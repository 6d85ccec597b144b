import assert from 'node:assert/strict'
import { test } from 'node:test'
import { benchTicketVerification } from './benchTicketVerification.ts'

// Only that the bench runs and counts; its numbers belong to `npm run bench:nodes`.
test('behavior: benchTicketVerification verifies signed tickets and reports rates', async () => {
  const result = await benchTicketVerification({ seconds: 0.1, referenceSeconds: 0.05, tickets: 4 })
  assert.ok(result.verified >= 4 && result.verified % 4 === 0)
  assert.ok(result.perSecond > 0 && Number.isFinite(result.perCpuSecond))
  assert.ok((result.protocolPerSecond ?? 0) > 0)
  await assert.rejects(benchTicketVerification({ seconds: 0 }), RangeError)
})

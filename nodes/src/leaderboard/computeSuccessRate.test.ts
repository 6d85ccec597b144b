import assert from 'node:assert/strict'
import { test } from 'node:test'
import { computeSuccessRate } from './computeSuccessRate.ts'
import { formatWeiRatio } from './formatWeiRatio.ts'

test('unit: success rate is received / profiles / sent, clamped', () => {
  assert.equal(computeSuccessRate({ segmentsSent: 15, segmentsReceived: 45, profiles: 3 }), 1)
  assert.equal(computeSuccessRate({ segmentsSent: 15, segmentsReceived: 36, profiles: 3 }), 0.8)
  assert.equal(computeSuccessRate({ segmentsSent: 15, segmentsReceived: 50, profiles: 3 }), 1)
  assert.equal(computeSuccessRate({ segmentsSent: 0, segmentsReceived: 0, profiles: 3 }), 0)
})

test('unit: formatWeiRatio gives exact decimal prices per pixel', () => {
  assert.equal(formatWeiRatio(1200n, 1n), '1200')
  assert.equal(formatWeiRatio(1200n, 1000n), '1.2')
  assert.equal(formatWeiRatio(1n, 3n), '0.333333333333333333')
  assert.equal(formatWeiRatio(0n, 7n), '0')
  assert.throws(() => formatWeiRatio(1n, 0n), RangeError)
})

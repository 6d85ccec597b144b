import assert from 'node:assert/strict'
import { test } from 'node:test'
import { aiRoundTripScore, computeAiScore } from './computeAiScore.ts'

test('unit: AI round-trip score is 0.8 at the median and e^(−k·RTT) around it', () => {
  assert.equal(aiRoundTripScore({ roundTripTime: 1.5, medianRoundTripTime: 1.5 }), 0.8)
  // Twice the median: 0.8² = 0.64; half: √0.8.
  assert.ok(Math.abs(aiRoundTripScore({ roundTripTime: 3, medianRoundTripTime: 1.5 }) - 0.64) < 1e-15)
  assert.ok(Math.abs(aiRoundTripScore({ roundTripTime: 0.75, medianRoundTripTime: 1.5 }) - 0.894427190999916) < 1e-15)
  assert.equal(aiRoundTripScore({ roundTripTime: 0, medianRoundTripTime: 1.5 }), 1)
  assert.equal(aiRoundTripScore({ roundTripTime: 1, medianRoundTripTime: undefined }), 0)
  assert.equal(aiRoundTripScore({ roundTripTime: 1, medianRoundTripTime: 0 }), 0)
})

test('unit: AI score is 0.65 × success rate + 0.35 × round-trip score', () => {
  const { successRate, roundTripScore, score } = computeAiScore({ successRate: 0.5, roundTripTime: 2, medianRoundTripTime: 1 })
  assert.deepEqual([successRate, Math.round(roundTripScore * 1e15) / 1e15], [0.5, 0.64])
  // 0.325 + 0.35 × 0.64 = 0.549
  assert.ok(Math.abs(score - 0.549) < 1e-15)
})

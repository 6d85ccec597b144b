import assert from 'node:assert/strict'
import { test } from 'node:test'
import { computeTranscodingScore, transcodingRoundTripScore } from './computeTranscodingScore.ts'

test('unit: transcoding round-trip score is 1 − e^(−seg/RTT)', () => {
  // nodes.md §12.3: 0.632 at real time, 0.865 at 2× real time, 0.393 at 0.5×.
  assert.equal(transcodingRoundTripScore({ segDuration: 2, roundTripTime: 2 }), 0.6321205588285577)
  assert.equal(transcodingRoundTripScore({ segDuration: 2, roundTripTime: 1 }), 0.8646647167633873)
  assert.equal(transcodingRoundTripScore({ segDuration: 1, roundTripTime: 2 }), 0.3934693402873666)
  assert.equal(transcodingRoundTripScore({ segDuration: 2, roundTripTime: 0 }), 0)
})

test('unit: transcoding score is success rate × round-trip score, 0 with no success', () => {
  assert.deepEqual(computeTranscodingScore({ successRate: 0.5, segDuration: 2000, roundTripTime: 1000 }), {
    successRate: 0.5,
    roundTripScore: 0.8646647167633873,
    score: 0.43233235838169365,
  })
  assert.equal(computeTranscodingScore({ successRate: 0, segDuration: 2000, roundTripTime: 1000 }).score, 0)
})

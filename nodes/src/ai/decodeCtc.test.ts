import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeCtc } from './decodeCtc.ts'

test('unit: greedy CTC collapses repeats, drops blanks and averages kept probabilities', () => {
  const characters = ['a', 'b', 'c']
  // Steps: a a blank a b b c → "aabc" (the blank separates the two a's).
  const best = [1, 1, 0, 1, 2, 2, 3]
  const p = [0.9, 0.8, 0.7, 0.6, 0.5, 0.9, 0.4]
  const probabilities = new Float32Array(best.length * 4)
  best.forEach((k, step) => {
    for (let c = 0; c < 4; c++) probabilities[step * 4 + c] = c === k ? (p[step] as number) : (1 - (p[step] as number)) / 3
  })
  const { text, confidence } = decodeCtc({ probabilities, steps: best.length, classes: 4, characters })
  assert.equal(text, 'aabc')
  // Kept steps 0, 3, 4, 6: (0.9 + 0.6 + 0.5 + 0.4) / 4
  assert.ok(Math.abs(confidence - 0.6) < 1e-6)
  assert.deepEqual(decodeCtc({ probabilities: new Float32Array([1, 0, 1, 0]), steps: 2, classes: 2, characters: ['x'] }), { text: '', confidence: 0 })
  assert.throws(() => decodeCtc({ probabilities: new Float32Array(3), steps: 2, classes: 2, characters }), RangeError)
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { percPoints } from './percPoints.ts'

test('behavior: parts per million, truncated', () => {
  assert.equal(percPoints(1n, 1n), 1_000_000n)
  assert.equal(percPoints(1n, 3n), 333_333n) // 1e6 / 3 = 333333.33…
  assert.equal(percPoints(2n, 3n), 666_666n) // truncates, does not round
  assert.equal(percPoints(0n, 7n), 0n)
})

test('behavior: division by zero throws', () => {
  assert.throws(() => percPoints(1n, 0n), RangeError)
})

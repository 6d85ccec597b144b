import assert from 'node:assert/strict'
import { test } from 'node:test'
import { percPointsV2 } from './percPointsV2.ts'

test('behavior: parts per billion, truncated', () => {
  assert.equal(percPointsV2(1n, 1n), 1_000_000_000n)
  assert.equal(percPointsV2(1n, 3n), 333_333_333n)
  // bonding rate of 45 M bonded out of 90.1 M supply: 45e24 × 1e9 / 90.1e24 = 499445061.04… → 499445061
  assert.equal(percPointsV2(45n * 10n ** 24n, 901n * 10n ** 23n), 499_445_061n)
})
